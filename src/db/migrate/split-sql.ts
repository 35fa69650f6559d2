// Splits a migration script into statements for the schema engine's driver adapter. @prisma/adapter-pg's
// executeScript splits on every ";", which cuts a dollar-quoted body (DO $$ … $$, the organisations migration's role
// and grants) into pieces PostgreSQL cannot run. This splitter knows the SQL lexemes a ";" can hide in: '…' and
// E'…' strings, "…" identifiers, -- and /* */ comments, and $tag$ … $tag$ bodies.

/** The statements of `script`, in order, trimmed, without empty ones (a comment alone is not a statement). */
export function splitSqlStatements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  let code = false; // the current piece has something besides comments and blanks
  const push = (end: number) => {
    const text = script.slice(start, end).trim();
    if (code && text.length > 0) out.push(text);
    start = end + 1;
    code = false;
  };
  while (i < script.length) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === '-' && next === '-') {
      const nl = script.indexOf('\n', i);
      i = nl === -1 ? script.length : nl + 1;
    } else if (c === '/' && next === '*') {
      // Block comments nest in PostgreSQL.
      let depth = 1;
      i += 2;
      while (i < script.length && depth > 0) {
        if (script[i] === '/' && script[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (script[i] === '*' && script[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'" || c === '"') {
      // '' (or "") inside doubles the quote; an E'…' string may also escape it with a backslash.
      const escapes = c === "'" && i > 0 && /[eE]/.test(script[i - 1]!) && !/[\w$]/.test(script[i - 2] ?? ' ');
      code = true;
      i++;
      while (i < script.length) {
        if (escapes && script[i] === '\\') i += 2;
        else if (script[i] === c && script[i + 1] === c) i += 2;
        else if (script[i] === c) {
          i++;
          break;
        } else i++;
      }
    } else if (c === '$' && !/[\w$]/.test(script[i - 1] ?? ' ')) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        code = true;
        i = end === -1 ? script.length : end + tag[0].length;
      } else i++; // $1: a parameter
    } else if (c === ';') {
      push(i);
      i++;
    } else {
      if (!/\s/.test(c)) code = true;
      i++;
    }
  }
  push(script.length);
  return out;
}
