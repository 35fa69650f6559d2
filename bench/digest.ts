// Digest benchmark (issue 5): 10,000 units and 1,000,000 tasks and consultations in a PostgreSQL database of its
// own, filled by bulk SQL (generate_series). Measures the time to compose every head's digest (the morning run's
// one load of the whole organisation, rolled up per subtree and rendered), the time of one digest for the top unit
// (the /tonghop path), the queries each takes, a sample of the per-head path, and the whole morning run with its
// claims and outbox rows. Target: all digests in 60 s or less. Writes bench/results/digest.json.
//
//   npm run bench -- digest            (or: npx tsx bench/digest.ts)
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test   the server to create the database on
//   BENCH_KEEP=1                       keep the database afterwards (and reuse it next time, skipping the fill)
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { composeDigest, composeDigests } from '../src/app/digest/compose-digest.js';
import type { QueryCounter } from '../src/app/digest/digest-facts.js';
import { digestMessages } from '../src/app/digest/digest-view.js';
import { sendDailyDigests } from '../src/app/digest/send-daily-digests.js';
import { viewTools } from '../src/app/views/tools.js';
import { CAPABILITIES } from '../src/app/ports/channel.js';
import { createPrismaClient } from '../src/db/client.js';
import { ManualTime } from '../src/domain/time/time-source.js';
import { defaultPolicy } from '../src/domain/policy/resolve-policy.js';
import { Catalogue } from '../src/i18n/catalogue.js';
import { createAppContext } from '../src/runtime/app-context.js';
import { adminUrl, benchDbName, createBenchDatabase, dropDatabases, urlFor } from './common.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * This run's own database; with BENCH_KEEP one fixed database kept between runs (filled once, reused while complete),
 * which only runs that ask for it share.
 */
const DB_NAME = process.env.BENCH_KEEP ? 'dd_bench_digest_keep' : benchDbName('digest');
const SIZE = { units: 10_000, officialsPerUnit: 5, tasks: 800_000, consultations: 200_000, reminders: 200_000, signals: 50_000 };
/** Tuesday 08/12/2026 07:30 in Hà Nội: the morning digest. */
const NOW = new Date('2026-12-08T00:30:00Z');
const TARGET_MS = 60_000;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t0), value };
}

function log(line: string): void {
  process.stdout.write(`[digest] ${line}\n`);
}

