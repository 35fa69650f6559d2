// A batch of rows as one JSON text, read in SQL with `json_to_recordset($1::json) AS t(col type, …)` (issue 14).
// One bound parameter instead of a column array each: Prisma and pg then handle one string, not every element of a
// dozen arrays (each checked, converted and escaped into an array literal on the way), which a firing wave paid for
// hundreds of rows per statement. Dates go as ISO text, which a `timestamp` column reads as the UTC time Prisma
// stores. Bigints must be given as decimal text: JSON has none, and a replacer function would be called for every
// value. Name the columns in the SQL (never `SELECT *`), so a column added to a table later changes nothing here.
type JsonField = string | number | boolean | null | Date | { readonly [k: string]: unknown } | readonly unknown[];

export function recordsJson(rows: readonly Record<string, JsonField>[]): string {
  return JSON.stringify(rows);
}
