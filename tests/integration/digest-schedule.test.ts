import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDailyDigests } from '../../src/app/digest/send-daily-digests.js';
import { formatDateTime } from '../../src/domain/time/local-time.js';
import { DIGEST_JOB, DIGEST_SCHEDULER_ID, digestCronPattern, scheduleDailyDigest } from '../../jobs/digest.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { seedDigestDistrict, TELEGRAM_IDS } from '../support/digest-district.js';
import { hn } from '../support/seed-items.js';
import { telegramUser } from '../support/telegram-user.js';
import { waitUntil } from '../support/wait.js';

const HEADS = ['TCKH-01', 'UB-01', 'HU-01', 'BTC-01', 'XPM-01'] as const;

describe('the morning digest runs on working days, once', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ start: hn('2026-12-08T07:25').toISOString() });
    await seedDigestDistrict(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Digests of the given day each linked head received. */
  function received(date: string): Record<string, number> {
    return Object.fromEntries(
      (Object.keys(TELEGRAM_IDS) as (keyof typeof TELEGRAM_IDS)[]).map((code) => [
        code,
        h.tg.messagesTo(TELEGRAM_IDS[code]).filter((t) => t.startsWith(`📋 Tổng hợp ngày ${date}`)).length,
      ]),
    );
  }

  /** Adds a maintenance job as the scheduler would and waits until it has run and its messages are out. */
  async function runJob(jobId?: string): Promise<unknown> {
    const job = await h.queues.maintenance.add(DIGEST_JOB, {}, jobId ? { jobId } : {});
    const state = await waitUntil(async () => {
      const s = await job.getState();
      return s === 'completed' || s === 'failed' ? s : undefined;
    });
    expect(state).toBe('completed');
    await h.idle();
    return (await h.queues.maintenance.getJob(job.id!))?.returnvalue;
  }

  it('registers one job scheduler at 07:30 in Hà Nội time however often the process starts', async () => {
    expect(digestCronPattern('07:30')).toBe('30 7 * * *');
    const first = await scheduleDailyDigest(h.queues.maintenance, h.app);
    const again = await scheduleDailyDigest(h.queues.maintenance, h.app);
    expect(first).toEqual({ pattern: '30 7 * * *', tz: 'Asia/Ho_Chi_Minh', catchUp: false });
    expect(again.catchUp).toBe(false); // 07:25: before the digest time, nothing to catch up
    const schedulers = await h.queues.maintenance.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: DIGEST_SCHEDULER_ID, name: DIGEST_JOB, pattern: '30 7 * * *', tz: 'Asia/Ho_Chi_Minh' });
    // BullMQ computes the next run in real time: the coming 07:30 in Hà Nội.
    const next = new Date(schedulers[0]!.next!);
    expect(formatDateTime(next, 'Asia/Ho_Chi_Minh').slice(0, 5)).toBe('07:30');
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
  });

  it('at 07:30 on a working day every head with a reachable chat gets one digest', async () => {
    h.timeSource.set(hn('2026-12-08T07:30'));
    const run = await runJob();
    expect(run).toMatchObject({ date: '2026-12-08', dayOff: false, sent: 5, alreadySent: 0 });
    const got = received('08/12/2026');
    for (const code of HEADS) expect(got[code]).toBe(1);
    expect(got['TCKH-02']).toBe(0); // a deputy who has not asked for it
    expect(await h.db.db.digestSent.count()).toBe(5);
    const head = telegramUser(h, TELEGRAM_IDS['TCKH-01']);
    expect(head.buttons().map((b) => b.text)[0]).toBe('Xem NV-2026-0006');
  });

  it('a restart near 07:30 (catch-up job, a second scheduler job) sends nothing twice', async () => {
    h.timeSource.set(hn('2026-12-08T07:31'));
    const restart = await scheduleDailyDigest(h.queues.maintenance, h.app);
    expect(restart.catchUp).toBe(true);
    await waitUntil(async () => ((await h.queues.maintenance.getJob('digest-catchup-2026-12-08'))?.finishedOn ? true : undefined));
    expect(await runJob()).toMatchObject({ sent: 0, alreadySent: 5 });
    // Two runs at the same moment (two workers): still once.
    const both = await Promise.all([sendDailyDigests(h.app), sendDailyDigests(h.app)]);
    expect(both.map((r) => r.sent)).toEqual([0, 0]);
    await h.idle();
    expect(Object.values(received('08/12/2026')).reduce((a, b) => a + b, 0)).toBe(5);
    expect((await h.queues.maintenance.getJobSchedulers()).length).toBe(1);
  });

  it('a deputy who opts in gets it from the next working day', async () => {
    const deputy = telegramUser(h, TELEGRAM_IDS['TCKH-02']);
    await deputy.command('tonghop', 'batdau');
    h.timeSource.set(hn('2026-12-09T07:30'));
    expect(await runJob()).toMatchObject({ date: '2026-12-09', sent: 6 });
    expect(received('09/12/2026')['TCKH-02']).toBe(1);
  });

  it('sends nothing on a weekend or a public holiday, and catches nothing up there', async () => {
    for (const day of ['2026-12-12T07:30', '2026-12-13T07:30', '2027-01-01T07:30']) {
      h.timeSource.set(hn(day));
      expect(await runJob()).toMatchObject({ dayOff: true, sent: 0 });
      expect((await scheduleDailyDigest(h.queues.maintenance, h.app)).catchUp).toBe(false);
    }
    expect(received('12/12/2026')).toEqual(Object.fromEntries(Object.keys(TELEGRAM_IDS).map((c) => [c, 0])));
    expect(received('01/01/2027')['TCKH-01']).toBe(0);
  });

  it('a make-up Saturday the admin declared a working day gets its digest', async () => {
    await h.db.db.calendarOverride.create({ data: { date: new Date('2026-12-19T00:00:00Z'), kind: 'WORKDAY', note: 'làm bù' } });
    h.app.invalidate();
    h.timeSource.set(hn('2026-12-19T07:30'));
    expect(await runJob()).toMatchObject({ date: '2026-12-19', dayOff: false, sent: 6 });
    expect(received('19/12/2026')['UB-01']).toBe(1);
  });
});
