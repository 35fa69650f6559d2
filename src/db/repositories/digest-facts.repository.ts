// The facts behind digests in a fixed number of set-based queries (six), whatever the size of the subtree: grouped
// by unit, so that one load serves one head (/tonghop) or every head of the organisation (the morning run).
import type { DigestQueryOptions, DigestScope, QueryCounter } from '../../app/ports/stores/digest.js';
import type { DigestFacts, OverdueTask, PendingSignals, ReachIssue, ReminderCounts, TaskCounts } from '../../domain/digest/types.js';
import type { PrismaClient, Tx } from '../client.js';

export async function loadDigestFacts(db: PrismaClient | Tx, scope: DigestScope, o: DigestQueryOptions, counter?: QueryCounter): Promise<DigestFacts> {
  // A subtree is a prefix of the materialised path; the whole organisation is every path.
  const prefix = scope.kind === 'subtree' ? `${scope.path}%` : '/%';
  const i = o.instants;
  const count = <T>(p: Promise<T>) => {
    if (counter) counter.queries++;
    return p;
  };

  const taskRows = count(
    db.$queryRaw<({ unitId: number } & TaskCounts)[]>`
      SELECT t."unitId",
        count(*) FILTER (WHERE t.deadline >= ${i.now} AND t.status IN ('ASSIGNED', 'DECLINED'))::int AS grey,
        count(*) FILTER (WHERE t.deadline >= ${i.now} AND t.status IN ('ACCEPTED', 'IN_PROGRESS'))::int AS blue,
        count(*) FILTER (WHERE t.deadline >= ${i.now} AND t.deadline <= ${i.dueSoonUntil})::int AS "dueSoon",
        count(*) FILTER (WHERE t.deadline < ${i.now})::int AS red,
        count(*) FILTER (WHERE t.deadline < ${i.now} AND t.deadline >= ${i.shortSince})::int AS "redShort",
        count(*) FILTER (WHERE t.deadline < ${i.shortSince} AND t.deadline >= ${i.mediumSince})::int AS "redMedium",
        count(*) FILTER (WHERE t.deadline < ${i.mediumSince})::int AS "redLong"
      FROM task t
      WHERE t.status IN ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'DECLINED')
        AND t."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
      GROUP BY t."unitId"`,
  );

  // The N oldest overdue tasks: of the subtree for one head; of every unit for all heads (any subtree's N oldest are
  // among its units' N oldest).
  const overdueRows =
    scope.kind === 'subtree'
      ? count(
          db.$queryRaw<OverdueTask[]>`
            SELECT t.id, t.code, t.title, t."assigneeId", t."unitId", t.deadline, (t.status IN ('ASSIGNED', 'DECLINED')) AS "notAccepted"
            FROM task t
            WHERE t.status IN ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'DECLINED') AND t.deadline < ${i.now}
              AND t."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
            ORDER BY t.deadline, t.id
            LIMIT ${o.oldest}`,
        )
      : count(
          db.$queryRaw<OverdueTask[]>`
            SELECT id, code, title, "assigneeId", "unitId", deadline, "notAccepted" FROM (
              SELECT t.id, t.code, t.title, t."assigneeId", t."unitId", t.deadline, (t.status IN ('ASSIGNED', 'DECLINED')) AS "notAccepted",
                     row_number() OVER (PARTITION BY t."unitId" ORDER BY t.deadline, t.id) AS rn
              FROM task t
              WHERE t.status IN ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'DECLINED') AND t.deadline < ${i.now}
            ) x
            WHERE rn <= ${o.oldest}`,
        );

  // Answers owed past the deadline, counted where the person who owes them works.
  const consultationRows = count(
    db.$queryRaw<{ unitId: number; n: number }[]>`
      SELECT o."unitId", count(*)::int AS n
      FROM consultation_respondent r
      JOIN consultation c ON c.id = r."consultationId"
      JOIN official o ON o.id = r."officialId"
      WHERE c.status = 'OPEN' AND c.deadline < ${i.now} AND r.stance IS NULL AND r."answeredAt" IS NULL
        AND o."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
      GROUP BY o."unitId"`,
  );

  // Reminders and escalations about the people of the unit (whose clock it was), in the window.
  const reminderRows = count(
    db.$queryRaw<({ unitId: number } & ReminderCounts)[]>`
      SELECT o."unitId",
        count(*) FILTER (WHERE r.kind = 'REMINDER')::int AS reminders,
        count(*) FILTER (WHERE r.kind = 'ESCALATION')::int AS escalations
      FROM reminder r
      JOIN official o ON o.id = r."officialId"
      WHERE r.at >= ${i.remindersFrom} AND r.at < ${i.remindersTo}
        AND o."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
      GROUP BY o."unitId"`,
  );

  const signalRows = count(
    db.$queryRaw<PendingSignals[]>`
      SELECT s."officialId", o."unitId", count(*)::int AS count
      FROM signal s
      JOIN official o ON o.id = s."officialId"
      WHERE s.status = 'PENDING'
        AND o."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
      GROUP BY s."officialId", o."unitId"`,
  );

  // Active officials with no chat that takes messages: every linked account refuses (403), or none is linked.
  const reachRows = count(
    db.$queryRaw<{ officialId: number; unitId: number; linked: number; since: Date | null }[]>`
      SELECT o.id AS "officialId", o."unitId", count(ci.id)::int AS linked, max(ci."unreachableAt") AS since
      FROM official o
      LEFT JOIN chat_identity ci ON ci."officialId" = o.id
      WHERE o.active
        AND o."unitId" IN (SELECT u.id FROM unit u WHERE u.path LIKE ${prefix})
      GROUP BY o.id
      HAVING count(ci.id) = count(ci."unreachableAt")`,
  );

  const [tasks, overdue, consultations, reminders, signals, reach] = await Promise.all([
    taskRows,
    overdueRows,
    consultationRows,
    reminderRows,
    signalRows,
    reachRows,
  ]);
  return {
    tasks: new Map(tasks.map(({ unitId, ...c }) => [unitId, c])),
    overdue,
    consultationsOverdue: new Map(consultations.map((r) => [r.unitId, r.n])),
    reminders: new Map(reminders.map(({ unitId, ...c }) => [unitId, c])),
    signals,
    reach: reach.map((r): ReachIssue => ({ officialId: r.officialId, unitId: r.unitId, linked: r.linked > 0, since: r.since })),
  };
}
