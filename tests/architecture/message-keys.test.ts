// Every key the code names is in the catalogue: literal keys given to t(), translators and DomainError, and the
// prefixes of keys composed at run time (dynamicKey(`status-${…}`)); the generated MessageKey type is current; vi and
// en have the same keys. A typo is then found here (or by tsc through MessageKey), not by a user.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from '../../src/i18n/message-keys.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const keys = new Set<string>(MESSAGE_KEYS);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' || name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|mjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const KEY = String.raw`([a-z][a-zA-Z0-9_]*(?:-[a-zA-Z0-9_]+)+)`;
/** Literal keys: t('key'), s.t('key'), catalogue.t(locale, 'key'), new DomainError('key'), dynamicKey('key'). */
const LITERAL = [
  new RegExp(String.raw`\bt\(\s*'${KEY}'`, 'g'),
  new RegExp(String.raw`\.t\(\s*[\w.!'"]+\s*,\s*'${KEY}'`, 'g'),
  new RegExp(String.raw`DomainError\(\s*'${KEY}'`, 'g'),
  new RegExp(String.raw`dynamicKey\(\s*'${KEY}'`, 'g'),
];
/** Composed keys: the literal text before the first ${…} must begin at least one catalogue key. */
const COMPOSED = [/(?:\bt|dynamicKey|DomainError)\(\s*\x60([a-z][a-zA-Z0-9_-]*-)\$\{/g, /\.t\(\s*[\w.!'"]+\s*,\s*\x60([a-z][a-zA-Z0-9_-]*-)\$\{/g];

function unknownKeys(files: string[]): string[] {
  const missing: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const where = (index: number) => `${path.relative(root, file)}:${text.slice(0, index).split('\n').length}`;
    for (const re of LITERAL) for (const m of text.matchAll(re)) if (!keys.has(m[1]!)) missing.push(`${where(m.index)} '${m[1]}'`);
    for (const re of COMPOSED) {
      for (const m of text.matchAll(re)) if (![...keys].some((k) => k.startsWith(m[1]!))) missing.push(`${where(m.index)} \`${m[1]}\${…}\``);
    }
  }
  return missing;
}

describe('message keys', () => {
  it('the code names only keys the catalogue has', () => {
    const files = ['src', 'jobs', 'scripts'].flatMap((d) => sourceFiles(path.join(root, d)));
    expect(files.length).toBeGreaterThan(100);
    expect(unknownKeys(files)).toEqual([]);
  });

  it('finds a key the catalogue lacks (the scan itself works)', () => {
    const probe = path.join(root, 'tests', 'architecture', 'fixtures', 'unknown-key.ts.txt');
    expect(unknownKeys([probe]).map((m) => m.replace(/^.*?:\d+ /, ''))).toEqual(["'task-not-a-real-key'", "'no-such-error'", '`nowhere-${…}`']);
  });

  it('the generated MessageKey file is current', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'message-keys.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('Vietnamese and English have the same keys', () => {
    const ids = (locale: string) =>
      readdirSync(path.join(root, 'locales', locale))
        .filter((f) => f.endsWith('.ftl'))
        .flatMap((f) => readFileSync(path.join(root, 'locales', locale, f), 'utf8').split(/\r?\n/))
        .flatMap((l) => /^([a-zA-Z][a-zA-Z0-9_-]*)\s*=/.exec(l)?.[1] ?? [])
        .sort();
    const vi = ids('vi');
    const en = ids('en');
    expect(vi.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !vi.includes(k))).toEqual([]);
  });
});
