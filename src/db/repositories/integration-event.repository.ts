// Integration events, webhook subscriptions and their deliveries (issue 17 §4), behind IntegrationEventStore.
// Order per item: an event's row id is its place; the writer takes a transaction lock on the item's code before it
// inserts, so the ids of one item's events follow the order their transactions commit (a clock firing and a person's
// action on the same task cannot cross). A delivery may go when it is due and no earlier delivery of its item to the
// same subscription is still undelivered ("the head" of the item).
import { randomUUID } from 'node:crypto';
import type {
  ClaimedDelivery,
  EventItemKind,
  IntegrationEventStore,
  ReplayRange,
  SubscriptionState,
  WebhookSubscription,
} from '../../app/ports/stores/integration-events.js';
import type { IntegrationEventType } from '../../domain/integration/event-types.js';
import type { PrismaClient } from '../client.js';
import { Prisma } from '../generated/client.js';
import { prismaTx } from '../store-tx.js';

type SubscriptionRow = Omit<WebhookSubscription, 'events'> & { events: string[] };

function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return { ...row, events: row.events as IntegrationEventType[] };
}

/** The subscription `s` hears events of unit `unitIdSql`: no unit, or that unit lies in its unit's subtree. */
function inScope(unitIdSql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(s."unitId" IS NULL OR EXISTS (
    SELECT 1 FROM unit su JOIN unit eu ON eu.id = ${unitIdSql} WHERE su.id = s."unitId" AND eu.path LIKE su.path || '%'))`;
}

/** `d` is the oldest undelivered delivery of its item to its subscription. */
const IS_HEAD = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM webhook_delivery e
  WHERE e."subscriptionId" = d."subscriptionId" AND e."itemCode" = d."itemCode" AND e."eventId" < d."eventId" AND e.status <> 'DELIVERED')`;

export function integrationEventStore(db: PrismaClient): IntegrationEventStore {
  return {
    async append(tx, event) {
      const t = prismaTx(tx);
      // Held to the commit: two transactions writing events of one item number them in commit order.
      await t.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`integration-event:${event.itemCode}`}))`;
      const eventId = randomUUID();
      const row = await t.integrationEvent.create({
        data: {
          eventId,
          type: event.type,
          itemKind: event.itemKind,
          itemCode: event.itemCode,
          unitId: event.unitId,
          occurredAt: event.occurredAt,
          payload: event.payload as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      // Real time: when the delivery may first go (retries and holds are physical time, not the application's clock).
      const subs = await t.$queryRaw<{ subscriptionId: number }[]>`
        INSERT INTO webhook_delivery ("subscriptionId", "eventId", "itemCode", "nextAttemptAt")
        SELECT s.id, ${row.id}, ${event.itemCode}, ${new Date()}::timestamp FROM webhook_subscription s
        WHERE ${event.type} = ANY(s.events) AND ${inScope(Prisma.sql`${event.unitId}::int`)}
        RETURNING "subscriptionId"`;
      return { eventId, subscriptionIds: subs.map((s) => s.subscriptionId) };
    },

    async addSubscription(s) {
      return toSubscription(await db.webhookSubscription.create({ data: s }));
    },
    async findSubscription(name) {
      const row = await db.webhookSubscription.findFirst({ where: { name } });
      return row && toSubscription(row);
    },
    async subscriptionById(id) {
      const row = await db.webhookSubscription.findUnique({ where: { id } });
      return row && toSubscription(row);
    },
    async subscriptions() {
      const rows = await db.webhookSubscription.findMany({ orderBy: { name: 'asc' } });
      const counts = await db.$queryRaw<{ subscriptionId: number; pending: bigint; delivered: bigint; oldest: Date | null }[]>`
        SELECT d."subscriptionId",
               count(*) FILTER (WHERE d.status <> 'DELIVERED') AS pending,
               count(*) FILTER (WHERE d.status = 'DELIVERED') AS delivered,
               min(ev."occurredAt") FILTER (WHERE d.status <> 'DELIVERED') AS oldest
        FROM webhook_delivery d JOIN integration_event ev ON ev.id = d."eventId"
        GROUP BY d."subscriptionId"`;
      const errors = await db.$queryRaw<{ subscriptionId: number; lastError: string }[]>`
        SELECT DISTINCT ON ("subscriptionId") "subscriptionId", "lastError" FROM webhook_delivery
        WHERE status <> 'DELIVERED' AND "lastError" IS NOT NULL ORDER BY "subscriptionId", "eventId"`;
      const bySub = new Map(counts.map((c) => [c.subscriptionId, c]));
      const errorOf = new Map(errors.map((e) => [e.subscriptionId, e.lastError]));
      return rows.map((r): SubscriptionState => {
        const c = bySub.get(r.id);
        return {
          ...toSubscription(r),
          pending: Number(c?.pending ?? 0),
          delivered: Number(c?.delivered ?? 0),
          oldestPendingAt: c?.oldest ?? null,
          lastError: errorOf.get(r.id) ?? null,
        };
      });
    },
    async removeSubscription(name) {
      const { count } = await db.webhookSubscription.deleteMany({ where: { name } });
      return count > 0;
    },

    async replay(range: ReplayRange, now) {
      const within =
        range.withinUnitId === undefined
          ? Prisma.sql`TRUE`
          : Prisma.sql`EXISTS (SELECT 1 FROM unit ru JOIN unit eu ON eu.id = ev."unitId" WHERE ru.id = ${range.withinUnitId}::int AND eu.path LIKE ru.path || '%')`;
      return db.$transaction(async (tx) => {
        const requeued = await tx.$executeRaw`
          UPDATE webhook_delivery d SET status = 'PENDING', "nextAttemptAt" = ${now}::timestamp, "lastError" = NULL
          FROM integration_event ev
          WHERE ev.id = d."eventId" AND d."subscriptionId" = ${range.subscriptionId}::int AND d.status <> 'SENDING'
            AND ev."occurredAt" >= ${range.from}::timestamp AND ev."occurredAt" < ${range.to}::timestamp AND ${within}`;
        const added = await tx.$executeRaw`
          INSERT INTO webhook_delivery ("subscriptionId", "eventId", "itemCode", "nextAttemptAt")
          SELECT s.id, ev.id, ev."itemCode", ${now}::timestamp FROM integration_event ev JOIN webhook_subscription s ON s.id = ${range.subscriptionId}::int
          WHERE ev."occurredAt" >= ${range.from}::timestamp AND ev."occurredAt" < ${range.to}::timestamp
            AND ev.type = ANY(s.events) AND ${inScope(Prisma.sql`ev."unitId"`)} AND ${within}
          ON CONFLICT ("subscriptionId", "eventId") DO NOTHING`;
        return { requeued, added };
      });
    },

    async claimDue(subscriptionId, now, o) {
      const holdUntil = new Date(now.getTime() + o.holdMs);
      const claimed = await db.$queryRaw<{ id: bigint; attempts: number; eventId: bigint }[]>`
        WITH heads AS (
          SELECT d.id FROM webhook_delivery d
          WHERE d."subscriptionId" = ${subscriptionId}::int AND d.status IN ('PENDING', 'SENDING') AND d."nextAttemptAt" <= ${now}::timestamp
            AND ${IS_HEAD}
          ORDER BY d."eventId" LIMIT ${o.limit}::int FOR UPDATE SKIP LOCKED)
        UPDATE webhook_delivery w SET status = 'SENDING', attempts = w.attempts + 1, "nextAttemptAt" = ${holdUntil}::timestamp
        FROM heads WHERE w.id = heads.id
        RETURNING w.id, w.attempts, w."eventId"`;
      if (claimed.length === 0) return [];
      const events = await db.integrationEvent.findMany({ where: { id: { in: claimed.map((c) => c.eventId) } } });
      const byId = new Map(events.map((e) => [e.id, e]));
      return claimed
        .sort((a, b) => (a.eventId < b.eventId ? -1 : 1))
        .map((c): ClaimedDelivery => {
          const ev = byId.get(c.eventId)!;
          return {
            id: c.id,
            attempt: c.attempts,
            event: {
              eventId: ev.eventId,
              type: ev.type,
              itemKind: ev.itemKind as EventItemKind,
              itemCode: ev.itemCode,
              occurredAt: ev.occurredAt,
              payload: ev.payload,
            },
          };
        });
    },
    async markDelivered(id, attempt, o) {
      await db.webhookDelivery.updateMany({
        where: { id, status: 'SENDING', attempts: attempt },
        data: { status: 'DELIVERED', deliveredAt: o.at, lastStatus: o.status, lastError: null },
      });
    },
    async markRetry(id, attempt, o) {
      await db.webhookDelivery.updateMany({
        where: { id, status: 'SENDING', attempts: attempt },
        data: { status: 'PENDING', nextAttemptAt: o.nextAttemptAt, lastStatus: o.status, lastError: o.error.slice(0, 500) },
      });
    },
    async nextAttemptAt(subscriptionId) {
      const rows = await db.$queryRaw<{ at: Date | null }[]>`
        SELECT min(d."nextAttemptAt") AS at FROM webhook_delivery d
        WHERE d."subscriptionId" = ${subscriptionId}::int AND d.status IN ('PENDING', 'SENDING') AND ${IS_HEAD}`;
      return rows[0]?.at ?? null;
    },
    async subscriptionsDue(now, limit) {
      const rows = await db.$queryRaw<{ subscriptionId: number }[]>`
        SELECT DISTINCT d."subscriptionId" FROM webhook_delivery d
        WHERE d.status IN ('PENDING', 'SENDING') AND d."nextAttemptAt" <= ${now}::timestamp AND ${IS_HEAD}
        LIMIT ${limit}::int`;
      return rows.map((r) => r.subscriptionId);
    },
  };
}
