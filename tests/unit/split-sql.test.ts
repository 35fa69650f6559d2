import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from '../../src/db/migrate/split-sql.js';

describe('splitting a migration script into statements', () => {
  it('splits on ";" between statements and drops comment-only pieces', () => {
    expect(splitSqlStatements('-- a comment; with a semicolon\nCREATE TABLE a (x int);\n\n-- DropIndex\nDROP INDEX "b";\n-- trailing; comment\n')).toEqual([
      '-- a comment; with a semicolon\nCREATE TABLE a (x int)',
      '-- DropIndex\nDROP INDEX "b"',
    ]);
  });

  it('keeps a dollar-quoted DO block whole, with its inner statements and a ";" in a string inside', () => {
    const block = "DO $$\nBEGIN\n  IF true THEN\n    RAISE NOTICE 'one; two';\n  END IF;\nEND\n$$";
    const tagged = 'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql';
    expect(splitSqlStatements(`${block};\n${tagged};\nSELECT 2;`)).toEqual([block, tagged, 'SELECT 2']);
  });

  it('does not split inside strings, quoted names or block comments; an apostrophe in a line comment is no string', () => {
    const script = [
      "-- the organisation's rows\nINSERT INTO t (a) VALUES ('x;y', 'it''s; fine')",
      'SELECT "odd;name" FROM t /* a; /* nested; */ comment */ WHERE a = $1',
      "SELECT E'back\\'slash;'",
    ];
    expect(splitSqlStatements(`${script.join(';\n')};`)).toEqual(script);
  });

  it('the organisations migration keeps each DO block as one statement', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('../../prisma/migrations/', import.meta.url);
    const name = (await readdir(dir)).find((d) => d.endsWith('_organisations'))!;
    const statements = splitSqlStatements(await readFile(new URL(`${name}/migration.sql`, dir), 'utf8'));
    const blocks = statements.filter((s) => /^DO \$\$/m.test(s.replace(/^--.*\n/gm, '')));
    expect(blocks).toHaveLength(3);
    for (const b of blocks) expect(b.trimEnd().endsWith('$$')).toBe(true);
    expect(statements.filter((s) => /CREATE POLICY org_wall/.test(s))).toHaveLength(45);
  });
});
