// The items behind an evaluation report, in four set-based queries over a unit subtree (by materialised path): the
// tasks that were received, completed or overdue in the period; the requests for opinion received in it; the
// confirmed signals and the demands for explanation raised in it.
import type { ExplanationRow, ReportFactRows, ReportScope, ReportStore, SignalRow } from '../../app/ports/stores/reports.js';
import type { AnswerFact, ReportBounds, TaskFact } from '../../domain/report/metrics.js';
import type { PrismaClient, Tx } from '../client.js';

export async function loadReportFacts(db: PrismaClient | Tx, scope: ReportScope, b: ReportBounds): Promise<ReportFactRows> {
  const prefix = scope.kind === 'subtree' ? `${scope.path}%` : '/%';

  // Received = created, or reassigned to the current assignee (the last REASSIGNED event). The accept clock of the
  // current assignee says when their time to accept ran out. Tasks cancelled before the period are left out.
  const tasks = db.$queryRaw<TaskFact[]>`
    SELECT t.id, t.code, t.title, t.priority::text AS priority, t.status::text AS status, t."assigneeId", t."assignerId", t."unitId",
           COALESCE(ev.at, t."createdAt") AS "receivedAt", ck."dueAt" AS "acceptDueAt", t."acceptedAt", t.deadline, t."completedAt", t."cancelledAt"
    FROM task t
    LEFT JOIN LATERAL (SELECT max(e.at) AS at FROM task_event e WHERE e."taskId" = t.id AND e.kind = 'REASSIGNED') ev ON true
    LEFT JOIN clock ck ON ck."itemKind" = 'TASK' AND ck."itemId" = t.id AND ck.kind = 'TASK_ACCEPT' AND ck."officialId" = t."assigneeId"
    WHERE t."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
      AND t."createdAt" < ${b.to}
      AND (t."cancelledAt" IS NULL OR t."cancelledAt" >= ${b.from})
      AND (
        (COALESCE(ev.at, t."createdAt") >= ${b.from} AND COALESCE(ev.at, t."createdAt") < ${b.to})
        OR (t."completedAt" >= ${b.from} AND t."completedAt" < ${b.to})
        OR (t.deadline < ${b.cutoff} AND (t."completedAt" IS NULL OR t."completedAt" > ${b.cutoff}))
      )
    ORDER BY t.id`;

  // One row per respondent; the first answer with a stance comes from the entries when they say, else the row.
  const answers = db.$queryRaw<AnswerFact[]>`
    SELECT r.id, r."consultationId", c.code, c.subject, c.status::text AS status, r."officialId", o."unitId", c."askerId",
           c."createdAt" AS "askedAt", c.deadline, c."closedAt", r.stance::text AS stance,
           CASE WHEN r.stance IS NOT NULL OR r."answeredAt" IS NOT NULL THEN COALESCE(ans.at, r."firstAnsweredAt", r."answeredAt") END AS "answeredAt",
           (r."lastFreeTextAt" IS NOT NULL OR EXISTS (
              SELECT 1 FROM consultation_entry e
              WHERE e."consultationId" = r."consultationId" AND e.kind = 'FREE_TEXT'
                AND (e."respondentId" = r.id OR (e."respondentId" IS NULL AND e."authorId" = r."officialId")))) AS "noStanceReply"
    FROM consultation_respondent r
    JOIN consultation c ON c.id = r."consultationId"
    JOIN official o ON o.id = r."officialId"
    LEFT JOIN LATERAL (
      SELECT min(e.at) AS at FROM consultation_entry e
      WHERE e."consultationId" = r."consultationId" AND e.kind = 'ANSWER'
        AND (e."respondentId" = r.id OR (e."respondentId" IS NULL AND e."authorId" = r."officialId"))) ans ON true
    WHERE o."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
      AND c."createdAt" >= ${b.from} AND c."createdAt" < ${b.to}
    ORDER BY c.id, r.id`;

  const signals = db.$queryRaw<SignalRow[]>`
    SELECT s.id, s.behaviour, s.rule, s."officialId", o."unitId", s."itemKind"::text AS "itemKind", s."itemId", s."raisedAt",
           COALESCE(ti.code, ci.code) AS "itemCode"
    FROM signal s
    JOIN official o ON o.id = s."officialId"
    LEFT JOIN task ti ON s."itemKind" = 'TASK' AND ti.id = s."itemId"
    LEFT JOIN consultation ci ON s."itemKind" = 'CONSULTATION' AND ci.id = s."itemId"
    WHERE s.status = 'CONFIRMED' AND s."raisedAt" >= ${b.from} AND s."raisedAt" < ${b.to}
      AND o."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
    ORDER BY s.id`;

  const explanations = db.$queryRaw<ExplanationRow[]>`
    SELECT x.id, x.code, x."officialId", o."unitId", x."itemKind"::text AS "itemKind", x."itemId", x."createdAt", x.status::text AS status,
           COALESCE(ti.code, ci.code) AS "itemCode"
    FROM explanation_demand x
    JOIN official o ON o.id = x."officialId"
    LEFT JOIN task ti ON x."itemKind" = 'TASK' AND ti.id = x."itemId"
    LEFT JOIN consultation ci ON x."itemKind" = 'CONSULTATION' AND ci.id = x."itemId"
    WHERE x.status <> 'CANCELLED' AND x."createdAt" >= ${b.from} AND x."createdAt" < ${b.to}
      AND o."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
    ORDER BY x.id`;

  const [t, a, s, x] = await Promise.all([tasks, answers, signals, explanations]);
  return { tasks: t, answers: a, signals: s, explanations: x };
}

/** The application's ReportStore over this client. */
export function reportStore(db: PrismaClient): ReportStore {
  return {
    facts: (scope, bounds) => loadReportFacts(db, scope, bounds),
    async unitPath(unitId) {
      return (await db.unit.findUnique({ where: { id: unitId }, select: { path: true } }))?.path;
    },
  };
}
