// One line that tells an operator which database a command works on, without the password.
import path from 'node:path';

/** "postgresql 127.0.0.1:5432/dondoc" or "embedded ./data" (DATA_DIR relative to where the command runs). */
export function describeDatabase(config: { databaseUrl: string | undefined; dataDir: string }, cwd = process.cwd()): string {
  if (!config.databaseUrl) {
    const relative = path.relative(cwd, config.dataDir);
    const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? config.dataDir : `./${relative}`;
    return `embedded ${shown}`;
  }
  try {
    const url = new URL(config.databaseUrl);
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default)';
    const host = url.hostname || url.searchParams.get('host') || 'localhost';
    return `postgresql ${host}:${url.port || '5432'}/${database}`;
  } catch {
    return 'postgresql (DATABASE_URL is not a URL)';
  }
}
