// The figures of issue 10's closing note over a checkout of the project (this one by default):
//   node scripts/structure-counts.mjs [root]
// imports between top folders, Prisma model calls and raw SQL outside src/db, copies of the time and text helpers,
// and the longest functions of src/app (TypeScript's parser). Give another root (a `git worktree add` of an older
// commit) to compare; the script and its TypeScript come from this checkout.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..'));

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (e === 'node_modules' || e === 'generated' || p.includes('/sandbox/page')) continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|mts)$/.test(e) && !e.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
const files = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'jobs'))];
const rel = (p) => path.relative(root, p);
function layer(r) {
  if (r.startsWith('jobs/')) return 'jobs';
  const m = /^src\/([^/]+)\//.exec(r);
  return m ? m[1] : r;
}
function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const p = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
  for (const c of [`${p}.ts`, `${p}/index.ts`, p]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}
const dir = {};
const src = {};
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  src[f] = text;
  const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
  const specs = [];
  const visit = (n) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier))
      specs.push(n.moduleSpecifier.text);
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0]))
      specs.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  for (const s of specs) {
    const to = resolve(f, s);
    if (!to) continue;
    const a = layer(rel(f)),
      b = layer(rel(to));
    if (a === b) continue;
    const k = `${a}→${b}`;
    dir[k] = (dir[k] ?? 0) + 1;
  }
}
const pick = ['app→channels', 'channels→app', 'channels→db', 'jobs→db', 'app→db', 'http→db', 'channels→http', 'db→channels', 'db→app'];
console.log('imports by direction (import/export-from statements, files in src/ and jobs/):');
for (const k of pick) console.log(`  ${k}: ${dir[k] ?? 0}`);

// Prisma model calls and raw SQL outside src/db
const schema = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
const models = [...schema.matchAll(/^model (\w+)/gm)].map((m) => m[1][0].toLowerCase() + m[1].slice(1));
const ops =
  'findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|create|createMany|createManyAndReturn|update|updateMany|delete|deleteMany|upsert|count|aggregate|groupBy';
const modelRe = new RegExp(`(?<!stores)\\.(${models.join('|')})\\s*\\.\\s*(${ops})\\b`, 'g');
const rawRe = /\$(queryRaw|executeRaw)(Unsafe)?\b/g;
const byArea = {};
let modelTotal = 0,
  rawTotal = 0;
for (const f of files) {
  const r = rel(f);
  if (r.startsWith('src/db/')) continue;
  const code = src[f].replace(/\/\/.*$/gm, '');
  const m = (code.match(modelRe) ?? []).length,
    q = (code.match(rawRe) ?? []).length;
  if (m + q === 0) continue;
  modelTotal += m;
  rawTotal += q;
  const area = r.startsWith('src/app/interaction') ? 'src/app/interaction' : layer(r) === 'jobs' || !r.includes('/', 4) ? layer(r) : `src/${layer(r)}`;
  byArea[area] ??= { model: 0, raw: 0 };
  byArea[area].model += m;
  byArea[area].raw += q;
}
console.log(`Prisma model calls outside src/db: ${modelTotal}; raw SQL calls outside src/db: ${rawTotal}`);
for (const [a, v] of Object.entries(byArea).sort()) console.log(`  ${a}: model ${v.model}, raw ${v.raw}`);

// Copies
const count = (re) => {
  const hits = [];
  for (const f of files) for (const _m of src[f].matchAll(re)) hits.push(rel(f));
  return hits;
};
const show = (label, hits) => console.log(`  ${label}: ${hits.length}${hits.length ? ` (${[...new Set(hits)].join(', ')})` : ''}`);
console.log('copies (definitions / sites in src and jobs):');
show("text folding sites (normalize('NFD') then marks dropped)", count(/normalize\(['"]NFD['"]\)/g));
show('DAY_MS definitions', count(/\b(const|let)\s+DAY_MS\s*=/g));
show('isTimeZone definitions', count(/function\s+isTimeZone\b|const\s+isTimeZone\s*=/g));
show('Intl.DateTimeFormat sites', count(/Intl\.DateTimeFormat\s*\(/g));
show('sleep definitions', count(/function\s+sleep\b|const\s+sleep\s*=/g));

// Longest functions in src/app
const fns = [];
for (const f of files) {
  const r = rel(f);
  if (!r.startsWith('src/app/')) continue;
  const sf = ts.createSourceFile(f, src[f], ts.ScriptTarget.Latest, true);
  const nameOf = (n) => {
    if (n.name && ts.isIdentifier(n.name)) return n.name.text;
    if (n.name && ts.isStringLiteral(n.name)) return `'${n.name.text}'`;
    const p = n.parent;
    if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (p && ts.isPropertyAssignment(p)) return ts.isStringLiteral(p.name) ? `'${p.name.text}'` : p.name.getText(sf);
    if (p && ts.isCallExpression(p)) return `(callback of ${p.expression.getText(sf).slice(0, 40)})`;
    return '(anonymous)';
  };
  const visit = (n) => {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
      if (n.body) {
        const a = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
        const b = sf.getLineAndCharacterOfPosition(n.end).line + 1;
        fns.push({ name: nameOf(n), file: r, line: a, lines: b - a + 1 });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
fns.sort((x, y) => y.lines - x.lines);
console.log('5 longest functions in src/app (lines, start to end):');
for (const f of fns.slice(0, 5)) console.log(`  ${f.lines}  ${f.name}  ${f.file}:${f.line}`);

// Lines the formatter's width (160) would not keep
const long = files.reduce((n, f) => n + src[f].split('\n').filter((l) => l.length > 160).length, 0);
console.log(`lines over 160 characters in src/ and jobs/: ${long}`);
