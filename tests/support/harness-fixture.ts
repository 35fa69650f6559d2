// The whole bot with the sample district imported, as a file-scoped `test.extend` fixture: an e2e file starts its
// servers and database once, and each test builds its own starting state on it (tests/support/zalo-pair.ts). A test
// that needs what a harness holds only once (the month's message count, the clock moved on) takes one of its own
// with `withSampleHarness` in a test-scoped fixture.
import { createHarness, type Harness, type HarnessOptions } from './app-harness.js';

type HarnessFixture = [(context: object, use: (h: Harness) => Promise<void>) => Promise<void>, { scope: 'file' }];

/** Runs `use` on a new harness with the sample district imported, and closes it after, whatever happened. */
export async function withSampleHarness(options: HarnessOptions, use: (h: Harness) => Promise<void>): Promise<void> {
  const h = await createHarness(options);
  try {
    await h.importSample();
    await use(h);
  } finally {
    await h.close();
  }
}

export function sampleHarness(options: HarnessOptions = {}): HarnessFixture {
  return [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
    async ({}, use) => withSampleHarness(options, use),
    { scope: 'file' },
  ];
}
