// Files that hold the officials' data or the keys to it are for the user running dondoc alone: the data directory
// 0700, a file holding a connection secret 0600 (written under that mode from its first byte, never widened after).
import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and its parents) if needed and narrows it to 0700 when this user owns it. Returns a sentence for the
 * log when it could not (someone else's directory), undefined when all is well.
 */
export function ensurePrivateDir(dir: string): string | undefined {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const info = statSync(dir);
  if ((info.mode & 0o777) === PRIVATE_DIR_MODE) return undefined;
  if (typeof process.getuid === 'function' && info.uid !== process.getuid()) {
    return `the data directory belongs to another user and is open to others (mode ${(info.mode & 0o777).toString(8)}); make it 0700`;
  }
  try {
    chmodSync(dir, PRIVATE_DIR_MODE);
    return undefined;
  } catch (e) {
    return `could not make the data directory private (chmod 0700): ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Writes `content` to `file` readable by this user only: a new file with mode 0600, then renamed over the old one. */
export function writePrivateFile(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  rmSync(temp, { force: true });
  writeFileSync(temp, content, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  // The umask may only narrow the mode; make sure it is exactly 0600.
  chmodSync(temp, PRIVATE_FILE_MODE);
  renameSync(temp, file);
}