/** Fills the database: a 4-level tree of units, 5 officials each, tasks and consultations in every state. */
async function fill(c: pg.Client): Promise<void> {
  const now = NOW.toISOString();
  const step = async (what: string, sql: string) => {
    const { ms } = await timed(() => c.query(sql));
    log(`  ${what}: ${ms} ms`);
  };
  // Units: 1 district, 20 below it, 25 below each of those (500), the rest (9,479) spread under the 500.
  await step(
    'units',
    `
    INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt") VALUES (1, 'U1', 'Huyện', NULL, '/1/', 0, now());
    INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt")
      SELECT g, 'U' || g, 'Đơn vị cấp 1 số ' || g, 1, '/1/' || g || '/', 1, now() FROM generate_series(2, 21) g;
    INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt")
      SELECT g, 'U' || g, 'Đơn vị cấp 2 số ' || g, p.id, p.path || g || '/', 2, now()
      FROM generate_series(22, 521) g JOIN unit p ON p.id = 2 + (g - 22) / 25;
    INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt")
      SELECT g, 'U' || g, 'Đơn vị cấp 3 số ' || g, p.id, p.path || g || '/', 3, now()
      FROM generate_series(522, ${SIZE.units}) g JOIN unit p ON p.id = 22 + (g - 522) % 500;
    SELECT setval(pg_get_serial_sequence('unit', 'id'), ${SIZE.units});`,
  );
  // Officials: id (unit-1)*5 + 1 is the head, +2 the deputy (1 in 10 asked for the digest), +3..+5 members.
  const officials = SIZE.units * SIZE.officialsPerUnit;
  await step(
    'officials',
    `
    INSERT INTO official (id, code, "fullName", "nameFolded", title, role, "unitId", locale, "digestOptIn", "updatedAt")
      SELECT g, 'CB' || g, 'Cán bộ ' || g, 'can bo ' || g, 'Chuyên viên',
             (CASE (g - 1) % 5 WHEN 0 THEN 'HEAD' WHEN 1 THEN 'DEPUTY' ELSE 'MEMBER' END)::"Role",
             1 + (g - 1) / 5, 'vi', (g - 1) % 5 = 1 AND g % 50 = 2, now()
      FROM generate_series(1, ${officials}) g;
    SELECT setval(pg_get_serial_sequence('official', 'id'), ${officials});`,
  );
  // Chat accounts on Telegram for all but 1 in 40 (1 head in 8 among them); 1 in 50 refuses messages (1 head in 10).
  await step(
    'chat identities',
    `
    INSERT INTO chat_identity ("officialId", channel, "externalUserId", "chatId", "unreachableAt", "unreachableReason")
      SELECT g, 'TELEGRAM', (100000 + g)::text, (100000 + g)::text,
             CASE WHEN g % 50 = 11 THEN timestamptz '${now}' - interval '3 days' END, CASE WHEN g % 50 = 11 THEN 'blocked' END
      FROM generate_series(1, ${officials}) g WHERE g % 40 <> 6;`,
  );
  // Tasks: spread over units; deadlines from 60 days ago to 30 days ahead; 40 % closed, 5 % done, 10 % waiting
  // acceptance, 35 % being worked on, 5 % declined, 5 % cancelled.
  await step(
    'tasks',
    `
    INSERT INTO task (code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId",
                      "acceptedAt", "completedAt", "cancelledAt", "declinedAt", "createdAt", "updatedAt")
    SELECT 'NV-2026-' || lpad(g::text, 7, '0'), 2026, g,
           'Nhiệm vụ số ' || g || ' theo Kế hoạch thực hiện Chỉ thị 56-CT/TU', 'Báo cáo kết quả bằng văn bản',
           (ARRAY['NORMAL','NORMAL','NORMAL','HIGH','URGENT'])[1 + g % 5]::"Priority",
           (ARRAY['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','DONE','ASSIGNED','ASSIGNED',
                  'IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','ACCEPTED','ACCEPTED','DECLINED','CANCELLED'])[1 + g % 20]::"TaskStatus",
           x.deadline, x.deadline, (x.unit - 1) * 5 + 1, (x.unit - 1) * 5 + 3 + g % 3, x.unit,
           CASE WHEN g % 20 NOT IN (9, 10, 18, 19) THEN x.deadline - interval '9 days' END,
           CASE WHEN g % 20 <= 8 THEN x.deadline - interval '1 day' + (g % 3) * interval '1 day' END,
           CASE WHEN g % 20 = 19 THEN x.deadline - interval '5 days' END,
           CASE WHEN g % 20 = 18 THEN x.deadline - interval '9 days' END,
           x.deadline - interval '10 days', now()
    FROM generate_series(1, ${SIZE.tasks}) g,
         LATERAL (SELECT (1 + (g::bigint * 7919) % ${SIZE.units})::int AS unit,
                         timestamptz '${now}' - interval '60 days' + ((g::bigint * 37) % (90 * 24))::int * interval '1 hour' AS deadline) x;`,
  );
  await step(
    'task events and accept clocks',
    `
    INSERT INTO task_event ("taskId", kind, "actorId", at) SELECT id, 'CREATED', "assignerId", "createdAt" FROM task;
    INSERT INTO clock ("itemKind", "itemId", kind, "officialId", priority, state, "dueAt", "stepMs", "nextAt", "updatedAt")
      SELECT 'TASK', id, 'TASK_ACCEPT', "assigneeId", priority, 'STOPPED', "createdAt" + interval '4 hours', 7200000, "createdAt" + interval '4 hours', now() FROM task;`,
  );
  // Consultations: asked by a unit head of their members and of another unit's; 3 in 10 still open.
  await step(
    'consultations',
    `
    INSERT INTO consultation (code, year, seq, subject, question, "askerId", "unitId", priority, deadline, status, "createdAt", "closedAt")
    SELECT 'YK-2026-' || lpad(g::text, 7, '0'), 2026, g, 'Xin ý kiến số ' || g, 'Đề nghị cho ý kiến', (x.unit - 1) * 5 + 1, x.unit, 'NORMAL',
           x.deadline, (CASE WHEN g % 10 < 3 THEN 'OPEN' ELSE 'CLOSED' END)::"ConsultationStatus", x.deadline - interval '3 days',
           CASE WHEN g % 10 >= 3 THEN x.deadline + interval '1 day' END
    FROM generate_series(1, ${SIZE.consultations}) g,
         LATERAL (SELECT (1 + (g::bigint * 104729) % ${SIZE.units})::int AS unit,
                         timestamptz '${now}' - interval '40 days' + ((g::bigint * 53) % (50 * 24))::int * interval '1 hour' AS deadline) x;
    UPDATE consultation SET "matterId" = id;
    INSERT INTO consultation_respondent ("consultationId", "officialId", stance, "answeredAt", "firstAnsweredAt")
      SELECT c.id, (c."unitId" - 1) * 5 + 3 + r, CASE WHEN (c.id + r) % 5 < 3 THEN 'AGREE'::"Stance" END,
             CASE WHEN (c.id + r) % 5 < 3 THEN c.deadline - interval '1 day' + ((c.id + r) % 3) * interval '1 day' END,
             CASE WHEN (c.id + r) % 5 < 3 THEN c.deadline - interval '1 day' + ((c.id + r) % 3) * interval '1 day' END
      FROM consultation c, generate_series(0, 1) r WHERE r = 0 OR c.id % 2 = 0;`,
  );
  await step(
    'reminders',
    `
    INSERT INTO reminder ("clockId", generation, level, cycle, "itemKind", "itemId", "clockKind", "officialId", "recipientId", kind, at, delivered)
    SELECT g, 0, g % 4, 0, 'TASK', 1 + g % ${SIZE.tasks}, 'TASK_OVERDUE', x.official,
           CASE WHEN g % 4 >= 2 THEN (1 + (x.official - 1) / 5 - 1) * 5 + 1 ELSE x.official END,
           (CASE WHEN g % 4 >= 2 THEN 'ESCALATION' ELSE 'REMINDER' END)::"ReminderKind",
           timestamptz '${now}' - ((g * 13) % (14 * 24)) * interval '1 hour', true
    FROM generate_series(1, ${SIZE.reminders}) g, LATERAL (SELECT 3 + ((g * 7) % ${SIZE.units}) * 5 AS official) x;`,
  );
  await step(
    'signals',
    `
    INSERT INTO signal (behaviour, rule, "officialId", "itemKind", "itemId", evidence, status, "raisedAt")
    SELECT 1 + g % 11, 'bench', 3 + ((g * 11) % ${SIZE.units}) * 5, 'TASK', g, '{}'::jsonb,
           (ARRAY['PENDING','PENDING','PENDING','CONFIRMED','CONFIRMED','CONFIRMED','CONFIRMED','DISMISSED','DISMISSED','DISMISSED'])[1 + g % 10]::"SignalStatus",
           timestamptz '${now}' - ((g * 17) % (30 * 24)) * interval '1 hour'
    FROM generate_series(1, ${SIZE.signals}) g;`,
  );
  await step('analyze', 'ANALYZE');
}

