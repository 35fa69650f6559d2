// The province benchmark's data: each organisation's units, officials linked to Telegram, tasks and the clocks of the
// 07:30 wave, written with set-based SQL (as bench/common.ts fillOrganisation and bench/engine.ts do) on a connection
// whose `dondoc.org` setting names the organisation, so every row's orgId column takes it from its default (the
// same expression the application's connections rely on). Ids and codes are apart per organisation: ids from
// `base`, unit and official codes prefixed with the organisation, task codes numbered across the province.
import pg from 'pg';

export interface OrgSpec {
  /** The organisation's code ('default' for the implicit one). */
  id: string;
  /** Its Telegram bot token on the stand-in. */
  token: string;
  /** First id of its units and officials (0 for the first organisation). */
  base: number;
  /** Its officials' Telegram ids (and private chat ids): `chatBase + local number`. */
  chatBase: number;
  officials: number;
}

export interface OfficialSpec {
  org: OrgSpec;
  /** Telegram user id = private chat id. */
  chatId: number;
  head: boolean;
  /** Its task in progress (progress reports, /xem), if it has tasks. */
  progressCode?: string;
  /** That task's id (the data of its button in /viec: `tv:<id>`). */
  progressTaskId?: number;
}

/** Officials per unit (the first is its head), as bench/common.ts fills a district. */
const PER_UNIT = 5;
/** Tasks each non-head official holds: ASSIGNED ones with an accept clock in the wave, then one IN_PROGRESS. */
export const ASSIGNED_PER_OFFICIAL = 2;

/**
 * Task codes as the application writes them (NV-<year>-<seq, at least 4 digits>), so /xem finds them. The SQL above
 * pads the same way (lpad alone would cut 10000 to 1000: the full scale numbers past 9,999).
 */
export const taskCode = (seq: number) => `NV-2026-${String(seq).padStart(4, '0')}`;

/**
 * Fills one organisation. Task numbers start at `taskSeqBase` (the province numbers them across organisations, so a
 * code names one task). The wave's clocks are due at `waveAt`. Returns its officials, in id order.
 */
export async function fillOrg(
  url: string,
  org: OrgSpec,
  taskSeqBase: number,
  waveAt: Date,
): Promise<{ officials: OfficialSpec[]; clocks: number; tasks: number }> {
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    await sql.query(`SELECT set_config('dondoc.org', $1, false)`, [org.id]);
    const n = org.officials;
    const units = Math.ceil(n / PER_UNIT);
    const b = org.base;
    const tag = org.id.toUpperCase();
    // Unit b+1 is the district (its head, official b+1, heads the organisation); the others sit under it.
    await sql.query(`
      INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt") VALUES (${b + 1}, '${tag}-U1', 'Huyện ${org.id}', NULL, '/${b + 1}/', 0, now());
      INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt")
        SELECT ${b} + g, '${tag}-U' || g, 'Phòng số ' || g, ${b + 1}, '/${b + 1}/' || (${b} + g) || '/', 1, now() FROM generate_series(2, ${units}) g;
      INSERT INTO official (id, code, "fullName", "nameFolded", title, role, "unitId", locale, "updatedAt")
        SELECT ${b} + g, '${tag}-CB' || g, 'Nguyễn Văn ' || g, 'nguyen van ' || g, 'Chuyên viên',
               (CASE (g - 1) % ${PER_UNIT} WHEN 0 THEN 'HEAD' WHEN 1 THEN 'DEPUTY' ELSE 'MEMBER' END)::"Role", ${b} + 1 + (g - 1) / ${PER_UNIT}, 'vi', now()
        FROM generate_series(1, ${n}) g;
      INSERT INTO chat_identity ("officialId", channel, "externalUserId", "chatId")
        SELECT ${b} + g, 'TELEGRAM', (${org.chatBase} + g)::text, (${org.chatBase} + g)::text FROM generate_series(1, ${n}) g;`);
    // Every official but the heads holds ASSIGNED_PER_OFFICIAL tasks waiting to be accepted and one in progress,
    // given by the head of their unit, deadlines weeks ahead. Task k of non-head official g (local numbers).
    const perOfficial = ASSIGNED_PER_OFFICIAL + 1;
    await sql.query(`
      INSERT INTO task (code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
      SELECT 'NV-2026-' || CASE WHEN s >= 1000 THEN s::text ELSE lpad(s::text, 4, '0') END, 2026, s, 'Rà soát hồ sơ số ' || s || ' theo Kế hoạch 12/KH-UBND', 'Báo cáo bằng văn bản', 'NORMAL',
             (CASE WHEN k < ${ASSIGNED_PER_OFFICIAL} THEN 'ASSIGNED' ELSE 'IN_PROGRESS' END)::"TaskStatus",
             now() + interval '20 days', now() + interval '20 days',
             ${b} + ((g - 1) / ${PER_UNIT}) * ${PER_UNIT} + 1, ${b} + g, ${b} + 1 + (g - 1) / ${PER_UNIT}, now() - interval '3 days', now()
      FROM generate_series(1, ${n}) g, generate_series(0, ${perOfficial - 1}) k,
           LATERAL (SELECT ${taskSeqBase} + (g - 1) * ${perOfficial} + k + 1 AS s) x
      WHERE (g - 1) % ${PER_UNIT} <> 0;`);
    // The holiday's backlog: every waiting task's accept clock falls due at the same instant (07:30 after Tết).
    const clocks = await sql.query(
      `INSERT INTO clock ("itemKind", "itemId", kind, "officialId", priority, state, generation, "dueAt", "stepMs", level, cycle, "nextAt", "updatedAt")
       SELECT 'TASK', id, 'TASK_ACCEPT', "assigneeId", 'NORMAL', 'ACTIVE', 0, $1, 7200000, 0, 0, $1, now()
       FROM task WHERE status = 'ASSIGNED' AND "assigneeId" > ${b} AND "assigneeId" <= ${b + n}`,
      [waveAt],
    );
    const tasks = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM task WHERE "assigneeId" > ${b} AND "assigneeId" <= ${b + n}`);
    const ids = new Map(
      (await sql.query<{ id: number; code: string }>(`SELECT id, code FROM task WHERE "assigneeId" > ${b} AND "assigneeId" <= ${b + n}`)).rows.map((r) => [
        r.code,
        r.id,
      ]),
    );
    const officials: OfficialSpec[] = [];
    for (let g = 1; g <= n; g++) {
      const head = (g - 1) % PER_UNIT === 0;
      const code = taskCode(taskSeqBase + (g - 1) * perOfficial + ASSIGNED_PER_OFFICIAL + 1);
      officials.push({ org, chatId: org.chatBase + g, head, ...(head ? {} : { progressCode: code, progressTaskId: ids.get(code)! }) });
    }
    return { officials, clocks: clocks.rowCount ?? 0, tasks: Number(tasks.rows[0]?.n ?? 0) };
  } finally {
    await sql.end();
  }
}

/** Sequences after explicit ids, and fresh statistics, once every organisation is in. */
export async function finishFill(url: string): Promise<void> {
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    await sql.query(`
      SELECT setval(pg_get_serial_sequence('unit', 'id'), (SELECT max(id) FROM unit));
      SELECT setval(pg_get_serial_sequence('official', 'id'), (SELECT max(id) FROM official));
      ANALYZE;`);
  } finally {
    await sql.end();
  }
}
