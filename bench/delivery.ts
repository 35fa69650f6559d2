// Delivery benchmark (issue 3): a backlog of 5,000 messages to 500 chats in the outbox, sent through a Telegram
// stand-in that enforces Telegram's limits (30 a second in all, 1 a second per chat) and answers 429 beyond them.
// Our delivery workers (outbox claim, shared Redis pacer, per-chat order) against the usual grammY way: the same
// messages handed over at once with grammY's auto-retry alone (no pacing) on the same stand-in. Writes bench/results/delivery.json.
//
//   npm run bench -- delivery        BENCH_SCALE=0.1 for a quick look
import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';
import { pino } from 'pino';
import { ClockHandlers } from '../src/app/clocks/fire-clock.js';
import type { ChannelSender } from '../src/app/ports/sender.js';
import { createTelegramSender } from '../src/channels/telegram/sender.js';
import { systemTime } from '../src/domain/time/time-source.js';
import type { ChannelName } from '../src/domain/org/types.js';
import { defaultPolicy } from '../src/domain/policy/resolve-policy.js';
import { Catalogue } from '../src/i18n/catalogue.js';
import { createAppContext } from '../src/runtime/app-context.js';
import { JITTER_MARGIN_MS } from '../jobs/delivery/pacer.js';
import { createQueues, startWorkers } from '../jobs/runtime.js';
import { createTelegramStandIn, type TelegramStandIn } from '../tests/support/telegram-stand-in.js';
import { benchDatabase, logger, machine, REDIS_URL, round, scaled, uniquePrefix, writeResult } from './common.js';
import { sleep } from '../src/sleep.js';

const log = logger('delivery');
const TOKEN = '7000000001:AAbench-token-for-the-stand-in-012345';
const LIMITS = { globalPerSecond: 30, perChatPerSecond: 1 };

interface Run {
  sent: number;
  tooManyRequests: number;
  seconds: number;
  perSecond: number;
  shareOfLimit: number;
  orderKept: boolean;
  duplicates: number;
}

function figures(tg: TelegramStandIn, expected: Map<string, string[]>): Run {
  const ok = tg.callsTo('sendMessage').filter((c) => c.outcome.ok);
  const first = ok[0]?.at ?? 0;
  const last = ok.at(-1)?.at ?? 0;
  // n sends span n − 1 intervals: the rate the platform saw.
  const seconds = (last - first) / 1000;
  const perSecond = seconds > 0 ? (ok.length - 1) / seconds : 0;
  let orderKept = true;
  let delivered = 0;
  for (const [chat, texts] of expected) {
    const got = tg.messagesTo(chat);
    delivered += got.length;
    if (JSON.stringify(got) !== JSON.stringify(texts)) orderKept = false;
  }
  return {
    sent: ok.length,
    tooManyRequests: tg.tooManyRequests,
    seconds: round(seconds, 1),
    perSecond: round(perSecond, 2),
    shareOfLimit: round(perSecond / LIMITS.globalPerSecond, 3),
    orderKept,
    duplicates: delivered - [...expected.values()].reduce((n, t) => n + t.length, 0),
  };
}

