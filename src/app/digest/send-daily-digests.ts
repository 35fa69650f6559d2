// The morning run (PRODUCT.md §5): on working days only, every head and every deputy who opted in gets their digest
// once. The claim on `digest_sent` (official, local date) is taken in the same transaction that queues the messages
// in the outbox, so a job that runs twice (a restart near 07:30, two workers, a catch-up) sends each digest once.
// Set-based from end to end: one load of the organisation's facts for all digests, one query for everyone's chat
// (the same targets notify() uses), and per batch of recipients one claim and one outbox insert.
import { CAPABILITIES } from '../ports/channel.js';
import type { DeliveryTarget } from '../ports/stores/identities.js';
import type { OutboxPayload } from '../ports/stores/outbox.js';
import type { Digest } from '../../domain/digest/types.js';
import type { Locale } from '../../domain/locale.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { viewTools } from '../views/tools.js';
import { composeDigests } from './compose-digest.js';
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
  const { digest: digestSent, identities, officials, outbox } = app.stores;
  const sentToday = new Set(await digestSent.sentOn(date));
  const recipients = (await officials.digestRecipients()).filter((r) => !sentToday.has(r.id));
  run.recipients = recipients.length;
  run.alreadySent = sentToday.size;
  if (recipients.length === 0) return run;

  const targets = await identities.deliveryTargets(
    recipients.map((r) => r.id),
    app.policy.channels.fallbackOrder,
  );
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
        const claimed = await digestSent.claim(
          tx,
          batch.map((b) => b.digest.recipientId),
          date,
          app.time.now(),
        );
        const mine = batch.filter((b) => claimed.has(b.digest.recipientId));
        // Rows in this order get ids in this order: a digest's parts go out in order, one chat after another.
        await outbox.enqueueMany(
          mine.flatMap((b) => b.payloads.map((payload) => ({ channel: b.target.channel, chatId: b.target.chatId, officialId: b.digest.recipientId, payload }))),
          tx,
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
