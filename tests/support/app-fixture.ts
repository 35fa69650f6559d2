// The application in one process, without HTTP or Redis: a database cloned from a template that already holds the
// sample district, the real router and use cases, and recording fakes for the two ports that lead out of the
// application (the clock scheduler and the delivery kicker). Messages to other people are read from the outbox,
// where the use cases put them, in the order the delivery worker would send them; clocks fire when a test moves
// time, level by level, as the sandbox's time moves do. Behaviour tests run on this in milliseconds per step; the
// e2e layer (app-harness.ts) keeps the paths through HTTP, Redis and the platforms.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, inject, test as base } from 'vitest';
import { everyClockHandler } from '../../src/app/clock-handlers.js';
import { ClockHandlers, fireWave, type ClockPosition, type WaveResult } from '../../src/app/clocks/fire-clock.js';
import type { AppContext } from '../../src/app/context.js';
import { composeBatch } from '../../src/app/delivery/compose.js';
import { createAppRouter } from '../../src/app/interaction/index.js';
import type { Router } from '../../src/app/interaction/router.js';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { redeemInvite } from '../../src/app/linking/redeem-invite.js';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import type { ClockScheduler, DeliveryKicker } from '../../src/app/ports/scheduling.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { CAPABILITIES, type InboundEvent, type OutboundMessage } from '../../src/app/ports/channel.js';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { markSent, nextBatchForChat } from '../../src/db/repositories/outbox.repository.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { OfficialId } from '../../src/domain/ids.js';
import type { Priority } from '../../src/domain/priority.js';
import type { Policy } from '../../src/domain/policy/types.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import type { Task } from '../../src/domain/task/types.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createAppContext } from '../../src/runtime/app-context.js';
import type { ChannelFileSource } from '../../src/app/ports/channel-files.js';
import { createTelegramFiles } from '../../src/channels/telegram/files.js';
import { TEST_ADMIN_DATABASE_URL, databaseUrlFor } from './env.js';
import { createTelegramStandIn, type TelegramStandIn } from './telegram-stand-in.js';
import { storesOn } from './database.js';

const SAMPLE_CSV = new URL('../../samples/huyen-mau.csv', import.meta.url);
const catalogue = Catalogue.load();
const FIXTURE_BOT_TOKEN = '7000000002:AAfixture-token-for-the-stand-in-01';

/** One message as the person's chat shows it, whether it answered them or was delivered from the outbox. */
export interface ChatLine {
  text: string;
  buttons: { label: string; action: string }[];
  /** A photo or document sent with the message (a forwarded report's evidence), as the channel would send it. */
  attachment?: OutboundMessage['attachment'];
  /** Where it came from: the router's answer to this person, or a delivery from the outbox. */
  via: 'reply' | 'outbox';
}

export interface FixturePerson {
  /** The Telegram user id (and chat id) this official is linked with. */
  id: number;
  say(text: string): Promise<void>;
  file(kind: 'photo' | 'document', ref: string, caption?: string): Promise<void>;
  /**
   * Sends a document as Telegram delivers one: the bytes are kept by the fixture's Telegram stand-in (getFile and
   * its download serve them to the application's file port), the update carries its file id, name and size.
   */
  document(file: { bytes: Uint8Array; filename: string }, caption?: string): Promise<void>;
  /** Presses the newest button whose label contains `label`. */
  press(label: string): Promise<void>;
  pressData(data: string): Promise<void>;
  texts(): string[];
  /** Texts shown after the given count (use with `texts().length` taken earlier). */
  since(count: number): string[];
  /** Every message of the chat with its buttons and attachment, oldest first. */
  lines(): ChatLine[];
  last(): string;
  buttons(): { label: string; action: string }[];
  /** Toasts the router answered presses with, oldest first. */
  toasts: string[];
}

export interface AppFixture {
  db: PrismaClient;
  time: ManualTime;
  app: AppContext;
  router: Router;
  /** Every call the use cases made to the scheduler port, oldest first. */
  scheduled: Parameters<ClockScheduler['schedule']>[0][number][];
  /** Every chat the use cases asked delivery to wake, oldest first. */
  kicks: Parameters<DeliveryKicker['kick']>[0][number][];
  /**
   * An official of the sample district as already linked on Telegram (every one is, in the template: Telegram user
   * id `sampleTelegramId(officialId)`), or as a test relinked them.
   */
  person(officialCode: string): Promise<FixturePerson>;
  /**
   * Links an official on Telegram through a real invite code and `/start` with this user id (replacing the link the
   * template gave them): for tests about linking, or that need a particular id.
   */
  link(officialCode: string, telegramUserId: number): Promise<FixturePerson>;
  officialId(code: string): Promise<number>;
  /** Assigns a task through the use case (its rules apply) and delivers what it queued. */
  give(by: string, to: string, task: { title: string; deadline: Date; priority?: Priority; expectedResult?: string }): Promise<Task>;
  /** Moves time forward; every clock level that falls due on the way fires at its own instant, in order. */
  advance(ms: number): Promise<void>;
  setTime(iso: string): Promise<void>;
  /**
   * Fires clock positions now, as a clock job does when it runs (a stale job whose clock moved on included), and
   * delivers what they queued. Time walks fire due levels by themselves; this is for jobs that run out of turn.
   */
  fire(positions: ClockPosition[]): Promise<WaveResult>;
  /** Sends what waits in the outbox to the people's chats (the delivery worker's part), in order per chat. */
  deliver(): Promise<void>;
}

