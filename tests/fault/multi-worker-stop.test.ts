// Issue 18 point 3, graceful shutdown: two real `src/main.ts` workers share a wave of due reminders; one gets SIGTERM
// in the middle of it. It finishes the jobs in hand (the wave it fires, the message it sends), takes no other and
// exits 0; the other delivers the rest. Nothing is lost, nothing arrives twice, no message is left SENDING.
// (SIGKILL in the middle of a wave, and another worker taking over: tests/fault/kill-worker.test.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultRig, type FaultRig } from '../support/fault-rig.js';
import { freePort, startMain, type MainProcess } from '../support/main-process.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { waitUntil } from '../support/wait.js';

const DUE = 600;
let rig: FaultRig | undefined;
const mains: MainProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const m of mains) await m.stop();
  await rig?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a worker stopped with SIGTERM in the middle of a wave', () => {
  it('finishes what it holds and exits 0; the other delivers the rest, each once', { timeout: 900_000 }, async () => {
    rig = await createFaultRig(DUE);
    const env = async (): Promise<Record<string, string>> => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-mws-'));
      dirs.push(dataDir);
      return {
        ROLE: 'worker',
        DATABASE_URL: rig!.db.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: rig!.prefix,
        TELEGRAM_BOT_TOKEN: '7000000001:AAtest-token-for-the-stand-in-0123456',
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
    // Every send takes a moment at the platform, so the stop lands while messages are on their way.
    rig.tg.delayNext('sendMessage', 200, 1_000_000);
    const first = startMain(await env());
    const second = startMain(await env());
    mains.push(first, second);
    await Promise.all([first.waitForLog(/^dondoc ready:/), second.waitForLog(/^dondoc ready:/)]);
    // Mid-wave: some reminders delivered, most still to come.
    await waitUntil(() => [...rig!.deliveries().values()].filter((n) => n > 0).length > 0, {
      timeoutMs: 600_000,
      intervalMs: 10,
      message: 'a first message delivered',
    });
    const stoppedAt = [...rig.deliveries().values()].filter((n) => n > 0).length;
    expect(stoppedAt).toBeLessThan(DUE);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.messages()).toContain('stopped: every request answered and every job in hand finished');

    await rig.settled(600_000);
    expect([...rig.deliveries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(rig.duplicateMessages()).toEqual([]);
    expect(await rig.db.db.reminder.count()).toBe(DUE);
    expect(await rig.db.db.outbox.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    expect(second.child.exitCode).toBeNull();
  });
});
