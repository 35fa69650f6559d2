// The morning run (PRODUCT.md §5): on working days only, every head and every deputy who opted in gets their digest
// once. The claim on `digest_sent` (official, local date) is taken in the same transaction that queues the messages
// in the outbox, so a job that runs twice (a restart near 07:30, two workers, a catch-up) sends each digest once.
// Set-based from end to end: one load of the organisation's facts for all digests, one query for everyone's chat
// (the same targets notify() uses), and per batch of recipients one claim and one outbox insert.
import { CAPABILITIES } from '../ports/channel.js';
import type { Tx } from '../../db/client.js';
import { deliveryTargets, type DeliveryTarget } from '../../db/repositories/identity.repository.js';
import { enqueueOutboxMany, type OutboxPayload } from '../../db/repositories/outbox.repository.js';
import type { Digest } from '../../domain/digest/types.js';
import type { Locale } from '../../domain/locale.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { viewTools } from '../views/tools.js';
import { composeDigests } from './compose-digest.js';
import { digestRecipients } from './digest-facts.js';
import { digestMessages } from './digest-view.js';
import { loadDigestExtras } from '../recognition/digest-sections.js';

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

/** Recipients per transaction: small enough to keep transactions short, large enough to keep their number low. */
const BATCH = 250;

/** Claims today's digest for these officials; returns the ones not claimed before (by an earlier or parallel run). */
async function claim(tx: Tx, ids: number[], date: string, at: Date): Promise<Set<number>> {
  const rows = await tx.$queryRaw<{ officialId: number }[]>`
    INSERT INTO digest_sent ("officialId", date, at)
    SELECT id, ${date}::date, ${at} FROM unnest(${ids}::int[]) AS id
    ON CONFLICT ("officialId", date) DO NOTHING
    RETURNING "officialId"`;
  return new Set(rows.map((r) => r.officialId));
}

interface Ready {
  digest: Digest;
  target: DeliveryTarget;
  locale: Locale;
  payloads: OutboxPayload[];
}

export async function sendDailyDigests(app: AppContext): Promise<DailyDigestRun> {
  const now = app.time.now();
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

  const targets = await deliveryTargets(app.db, recipients.map((r) => r.id), app.policy.channels.fallbackOrder);
  const reachable = recipients.filter((r) => targets.has(r.id));
  run.unreachable = recipients.length - reachable.length;
  const digests = await composeDigests(app, reachable);
  const org = await app.org();
  const extrasFor = await loadDigestExtras(app);
  const views = new Map<Locale, { t: ReturnType<AppContext['catalogue']['translator']>; v: ReturnType<typeof viewTools> }>();
  const ready: Ready[] = [];
  for (const r of reachable) {
    const digest = digests.get(r.id)!;
    const target = targets.get(r.id)!;
    const locale = target.locale;
    let view = views.get(locale);
    if (!view) views.set(locale, (view = { t: app.catalogue.translator(locale), v: viewTools(app, locale) }));
    const messages = digestMessages(digest, {
      ...view,
      org,
      capabilities: CAPABILITIES[target.channel],
      dueSoonWorkingDays: app.policy.digest.dueSoonWorkingDays,
      workingDayMs: calendar.workingDayMs,
      extras: extrasFor({ id: r.id, unitId: r.unitId }, view.t, view.v),
    });
    ready.push({ digest, target, locale, payloads: messages.map((message) => ({ locale, message, itemCode: `digest-${date}` })) });
  }

  for (let i = 0; i < ready.length; i += BATCH) {
    const batch = ready.slice(i, i + BATCH);
    try {
      const { sent, already } = await inTransaction(app, async (tx, effects) => {
        const claimed = await claim(tx, batch.map((b) => b.digest.recipientId), date, app.time.now());
        const mine = batch.filter((b) => claimed.has(b.digest.recipientId));
        // Rows in this order get ids in this order: a digest's parts go out in order, one chat after another.
        await enqueueOutboxMany(
          tx,
          mine.flatMap((b) => b.payloads.map((payload) => ({ channel: b.target.channel, chatId: b.target.chatId, officialId: b.digest.recipientId, payload }))),
        );
        for (const b of mine) effects.kick(b.target.channel, b.target.chatId);
        return { sent: mine.length, already: batch.length - mine.length };
      });
      run.sent += sent;
      run.alreadySent += already;
    } catch (e) {
      // One failed batch must not stop the others; nothing of it was claimed, so the next run (or a catch-up) retries.
      app.logger.error({ err: e, from: i, count: batch.length }, 'digest: a batch failed');
    }
  }
  app.logger.info(run, 'digest: morning run done');
  return run;
}
