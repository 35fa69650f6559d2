// The wasm schema engine runs our migrations offline (src/db/migrate): it must be the build the Prisma CLI was made
// with, pinned exactly so `npm install` never slides it to another engine under an unchanged CLI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as { version: string; dependencies: Record<string, string> };
const pkg = read('package.json');
// Read from node_modules: neither package exports its package.json.
const wasm = read('node_modules/@prisma/schema-engine-wasm/package.json').version;
const engines = read('node_modules/@prisma/engines-version/package.json').version;

describe('@prisma/schema-engine-wasm', () => {
  it('is pinned exactly, to the installed build', () => {
    expect(pkg.dependencies['@prisma/schema-engine-wasm']).toBe(wasm);
  });
  it('is from the engine line of the installed Prisma CLI', () => {
    // Prisma 7.10.1 ships engines 8.1.0-1.d1b3f377; no wasm build of that commit is published, the nearest is
    // 8.1.0-2.59be4fda (same 8.1.0 line). A CLI upgrade to another line fails here until the pin follows it.
    expect(wasm.split('-')[0]).toBe(engines.split('-')[0]);
  });
});
