// The whole bot with the sample district imported, as a file-scoped `test.extend` fixture: an e2e file starts its
// servers and database once, and each test builds its own starting state on it (tests/support/zalo-pair.ts).
import { createHarness, type Harness, type HarnessOptions } from './app-harness.js';

type HarnessFixture = [(context: object, use: (h: Harness) => Promise<void>) => Promise<void>, { scope: 'file' }];

export function sampleHarness(options: HarnessOptions = {}): HarnessFixture {
  return [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const h = await createHarness(options);
      try {
        await h.importSample();
        await use(h);
      } finally {
        await h.close();
      }
    },
    { scope: 'file' },
  ];
}