export interface FixtureOptions {
  /** A Monday morning in Hà Nội by default: inside working hours. */
  start?: string;
  policy?: (p: Policy) => Policy;
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/**
 * The Telegram user id (and chat id) the template links an official with: fixed by the official's row id, which the
 * import gives in the CSV's order, so a test reads it as `(await fx.person(code)).id`, never as a literal.
 */
export const sampleTelegramId = (officialId: number): number => 700_000 + officialId;

// Linking through the router costs a test 0.5–2 s per person on a loaded machine; the template links everyone once,
// through the same use cases `/start` runs (issue a code, redeem it), dated at the import. The router's own linking
// path is tested in tests/integration/linking.test.ts and by every e2e file (harness `link`, over HTTP).
async function linkEveryone(db: PrismaClient, now: Date): Promise<void> {
  const officials = await db.official.findMany({ where: { active: true }, orderBy: { id: 'asc' }, select: { id: true, code: true } });
  for (const o of officials) {
    const invite = await issueInvite(storesOn(db), { officialCode: o.code, now });
    const id = String(sampleTelegramId(o.id));
    const r = await redeemInvite(storesOn(db), { code: invite.code, channel: 'TELEGRAM', externalUserId: id, chatId: id, displayName: `U${id}`, now });
    if (!r.ok) throw new Error(`linking ${o.code} in the template failed: ${r.error}`);
  }
}

// One database per run holds the migrated schema and the sample district, every official linked on Telegram; each
// test clones it (milliseconds), so tests share no rows and can run in any order or alone. The first file that needs
// it makes it, under an advisory lock the other files wait on; nobody stays connected to it, so all may clone it at
// once. The run's global teardown drops it.
let sampleTemplate: Promise<string> | undefined;
function sampleDatabase(): Promise<string> {
  sampleTemplate ??= admin(async (c) => {
    const name = inject('sampleDatabase');
    await c.query('SELECT pg_advisory_lock(7262002)');
    try {
      if ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) return name;
      const building = `${name}_tmp`;
      await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${building}" TEMPLATE "${inject('templateDatabase')}"`);
      const db = createPrismaClient(databaseUrlFor(building), { poolSize: 2 });
      try {
        const now = new Date('2026-12-01T02:00:00Z');
        const r = await importOrganisation(storesOn(db), { file: await readFile(SAMPLE_CSV), now, source: 'huyen-mau.csv' });
        if (!r.ok) throw new Error(`sample import failed: ${JSON.stringify(r.errors)}`);
        await linkEveryone(db, now);
      } finally {
        await db.$disconnect();
      }
      // Renamed only when complete: a file that failed halfway leaves nothing another file would take for the sample.
      await c.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      return name;
    } finally {
      await c.query('SELECT pg_advisory_unlock(7262002)');
    }
  });
  return sampleTemplate;
}

async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

// Cloning and dropping cost PostgreSQL a second or more each on a loaded machine, mostly waiting on the disk: the
// next test's clone is made while the current test runs, and a finished test's database is dropped in the
// background. Nothing is shared: each clone is used by one test only.
let nextClone: Promise<Clone> | undefined;
const dropping = new Set<Promise<void>>();

interface Clone {
  name: string;
  db: PrismaClient;
}

