// The project root (where package.json, locales/, prisma/ and samples/ live), found by walking up from the module
// that asks: the same answer whether the code runs as TypeScript from src/ (tsx, tests) or compiled into
// dist/ (`npm start`, scripts/build.mjs), where a fixed number of '..' would point elsewhere.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRootFrom(moduleUrl: string): string {
  const start = path.dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'locales'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project root (package.json beside locales/) above ${start}`);
  }
}

export const PROJECT_ROOT = projectRootFrom(import.meta.url);
