// The admin's calendar adjustments (table calendar_override) and the working calendar they give with the policy.
import { parseIsoDate } from '../../domain/calendar/civil.js';
import type { CalendarConfig, IsoDate, WorkingCalendar } from '../../domain/calendar/types.js';
import { createWorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { Policy } from '../../domain/policy/types.js';
import type { PrismaClient, Tx } from '../client.js';
import { appendAudit } from './audit.repository.js';

export type CalendarOverrideKind = 'HOLIDAY' | 'WORKDAY';

export interface CalendarOverride {
  date: IsoDate;
  kind: CalendarOverrideKind;
  note: string | null;
  createdAt: Date;
}

/** `@db.Date` columns travel as UTC midnight. */
const toDbDate = (date: IsoDate): Date => {
  if (parseIsoDate(date) === undefined) throw new RangeError(`"${date}" is not a date like 2027-02-10`);
  return new Date(`${date}T00:00:00.000Z`);
};
const fromDbDate = (d: Date): IsoDate => d.toISOString().slice(0, 10);

type Row = { date: Date; kind: CalendarOverrideKind; note: string | null; createdAt: Date };
const toOverride = (r: Row): CalendarOverride => ({ date: fromDbDate(r.date), kind: r.kind, note: r.note, createdAt: r.createdAt });

/** Every override, or those of one year, by date. */
export async function listCalendarOverrides(db: PrismaClient | Tx, options: { year?: number } = {}): Promise<CalendarOverride[]> {
  const where = options.year === undefined ? {} : { date: { gte: toDbDate(`${options.year}-01-01`), lte: toDbDate(`${options.year}-12-31`) } };
  const rows = await db.calendarOverride.findMany({ where, orderBy: { date: 'asc' } });
  return rows.map(toOverride);
}

export interface SetOverrideInput {
  date: IsoDate;
  kind: CalendarOverrideKind;
  note?: string | null;
  /** The official who made the change; null for the admin's CLI. */
  actorId: number | null;
  at: Date;
}

/** Adds or replaces the override of a date, with its audit entry in the same transaction; returns what it replaced. */
export async function setCalendarOverride(
  db: PrismaClient,
  input: SetOverrideInput,
): Promise<{ previous: CalendarOverride | null; current: CalendarOverride }> {
  const date = toDbDate(input.date);
  return db.$transaction(async (tx) => {
    const before = await tx.calendarOverride.findFirst({ where: { date } });
    const note = input.note ?? null;
    // The key is (organisation, date); the connection's organisation fills and scopes it.
    const [row] = await tx.$queryRaw<Row[]>`
      INSERT INTO calendar_override (date, kind, note, "createdAt") VALUES (${date}, ${input.kind}::"CalendarDayKind", ${note}, ${input.at})
      ON CONFLICT ("orgId", date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, "createdAt" = EXCLUDED."createdAt"
      RETURNING *`;
    await appendAudit(tx, {
      at: input.at,
      actorId: input.actorId,
      action: 'calendar.override.added',
      entity: 'calendar_override',
      entityId: input.date,
      data: { kind: input.kind, note, previous: before ? { kind: before.kind, note: before.note } : null },
    });
    return { previous: before ? toOverride(before) : null, current: toOverride(row!) };
  });
}

/** Removes the override of a date (audited); null when there was none. */
export async function removeCalendarOverride(db: PrismaClient, input: { date: IsoDate; actorId: number | null; at: Date }): Promise<CalendarOverride | null> {
  const date = toDbDate(input.date);
  return db.$transaction(async (tx) => {
    const before = await tx.calendarOverride.findFirst({ where: { date } });
    if (!before) return null;
    await tx.calendarOverride.deleteMany({ where: { date } });
    await appendAudit(tx, {
      at: input.at,
      actorId: input.actorId,
      action: 'calendar.override.removed',
      entity: 'calendar_override',
      entityId: input.date,
      data: { kind: before.kind, note: before.note },
    });
    return toOverride(before);
  });
}

/** The policy's calendar with the database's overrides on top (the database wins where both name a date). */
export function mergeCalendarOverrides(config: CalendarConfig, overrides: readonly CalendarOverride[]): CalendarConfig {
  const holidays = new Set(config.extraHolidays);
  const workdays = new Set(config.extraWorkdays);
  for (const o of overrides) {
    if (o.kind === 'HOLIDAY') {
      holidays.add(o.date);
      workdays.delete(o.date);
    } else {
      workdays.add(o.date);
      holidays.delete(o.date);
    }
  }
  return { ...config, extraHolidays: [...holidays].sort(), extraWorkdays: [...workdays].sort() };
}

/** The organisation's working calendar: policy settings + the admin's overrides stored in the database. */
export async function loadCalendar(db: PrismaClient | Tx, policy: Pick<Policy, 'calendar'>): Promise<WorkingCalendar> {
  return createWorkingCalendar(mergeCalendarOverrides(policy.calendar, await listCalendarOverrides(db)));
}
