// Runs dependency-cruiser with .dependency-cruiser.cjs over src/ and jobs/ and lists every violation as one line,
// "rule: from → to", sorted. Shared by the test (tests/architecture/dependency-rules.test.ts) and the script that
// rewrites the list of known violations (scripts/known-violations.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KNOWN_VIOLATIONS_FILE = path.join(ROOT, 'tests/architecture/known-violations.json');

/** The layer a module belongs to: its top folder under src/ (src/app), jobs, or a file directly in src/. */
export function layerOf(modulePath: string): string | undefined {
  const m = /^(src\/[^/]+|jobs)(\/|$)/.exec(modulePath);
  return m ? m[1] : undefined;
}

/**
 * Cycles between layers (rule "no-layer-cycles"): dependency-cruiser's folder rules look at each folder's own files
 * only (src/app/tasks, src/db/repositories), so the cycles between top folders (src/app → src/db → src/app) are
 * found here, on the graph of the cruise reduced to layers. Each edge inside a cycle is one violation.
 */
export function layerCycles(result: ICruiseResult): string[] {
  const edges = new Map<string, Set<string>>();
  for (const mod of result.modules) {
    const from = layerOf(mod.source);
    if (!from) continue;
    for (const dep of mod.dependencies) {
      const to = layerOf(dep.resolved);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  const reaches = (a: string, b: string): boolean => {
    const seen = new Set<string>();
    const stack = [a];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n === b) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(edges.get(n) ?? []));
    }
    return false;
  };
  const out: string[] = [];
  for (const [from, tos] of edges) for (const to of tos) if (reaches(to, from)) out.push(`no-layer-cycles: ${from} → ${to}`);
  return out;
}

export async function cruiseProject(): Promise<ICruiseResult> {
  const cwd = process.cwd();
  // dependency-cruiser resolves the configuration's paths from the working directory.
  process.chdir(ROOT);
  try {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    const result = await cruise(['src', 'jobs'], { ...options, validate: true }, undefined, { tsConfig: extractTSConfig('./tsconfig.json') });
    return result.output as ICruiseResult;
  } finally {
    process.chdir(cwd);
  }
}

/** Every violation of the rules, one line each, sorted and without repeats. */
export async function findViolations(): Promise<string[]> {
  const result = await cruiseProject();
  const lines = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  return [...new Set([...lines, ...layerCycles(result)])].sort();
}
