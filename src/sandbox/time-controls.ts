// The sandbox's time moves, over the composition's movable clock and its workers. A jump is walked in steps: the clock
// stops at each instant where a clock level falls due (read from the database, which is the source of truth) or the
// morning digest runs, lets that fire and be delivered, then goes on. So a reminder, its escalation to the superior
// and to the superior's superior arrive in order, each once, however long the jump.
import type { PrismaClient } from '../db/client.js';
import type { WorkingCalendar } from '../domain/calendar/types.js';
import type { SandboxTime } from './ports.js';
import { moveTarget, resolveTarget, TimeMoveRefused, workingDaysLater, type TimeMove } from './time-moves.js';
import { DAY_MS } from '../domain/time/duration.js';

export interface SandboxTimeDeps {
  /** The injected clock every use case and worker reads; `set` moves it (the composition's clock only goes forward). */
  time: { now(): Date; set(to: Date): void };
  calendar(): Promise<WorkingCalendar>;
  /** The daily digest's local time, from the policy ("07:30"). */
  digestTime: string;
  /** The earliest instant in (after, until] at which an open clock's next level falls due, if any. */
  nextDueAt(after: Date, until: Date): Promise<Date | undefined>;
  /** Lets everything due by the clock's "now" fire and waits until its messages are delivered. */
  settle(): Promise<void>;
  /** Runs the morning digest now, as the daily job scheduler would at the digest time, and waits for its messages. */
  runDigest(): Promise<void>;
  /** Stops after this many steps in one move (a runaway guard; default 2,000). */
  maxSteps?: number;
}

/** The earliest level due in (after, until] among the open clocks. */
export async function nextClockDue(db: PrismaClient, after: Date, until: Date): Promise<Date | undefined> {
  const next = await db.clock.findFirst({
    where: { state: 'ACTIVE', nextAt: { gt: after, lte: until } },
    orderBy: { nextAt: 'asc' },
    select: { nextAt: true },
  });
  return next?.nextAt;
}

/** The first digest instant in (after, until] on a working day. */
export function nextDigestAt(calendar: WorkingCalendar, digestTime: string, after: Date, until: Date): Date | undefined {
  let date = calendar.localDate(after);
  for (let i = 0; i < 400; i++) {
    const at = calendar.instantOf(date, digestTime);
    if (at.getTime() > until.getTime()) return undefined;
    if (at.getTime() > after.getTime() && calendar.isWorkingDay(date)) return at;
    const next = new Date(calendar.instantOf(date, '12:00').getTime() + DAY_MS);
    date = calendar.localDate(next);
  }
  return undefined;
}

export function createSandboxTime(deps: SandboxTimeDeps): SandboxTime & { move(move: TimeMove): Promise<void> } {
  let busy = false;

  async function walkTo(target: Date): Promise<void> {
    const calendar = await deps.calendar();
    for (let step = 0; step < (deps.maxSteps ?? 2000); step++) {
      const now = deps.time.now();
      const [due, digest] = [await deps.nextDueAt(now, target), nextDigestAt(calendar, deps.digestTime, now, target)];
      const stop = [due, digest].filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
      if (!stop) break;
      deps.time.set(stop);
      // Reminders due at the digest time go first: the digest then counts them as sent.
      await deps.settle();
      if (digest && digest.getTime() === stop.getTime()) await deps.runDigest();
    }
    if (deps.time.now().getTime() < target.getTime()) deps.time.set(target);
    await deps.settle();
  }

  /** One move at a time: a second one while the first walks is refused, not queued behind it. */
  async function exclusive(target: (calendar: WorkingCalendar, now: Date) => Date): Promise<void> {
    if (busy) throw new TimeMoveRefused('busy', 'time is already moving');
    busy = true;
    try {
      const now = deps.time.now();
      const to = target(await deps.calendar(), now);
      if (to.getTime() <= now.getTime()) throw new TimeMoveRefused('backwards', 'time never moves backwards in the sandbox');
      await walkTo(to);
    } finally {
      busy = false;
    }
  }

  return {
    now: () => deps.time.now(),
    calendar: () => deps.calendar(),
    digestTime: deps.digestTime,
    advance: (ms) => exclusive((_, now) => new Date(now.getTime() + ms)),
    advanceWorkingDays: (n) => exclusive((calendar, now) => workingDaysLater(calendar, now, n)),
    to: (target) => exclusive((calendar, now) => resolveTarget(calendar, now, target)),
    move: (move) => exclusive((calendar, now) => moveTarget(calendar, now, move, deps.digestTime)),
  };
}
