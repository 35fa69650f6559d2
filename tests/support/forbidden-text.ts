// The scan behind the sanitiser tests: every text column of every table (JSON too, where an escaped control character
// would hide), read back as text, must hold none of the characters the one sanitiser removes.
import type { PrismaClient } from '../../src/db/client.js';

/** What must never be stored nor sent. PostgreSQL cannot store NUL: a NUL that got through is an internal error. */
export const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const FORBIDDEN_ESCAPED = /\\u00(0|1)[0-9a-f]|\\u20(0b|0e|0f|2[a-e]|6[0-9])|\\ufeff/i;

/** `table.column: value` for every stored value that holds a forbidden character (an empty list when clean). */
export async function forbiddenStored(db: PrismaClient): Promise<string[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb') AND table_name <> '_prisma_migrations'`;
  if (columns.length <= 20) throw new Error(`only ${columns.length} text columns found: the scan would prove nothing`);
  const dirtyRows: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await db.$queryRawUnsafe<{ v: string }[]>(`SELECT "${column_name}"::text AS v FROM "${table_name}" WHERE "${column_name}" IS NOT NULL`);
    for (const r of rows)
      if (FORBIDDEN.test(r.v) || FORBIDDEN_ESCAPED.test(r.v)) dirtyRows.push(`${table_name}.${column_name}: ${JSON.stringify(r.v).slice(0, 120)}`);
  }
  return dirtyRows;
}