export async function runDeliveryBench(): Promise<Record<string, unknown>> {
  const messages = scaled(5000, 100);
  const chats = scaled(500, 10);
  const bdb = await benchDatabase('delivery');
  const m = await machine(bdb.sql);
  log(`machine: ${m.cpus} cores (${m.cpu}), ${m.memoryGb} GB, load ${m.loadAverage}; ${messages} messages to ${chats} chats, limits 30/s and 1/s per chat`);
  const expected = new Map<string, string[]>();
  for (let g = 1; g <= messages; g++) {
    const chat = String(200000 + 1 + ((g - 1) % chats));
    expected.set(chat, [...(expected.get(chat) ?? []), `Tin nhắn số ${g}: đề nghị đồng chí báo cáo tiến độ`]);
  }
  try {
    await bdb.sql.query(`
      INSERT INTO outbox (channel, "chatId", payload, "notBefore")
      SELECT 'TELEGRAM', (200000 + 1 + (g - 1) % ${chats})::text,
             jsonb_build_object('locale', 'vi', 'message', jsonb_build_object('text', 'Tin nhắn số ' || g || ': đề nghị đồng chí báo cáo tiến độ')),
             now() - interval '1 minute'
      FROM generate_series(1, ${messages}) g ORDER BY g`);

    // Ours: the delivery workers as deployed (64 chats at a time), woken by the outbox sweep at start.
    const tg = await createTelegramStandIn();
    tg.enforceLimits(LIMITS);
    const prefix = uniquePrefix('delivery');
    const queues = createQueues(REDIS_URL, prefix, systemTime);
    const quiet = pino({ level: 'silent' });
    const app = createAppContext({
      db: bdb.db,
      time: systemTime,
      catalogue: Catalogue.load(),
      policy: defaultPolicy(),
      logger: quiet,
      scheduler: queues.scheduler,
      delivery: queues.kicker,
    });
    const senders = new Map<ChannelName, ChannelSender>([['TELEGRAM', createTelegramSender(new Api(TOKEN, { apiRoot: tg.url }))]]);
    const started = Date.now();
    const workers = await startWorkers({
      redisUrl: REDIS_URL,
      prefix,
      app,
      handlers: new ClockHandlers([]),
      senders,
      limits: LIMITS,
      logger: quiet,
      queues,
      consume: ['delivery'],
    });
    for (;;) {
      const left = await bdb.db.outbox.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });
      if (left === 0) break;
      if (Date.now() - started > 30 * 60_000) throw new Error(`${left} messages still queued after 30 min`);
      await sleep(500);
    }
    const ours = figures(tg, expected);
    log(
      `ours: ${ours.perSecond} msg/s (${round(ours.shareOfLimit * 100, 1)}% of 30/s), ${ours.tooManyRequests} × 429, ${ours.sent} sent in ${ours.seconds} s, order kept: ${ours.orderKept}, duplicates: ${ours.duplicates}`,
    );
    await workers.close();
    for (const q of [queues.clocks, queues.delivery, queues.maintenance]) await q.obliterate({ force: true }).catch(() => {});
    await queues.close();
    await tg.close();

    // Baseline: no pacer, grammY's auto-retry alone (waits each 429's retry_after), the same messages.
    const tg2 = await createTelegramStandIn();
    tg2.enforceLimits(LIMITS);
    const api = new Api(TOKEN, { apiRoot: tg2.url });
    api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
    let failed = 0;
    const order: [string, string][] = [];
    for (let g = 1; g <= messages; g++) order.push([String(200000 + 1 + ((g - 1) % chats)), `Tin nhắn số ${g}: đề nghị đồng chí báo cáo tiến độ`]);
    await Promise.all(order.map(([chat, text]) => api.sendMessage(chat, text).catch(() => failed++)));
    const baseline = { what: 'grammY autoRetry() alone, all messages handed over at once', ...figures(tg2, expected), failed };
    log(
      `baseline (grammY auto-retry, no pacing): ${baseline.perSecond} msg/s (${round(baseline.shareOfLimit * 100, 1)}% of 30/s), ${baseline.tooManyRequests} × 429, ${baseline.sent} sent in ${baseline.seconds} s, order kept: ${baseline.orderKept}, failed: ${failed}`,
    );
    await tg2.close();

    const met = ours.shareOfLimit >= 0.95 && ours.tooManyRequests === 0;
    log(`target ≥ 95% of the limit with 0 × 429: ${met ? 'met' : 'NOT met'}`);
    const result = {
      machine: m,
      setup: {
        messages,
        chats,
        limits: LIMITS,
        deliveryConcurrency: 64,
        pacerMarginMs: JITTER_MARGIN_MS,
        pacerCounts: 'each send until 1 s + margin after the platform answered',
      },
      ours,
      baseline,
      target: { shareOfLimit: 0.95, tooManyRequests: 0, met },
    };
    log(`written to ${await writeResult('delivery', result)}`);
    return result;
  } finally {
    await bdb.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runDeliveryBench();
  process.exit(0);
}
