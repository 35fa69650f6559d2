import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    // Files run in parallel: each has its own database and its own BullMQ prefix.
    maxWorkers: 4,
    // A guard against a hang, not a speed goal (those live in bench/): at a load of 25–30 on 2 cores the longest
    // chained tests (a review, a self-review round, 2,000 years of Tết) took 30–40 s and failed on this bound alone.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  },
});
