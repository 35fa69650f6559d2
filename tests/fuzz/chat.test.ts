// The chat fuzz in `npm test` (issue 19.6): a few hundred random updates through the real webhooks, seeded (a fixed
// seed by default, printed; FUZZ_SEED=random draws one). FUZZ_SEED=<n> replays a run, FUZZ_UPDATES=<n> changes its length, FUZZ_TEXT=safe|all leaves out (or
// not) the text families another branch is fixing (hostile-text.ts), FUZZ_REPLAY=<file> posts the steps a failed run wrote,
// FUZZ_KEEP_GOING=1 goes on after a failure, FUZZ_TRACE=1 prints every step and what the bot said. The long run is
// `npm run fuzz -- --updates 5000 --seed N` (scripts/fuzz.mjs), which runs this same file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeReport, familiesFrom, runChatFuzz, type Step } from './chat-fuzz.js';
import { seedFrom } from './random.js';

const replay = process.env.FUZZ_REPLAY ? (JSON.parse(readFileSync(process.env.FUZZ_REPLAY, 'utf8')) as { seed: number; steps: Step[] }) : undefined;
const updates = replay?.steps.length ?? Number(process.env.FUZZ_UPDATES ?? 300);
// Every text family, now that the text sanitiser (branch d-text, issues 19.1, 19.2, 9.7) is in.
const DEFAULT_TEXT = 'all';

describe('chat fuzz', () => {
  it(`${updates} random updates through the Telegram and Zalo webhooks: no 5xx, no internal error, nothing hanging`, {
    timeout: 120_000 + updates * 1_000,
  }, async () => {
    const seed = replay?.seed ?? seedFrom(process.env.FUZZ_SEED);
    const families = familiesFrom(process.env.FUZZ_TEXT, DEFAULT_TEXT);
    console.log(`chat fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it)${replay ? `, replaying ${process.env.FUZZ_REPLAY}` : ''}`);
    const report = await runChatFuzz({
      seed,
      updates,
      families,
      stopAtFirst: process.env.FUZZ_KEEP_GOING !== '1',
      ...(replay ? { replay: replay.steps } : {}),
      trace: process.env.FUZZ_TRACE === '1',
      log: (line) => console.log(line),
    });
    const text = describeReport(report, families);
    console.log(text);
    expect(report.failures, text).toEqual([]);
    expect(report.steps).toBe(updates);
  });
});