interface Prepared {
  url: string;
  filled: boolean;
}

async function prepareDatabase(): Promise<Prepared> {
  if (process.env.BENCH_KEEP) {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount === 1;
      if (exists) {
        // Reuse a database a previous run filled completely (the signals are written last).
        const c = new pg.Client({ connectionString: urlFor(DB_NAME) });
        await c.connect();
        const full = await c
          .query<{ n: number }>('SELECT count(*)::int AS n FROM signal')
          .then((r) => r.rows[0]!.n === SIZE.signals)
          .catch(() => false)
          .finally(() => c.end());
        if (full) return { url: urlFor(DB_NAME), filled: true };
        await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
      }
    } finally {
      await admin.end();
    }
  }
  return { url: await createBenchDatabase(DB_NAME), filled: false };
}

async function dropDatabase(): Promise<void> {
  await dropDatabases([DB_NAME]);
}

export interface DigestBenchResult {
  [key: string]: unknown;
}

export async function runDigestBench(): Promise<DigestBenchResult> {
  log(`database ${DB_NAME} on ${new URL(adminUrl()).host}`);
  const prepared = await prepareDatabase();
  const fillMs = prepared.filled
    ? 0
    : (
        await timed(async () => {
          const c = new pg.Client({ connectionString: prepared.url });
          await c.connect();
          try {
            log('filling (bulk SQL, generate_series)…');
            await fill(c);
          } finally {
            await c.end();
          }
        })
      ).ms;

  const db = createPrismaClient(prepared.url, { poolSize: 10 });
  const time = new ManualTime(NOW);
  const app = createAppContext({
    db,
    time,
    catalogue: Catalogue.load(),
    policy: defaultPolicy('Asia/Ho_Chi_Minh'),
    logger: pino({ level: 'silent' }),
    scheduler: { schedule: async () => {} },
    delivery: { kick: async () => {} },
    cacheMs: 3_600_000,
  });
  try {
    const counts = await db.$queryRaw<Record<string, number>[]>`
      SELECT (SELECT count(*) FROM unit)::int AS units, (SELECT count(*) FROM official)::int AS officials,
             (SELECT count(*) FROM task)::int AS tasks, (SELECT count(*) FROM consultation)::int AS consultations,
             (SELECT count(*) FROM consultation_respondent)::int AS respondents, (SELECT count(*) FROM reminder)::int AS reminders,
             (SELECT count(*) FROM signal)::int AS signals,
             (SELECT count(*) FROM task WHERE status IN ('ASSIGNED','ACCEPTED','IN_PROGRESS','DECLINED'))::int AS "openTasks",
             (SELECT count(*) FROM task WHERE status IN ('ASSIGNED','ACCEPTED','IN_PROGRESS','DECLINED') AND deadline < ${NOW})::int AS "overdueTasks"`;
    log(`data: ${JSON.stringify(counts[0])}`);

    // Warm the organisation and calendar caches (the running bot has them).
    const { ms: orgMs } = await timed(async () => {
      await app.org();
      await app.calendar();
    });
    const recipients = await app.stores.officials.digestRecipients();
    const org = await app.org();
    const calendar = await app.calendar();
    const view = (locale: 'vi' | 'en') => ({
      t: app.catalogue.translator(locale),
      v: viewTools(app, locale),
      org,
      capabilities: CAPABILITIES.TELEGRAM,
      dueSoonWorkingDays: app.policy.digest.dueSoonWorkingDays,
      workingDayMs: calendar.workingDayMs,
    });

    // 1. Every head's digest: one load of the whole organisation, rolled up per subtree, rendered.
    const counter: QueryCounter = { queries: 0 };
    const all = await timed(async () => {
      const digests = await composeDigests(app, recipients, counter);
      let messages = 0;
      let chars = 0;
      const ctx = view('vi');
      for (const d of digests.values()) {
        for (const m of digestMessages(d, ctx)) {
          messages++;
          chars += m.text.length;
        }
      }
      return { digests: digests.size, messages, chars };
    });
    log(`all digests: ${all.value.digests} digests, ${all.value.messages} messages in ${all.ms} ms, ${counter.queries} queries`);

    // 2. One digest for the top unit's head (the /tonghop path): the whole district in one subtree.
    const top = recipients.find((r) => r.unitId === 1 && r.role === 'HEAD')!;
    const topRuns: number[] = [];
    const topCounter: QueryCounter = { queries: 0 };
    let topText = '';
    for (let i = 0; i < 5; i++) {
      const c: QueryCounter = { queries: 0 };
      const r = await timed(() => composeDigest(app, { id: top.id, unitId: top.unitId }, c));
      topRuns.push(r.ms);
      topCounter.queries = c.queries;
      topText = digestMessages(r.value, view('vi'))
        .map((m) => m.text)
        .join('\n\n');
    }
    topRuns.sort((a, b) => a - b);
    log(`top unit digest: median ${topRuns[2]} ms (runs ${topRuns.join(', ')}), ${topCounter.queries} queries`);

    // 3. The per-head path for a sample of heads (what /tonghop costs an ordinary head).
    const sample = recipients.filter((_, i) => i % 20 === 0).slice(0, 500);
    const perHead: number[] = [];
    const sampleQueries = new Set<number>();
    const sampleTotal = await timed(async () => {
      for (const r of sample) {
        const c: QueryCounter = { queries: 0 };
        const t = await timed(() => composeDigest(app, { id: r.id, unitId: r.unitId }, c));
        perHead.push(t.ms);
        sampleQueries.add(c.queries);
      }
    });
    perHead.sort((a, b) => a - b);
    const pct = (p: number) => perHead[Math.min(perHead.length - 1, Math.floor(p * perHead.length))]!;
    log(
      `per-head path, ${sample.length} heads: median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, queries ${[...sampleQueries].join('/')}; all ${recipients.length} this way ≈ ${Math.round(((sampleTotal.ms / sample.length) * recipients.length) / 1000)} s`,
    );

    // 4. The whole morning run: compose, claim digest_sent and queue the messages, for every reachable recipient.
    // A kept database remembers the last run's claims. DELETE, not TRUNCATE: the application role may not truncate
    // (TRUNCATE passes row-level security).
    await db.$executeRaw`DELETE FROM digest_sent`;
    await db.$executeRaw`DELETE FROM outbox`;
    const morning = await timed(() => sendDailyDigests(app));
    log(`morning run: ${JSON.stringify(morning.value)} in ${morning.ms} ms`);
    const outbox = (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM outbox`)[0]!.n;

    const result = {
      benchmark: 'digest',
      at: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: (await db.$queryRaw<{ v: string }[]>`SELECT version() AS v`)[0]!.v.split(' on ')[0],
      },
      data: { ...counts[0], recipients: recipients.length, fillMs, reusedDatabase: prepared.filled },
      now: NOW.toISOString(),
      allDigests: { ms: all.ms, queries: counter.queries, ...all.value, orgAndCalendarLoadMs: orgMs },
      topUnitDigest: { medianMs: topRuns[2], runsMs: topRuns, queries: topCounter.queries, chars: topText.length },
      perHeadPath: {
        sample: sample.length,
        medianMs: pct(0.5),
        p95Ms: pct(0.95),
        maxMs: perHead.at(-1),
        queriesPerDigest: [...sampleQueries],
        estimatedAllMs: Math.round((sampleTotal.ms / sample.length) * recipients.length),
      },
      morningRun: { ms: morning.ms, ...morning.value, outboxRows: outbox },
      target: { allDigestsMs: TARGET_MS, met: all.ms <= TARGET_MS && morning.ms <= TARGET_MS },
      topUnitText: topText.split('\n').slice(0, 14),
    };
    const dir = path.join(ROOT, 'bench', 'results');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'digest.json'), `${JSON.stringify(result, null, 2)}\n`);
    log(`written bench/results/digest.json; target ${TARGET_MS} ms ${result.target.met ? 'met' : 'NOT met'}`);
    return result;
  } finally {
    await db.$disconnect();
    if (!process.env.BENCH_KEEP) await dropDatabase();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runDigestBench();
  process.exit(0);
}
