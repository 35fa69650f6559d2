// The morning run (PRODUCT.md §5): on working days only, every head and every deputy who opted in gets their digest
// once. The claim on `digest_sent` (official, local date) is taken in the same transaction that queues the messages,
// so a job that runs twice (a restart near 07:30, two workers, a catch-up) sends each digest once.
import { CAPABILITIES } from '../../channels/types.js';
import type { Tx } from '../../db/client.js';
import { deliveryTarget } from '../../db/repositories/identity.repository.js';
import type { Digest } from '../../domain/digest/types.js';
import { OfficialId } from '../../domain/ids.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { inTransaction } from '../transaction.js';
import { viewTools } from '../views/tools.js';
import { composeDigests } from './compose-digest.js';
import { digestRecipients } from './digest-facts.js';
import { digestMessages } from './digest-view.js';

export interface DailyDigestRun {
  /** The local date of the run. */
  date: string;
  /** Not a working day: nothing was sent. */
  dayOff: boolean;
  recipients: number;
  sent: number;
  /** Already sent today (a repeated run). */
  alreadySent: number;
  /** No chat that takes messages: their digest waits for /tonghop. */
  unreachable: number;
}

const CONCURRENCY = 4;

/** Claims today's digest for the official; false when it was already claimed (sent) today. */
async function claim(tx: Tx, officialId: number, date: string, at: Date): Promise<boolean> {
  const rows = await tx.$queryRaw<{ officialId: number }[]>`
    INSERT INTO digest_sent ("officialId", date, at) VALUES (${officialId}, ${date}::date, ${at})
    ON CONFLICT ("officialId", date) DO NOTHING
    RETURNING "officialId"`;
  return rows.length === 1;
}

async function sendOne(app: AppContext, digest: Digest, date: string): Promise<'sent' | 'already' | 'unreachable'> {
  const target = await deliveryTarget(app.db, digest.recipientId);
  if (!target) return 'unreachable';
  const org = await app.org();
  const official = org.official(OfficialId(digest.recipientId));
  const locale = official?.locale ?? 'vi';
  const messages = digestMessages(digest, {
    t: app.catalogue.translator(locale),
    v: viewTools(app, locale),
    org,
    capabilities: CAPABILITIES[target.channel],
    dueSoonWorkingDays: app.policy.digest.dueSoonWorkingDays,
    workingDayMs: (await app.calendar()).workingDayMs,
  });
  return inTransaction(app, async (tx, effects) => {
    if (!(await claim(tx, digest.recipientId, date, app.clock.now()))) return 'already';
    for (const m of messages) await notify(app, tx, effects, digest.recipientId, () => m, { itemCode: `digest-${date}` });
    return 'sent';
  });
}

export async function sendDailyDigests(app: AppContext): Promise<DailyDigestRun> {
  const now = app.clock.now();
  const calendar = await app.calendar();
  const date = calendar.localDate(now);
  const run: DailyDigestRun = { date, dayOff: false, recipients: 0, sent: 0, alreadySent: 0, unreachable: 0 };
  if (!calendar.isWorkingDay(date)) {
    app.logger.info({ date }, 'digest: not a working day, nothing sent');
    return { ...run, dayOff: true };
  }
  const sentToday = new Set((await app.db.digestSent.findMany({ where: { date: new Date(`${date}T00:00:00Z`) }, select: { officialId: true } })).map((r) => r.officialId));
  const recipients = (await digestRecipients(app.db)).filter((r) => !sentToday.has(r.id));
  run.recipients = recipients.length;
  run.alreadySent = sentToday.size;
  if (recipients.length === 0) return run;

  const digests = [...(await composeDigests(app, recipients)).values()];
  let next = 0;
  const worker = async () => {
    while (next < digests.length) {
      const digest = digests[next++]!;
      try {
        const outcome = await sendOne(app, digest, date);
        if (outcome === 'sent') run.sent++;
        else if (outcome === 'already') run.alreadySent++;
        else run.unreachable++;
      } catch (e) {
        // One failure must not stop everyone else's digest; the next run (or a catch-up) retries the unclaimed.
        app.logger.error({ err: e, officialId: digest.recipientId }, 'digest: sending failed');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, digests.length) }, worker));
  app.logger.info(run, 'digest: morning run done');
  return run;
}