// A new database's first connection builds PostgreSQL's caches (a second under load): the prefetched clone is
// connected and has answered a query over the tables every test reads before a test takes it.
async function cloneSample(): Promise<Clone> {
  const template = await sampleDatabase();
  const name = `dd_t_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const db = createPrismaClient(databaseUrlFor(name), { poolSize: 4 });
  await Promise.all([db.official.count(), db.chatIdentity.count(), db.task.count(), db.clock.count(), db.outbox.count()]);
  return { name, db };
}

function takeClone(): Promise<Clone> {
  const mine = nextClone ?? cloneSample();
  nextClone = mine.then(cloneSample);
  nextClone.catch(() => {}); // a failed prefetch fails the test that takes it, not this one
  return mine;
}

function dropLater(name: string): void {
  const p: Promise<void> = dropDatabase(name).finally(() => dropping.delete(p));
  dropping.add(p);
}

// Registered when a test file imports this module: the shared sample (built by the first file, under load in tens of
// seconds) and the first clone are made before the file's first test, in a hook whose timeout only guards against a
// hang, so no test's own time pays for them.
beforeAll(async () => {
  nextClone ??= cloneSample();
  await nextClone;
}, 15 * 60_000);

// Registered when a test file imports this module: the file's clones go with the file (the sample with the run).
afterAll(async () => {
  const spare = nextClone;
  nextClone = undefined;
  const left = spare?.then(
    async (c) => {
      await c.db.$disconnect();
      await dropDatabase(c.name);
    },
    () => {},
  );
  await Promise.all([...dropping, left]);
});

export async function createAppFixture(options: FixtureOptions = {}): Promise<AppFixture & { close(): Promise<void> }> {
  const { name, db } = await takeClone();
  const time = new ManualTime(options.start ?? '2026-12-07T02:00:00Z'); // Mon 07/12/2026 09:00 in Hà Nội
  const scheduled: AppFixture['scheduled'] = [];
  const kicks: AppFixture['kicks'] = [];
  const basePolicy = defaultPolicy('Asia/Ho_Chi_Minh');
  const app = createAppContext({
    db,
    time,
    catalogue,
    policy: options.policy ? options.policy(basePolicy) : basePolicy,
    logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    scheduler: { schedule: async (clocks) => void scheduled.push(...clocks) },
    delivery: { kick: async (chats) => void kicks.push(...chats) },
    links: { telegramBotUsername: 'dondoc_test_bot' },
    // Nothing waits in real time here: a wave is whatever is due at one instant.
    tuning: { waveWindowMs: 0 },
    cacheMs: 0,
  });
  // Files people send are downloaded by the real Telegram adapter from a Telegram stand-in, started when a test
  // first needs it (most never do).
  let telegram: Promise<TelegramStandIn> | undefined;
  const standIn = () => (telegram ??= createTelegramStandIn({ token: FIXTURE_BOT_TOKEN }));
  let telegramFiles: ChannelFileSource | undefined;
  app.files = {
    TELEGRAM: {
      async fetchFile(ref, o) {
        telegramFiles ??= createTelegramFiles({ token: FIXTURE_BOT_TOKEN, apiRoot: (await standIn()).url });
        return telegramFiles.fetchFile(ref, o);
      },
    },
  };
  let uploads = 0;
  const router = createAppRouter(app);
  const handlers = new ClockHandlers([...everyClockHandler(app)]);
  const chats = new Map<string, ChatLine[]>();
  let updates = 0;

  const lines = (chatId: string): ChatLine[] => {
    let l = chats.get(chatId);
    if (!l) chats.set(chatId, (l = []));
    return l;
  };
  const toLine = (m: OutboundMessage, via: ChatLine['via']): ChatLine => ({
    text: m.text,
    buttons: (m.buttons ?? []).flat(),
    ...(m.attachment ? { attachment: m.attachment } : {}),
    via,
  });

  // The delivery worker's own steps per chat (next batch, compose, mark sent, which also marks the reminders it
  // carried as delivered), without the pacing and the platform: holds (`notBefore`) are honoured against real time
  // as the worker does.
  async function deliver(): Promise<void> {
    const chatIds = await db.outbox.findMany({
      where: { status: 'PENDING', channel: 'TELEGRAM' },
      distinct: ['chatId'],
      orderBy: { id: 'asc' },
      select: { chatId: true },
    });
    for (const { chatId } of chatIds) {
      for (;;) {
        const batch = await nextBatchForChat(db, 'TELEGRAM', chatId, new Date());
        if (batch.length === 0) break;
        const composed = composeBatch(
          catalogue,
          batch.map((b) => b.payload),
          CAPABILITIES.TELEGRAM,
        );
        lines(chatId).push(toLine(composed.message, 'outbox'));
        await markSent(
          db,
          batch.slice(0, composed.count).map((b) => b.id),
          new Date(),
          undefined,
        );
      }
    }
  }

  async function send(telegramUserId: number, event: InboundEvent, person?: FixturePerson): Promise<void> {
    await deliver(); // what was queued before this update is already on the screen
    const chatId = String(telegramUserId);
    const result = await router.handle({
      channel: 'TELEGRAM',
      updateKey: `fx-${++updates}`,
      externalUserId: chatId,
      chatId,
      displayName: `U${telegramUserId}`,
      botUsername: 'dondoc_test_bot',
      event,
    });
    if (result.toast && person) person.toasts.push(result.toast);
    for (const m of result.replies) lines(chatId).push(toLine(m, 'reply'));
    await deliver();
  }

  // One person per chat, so toasts gathered through `person(code)` and `link(code, id)` are the same list.
  const people = new Map<number, FixturePerson>();
  function person(id: number): FixturePerson {
    const known = people.get(id);
    if (known) return known;
    const chat = () => lines(String(id));
    const self: FixturePerson = {
      id,
      toasts: [],
      say: (text) => send(id, { type: 'text', text }, self),
      file: (kind, ref, caption) => send(id, { type: 'file', file: { kind, ref }, caption: caption ?? '' }, self),
      async document(file, caption) {
        const ref = `fx-doc-${++uploads}`;
        const ext = /\.[A-Za-z0-9]{1,8}$/.exec(file.filename)?.[0] ?? '';
        (await standIn()).addFile(ref, Buffer.from(file.bytes), { path: `documents/file_${uploads}${ext}`, filename: file.filename });
        const event: InboundEvent = { type: 'file', file: { kind: 'document', ref, name: file.filename, size: file.bytes.byteLength }, caption: caption ?? '' };
        return send(id, event, self);
      },
      async press(label) {
        const all = chat();
        for (let i = all.length - 1; i >= 0; i--) {
          const b = all[i]!.buttons.find((x) => x.label.includes(label));
          if (b) return send(id, { type: 'action', data: b.action }, self);
        }
        throw new Error(`no button "${label}" in chat ${id}; last text: ${self.last()}`);
      },
      pressData: (data) => send(id, { type: 'action', data }, self),
      texts: () => chat().map((l) => l.text),
      since: (count) =>
        chat()
          .slice(count)
          .map((l) => l.text),
      lines: () => [...chat()],
      last: () => chat().at(-1)?.text ?? '',
      buttons: () => chat().at(-1)?.buttons ?? [],
    };
    people.set(id, self);
    return self;
  }

  // Walks to `target`: each instant a clock level falls due, the clock stops there and that wave fires, as the
  // delayed jobs would have at their own times; then the outbox is delivered.
  async function walkTo(target: Date): Promise<void> {
    for (;;) {
      const next = await db.clock.findFirst({ where: { state: 'ACTIVE', nextAt: { lte: target } }, orderBy: { nextAt: 'asc' } });
      if (!next) break;
      if (next.nextAt.getTime() > time.now().getTime()) time.set(next.nextAt);
      const due = await db.clock.findMany({ where: { state: 'ACTIVE', nextAt: { lte: time.now() } }, orderBy: { id: 'asc' } });
      await fireWave(
        app,
        handlers,
        due.map((c) => ({ id: c.id, generation: c.generation, level: c.level, cycle: c.cycle })),
      );
      await deliver();
    }
    if (target.getTime() > time.now().getTime()) time.set(target);
    await deliver();
  }

  const officialId = async (code: string) => (await db.official.findFirstOrThrow({ where: { code } })).id;

  return {
    db,
    time,
    app,
    router,
    scheduled,
    kicks,
    async person(officialCode) {
      const identity = await db.chatIdentity.findFirst({ where: { official: { code: officialCode }, channel: 'TELEGRAM' } });
      if (!identity) throw new Error(`${officialCode} is not linked on Telegram`);
      return person(Number(identity.externalUserId));
    },
    async link(officialCode, telegramUserId) {
      const invite = await issueInvite(storesOn(db), { officialCode, now: time.now() });
      const p = person(telegramUserId);
      await p.say(`/start ${invite.code}`);
      if (!(await db.chatIdentity.findFirst({ where: { externalUserId: String(telegramUserId), channel: 'TELEGRAM', official: { code: officialCode } } })))
        throw new Error(`linking ${officialCode} failed: ${p.last()}`);
      return p;
    },
    officialId,
    async give(by, to, task) {
      const r = await assignTask(app, OfficialId(await officialId(by)), {
        assigneeId: OfficialId(await officialId(to)),
        title: task.title,
        expectedResult: task.expectedResult ?? 'Báo cáo bằng văn bản',
        deadline: task.deadline,
        priority: task.priority ?? 'NORMAL',
      });
      await deliver();
      return r.task;
    },
    advance: (ms) => walkTo(new Date(time.now().getTime() + ms)),
    setTime: (iso) => walkTo(new Date(iso)),
    async fire(positions) {
      const r = await fireWave(app, handlers, positions);
      await deliver();
      return r;
    },
    deliver,
    async close() {
      await (await telegram)?.close();
      await db.$disconnect();
      dropLater(name);
    },
  };
}

/** `test` with a fresh application per test: `test('…', async ({ fx }) => …)`. */
export const test = base.extend<{ fx: AppFixture }>({
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
  fx: async ({}, use) => {
    const fx = await createAppFixture();
    await use(fx);
    await fx.close();
  },
});
