// Rewrites tests/architecture/known-violations.json with the violations of the dependency rules that occur now.
// Run it after removing violations (the list may only shrink; the test fails on any new one).
import { writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const rules = await tsImport('../tests/architecture/dependency-rules.ts', import.meta.url);
const found = await rules.findViolations();
writeFileSync(rules.KNOWN_VIOLATIONS_FILE, `${JSON.stringify(found, null, 2)}\n`);
const byRule = {};
for (const v of found) byRule[v.slice(0, v.indexOf(':'))] = (byRule[v.slice(0, v.indexOf(':'))] ?? 0) + 1;
console.log(`${found.length} known violations:`, byRule);
