// Issue 18 point 3, graceful shutdown: two real `src/main.ts` workers share a wave of due reminders; one gets SIGTERM
// in the middle of it. It finishes the jobs in hand (the wave it fires, the message it sends), takes no other and
// exits 0; the other delivers the rest, and the stopped one started again joins in. Nothing is lost, nothing arrives
// twice, no message is left SENDING.
// (SIGKILL in the middle of a wave, and another worker taking over: tests/fault/kill-worker.test.ts.)
//
// Mid-wave by construction, not by timing: the stand-in lets the wave's first sends through, then holds every send
// (Telegram slow to answer) until the SIGTERM has landed on a worker with sends in hand. And the wave starts only once
// both workers are up: they fire clock levels and send, but the due levels are found (the reconciler) by a third
// process started after them, so no send waits at the stand-in while a worker is still starting (a send held past
// the sender's 60 s timeout would go twice).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultRig, type FaultRig } from '../support/fault-rig.js';
import { freePort, startMain, type MainProcess } from '../support/main-process.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { waitUntil } from '../support/wait.js';

const DUE = 600;
/** Sends the stand-in accepts before it holds the rest: some of the wave delivered, most still to come. */
const FIRST_SENDS = 10;
let rig: FaultRig | undefined;
const mains: MainProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const m of mains) await m.stop();
  await rig?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a worker stopped with SIGTERM in the middle of a wave', () => {
  it('finishes what it holds and exits 0; the other delivers the rest, each once, also after a restart', { timeout: 900_000 }, async () => {
    rig = await createFaultRig(DUE);
    // The same bot; each worker's token spelled its own way (the stand-in takes any) tells the test whose sends it holds.
    const tokens = ['7000000001:AAtest-token-for-the-stand-in-worker-a', '7000000001:AAtest-token-for-the-stand-in-worker-b'] as const;
    const env = async (token: string, queues: string): Promise<Record<string, string>> => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-mws-'));
      dirs.push(dataDir);
      return {
        ROLE: 'worker',
        WORKER_QUEUES: queues,
        DATABASE_URL: rig!.db.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: rig!.prefix,
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_API_ROOT: rig!.tg.url,
        DELIVERY_RATE_GLOBAL: '1000',
        DELIVERY_RATE_PER_CHAT: '1000',
        DATA_DIR: dataDir,
        HTTP_PORT: String(await freePort()),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        // Generous on a busy machine: the test is that it ends by itself, with 0.
        SHUTDOWN_GRACE_MS: '120000',
      };
    };
    const slow = rig.tg.hold('sendMessage', { skip: FIRST_SENDS });
    try {
      const envs = [await env(tokens[0], 'clocks,delivery'), await env(tokens[1], 'clocks,delivery')];
      const workers = envs.map((e) => startMain(e));
      mains.push(...workers);
      await Promise.all(workers.map((w) => w.waitForLog(/^dondoc ready:/)));
      // Both up: now the due levels are found (at the finder's start, before its ready line) and the wave starts. Not
      // waiting for the finder to be ready: the sends held meanwhile would outlive the sender's timeout.
      const finder = startMain(await env(tokens[0], 'maintenance'));
      mains.push(finder);
      await waitUntil(() => slow.held().length > 0, { timeoutMs: 600_000, intervalMs: 10, message: 'sends held mid-wave' });
      // The one to stop holds at least one send in hand (the other may too).
      const heldBy = (n: number) => slow.held().filter((c) => c.token === tokens[n]).length;
      const victim = heldBy(0) > 0 ? 0 : 1;
      expect(heldBy(victim)).toBeGreaterThan(0);
      const stopped = workers[victim]!;
      const other = workers[1 - victim]!;
      const deliveredAtStop = [...rig.deliveries().values()].filter((n) => n > 0).length;
      expect(deliveredAtStop).toBeGreaterThan(0);
      expect(deliveredAtStop).toBeLessThan(DUE);

      stopped.child.kill('SIGTERM');
      // The stop has landed (it takes no new job from here) while its sends are still on their way: now they may end.
      await stopped.waitForLog(/^stopping: finishing the jobs in hand$/);
      slow.release();
      expect(await stopped.exited).toBe(0);
      expect(stopped.messages()).toContain('stopped: every request answered and every job in hand finished');

      // Started again (a rolling restart): it joins the other, and what it held is not sent again.
      const restarted = startMain(envs[victim]!);
      mains.push(restarted);
      await restarted.waitForLog(/^dondoc ready:/);
      await rig.settled(600_000);
      expect([...rig.deliveries()].filter(([, n]) => n !== 1)).toEqual([]);
      expect(rig.duplicateMessages()).toEqual([]);
      expect(await rig.db.db.reminder.count()).toBe(DUE);
      expect(await rig.db.db.outbox.count({ where: { status: { not: 'SENT' } } })).toBe(0);
      expect(other.child.exitCode).toBeNull();
      expect(restarted.child.exitCode).toBeNull();
    } finally {
      slow.release();
    }
  });
});
