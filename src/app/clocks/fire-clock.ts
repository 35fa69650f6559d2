// Fires one level of one clock, exactly once: the position (generation, level, cycle) is checked under a row lock,
// the reminder row is claimed by its unique key and the clock advanced in the same transaction.
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { advanceClock, lockClockAt } from '../../db/repositories/clock.repository.js';
import { audienceAt, nextPosition } from '../../domain/clocks/ladder.js';
import type { ClockKind, ClockRecord } from '../../domain/clocks/types.js';
import type { Official } from '../../domain/org/types.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { Effects, runEffects } from '../transaction.js';
import type { ClockHandler } from './clock-handler.js';

export interface ClockPosition {
  id: number;
  generation: number;
  level: number;
  cycle: number;
}

export type FireOutcome =
  | { outcome: 'sent'; recipientId: number; next: Date | null }
  | { outcome: 'skipped'; next: Date | null }
  /** Not due yet by the domain clock: the job should wait until `at`. */
  | { outcome: 'early'; at: Date }
  /** The clock moved on, stopped, or another worker holds it. */
  | { outcome: 'stale' }
  /** The person acted: the clock stopped without reminding anyone. */
  | { outcome: 'stopped' };

/** Reminders for several items due together for one chat are merged if they are queued within this window. */
export const DEFAULT_WAVE_WINDOW_MS = 2_000;

export class ClockHandlers {
  private readonly byKind = new Map<ClockKind, ClockHandler>();
  constructor(handlers: ClockHandler[]) {
    for (const h of handlers) for (const k of h.kinds) this.byKind.set(k, h);
  }
  for(kind: ClockKind): ClockHandler | undefined {
    return this.byKind.get(kind);
  }
}

function recipientAt(level: number, person: Official, chain: Official[]): Official | undefined {
  const audience = audienceAt(level);
  return audience.to === 'person' ? person : chain[audience.depth - 1];
}

export async function fireClock(app: AppContext, handlers: ClockHandlers, pos: ClockPosition): Promise<FireOutcome> {
  const org = await app.org();
  const calendar = await app.calendar();
  const effects = new Effects();
  const result = await app.db.$transaction(
    async (tx): Promise<FireOutcome> => {
      const clock = await lockClockAt(tx, pos);
      if (!clock) return { outcome: 'stale' };
      const now = app.clock.now();
      if (clock.nextAt.getTime() > now.getTime()) return { outcome: 'early', at: clock.nextAt };

      const handler = handlers.for(clock.kind);
      const subject = handler ? await handler.load(tx, clock) : null;
      if (!subject) {
        await tx.clock.update({ where: { id: clock.id }, data: { state: 'STOPPED', stoppedAt: now, stopReason: 'no-longer-applies' } });
        return { outcome: 'stopped' };
      }
      await subject.fired?.(tx, { clock, now });

      // Fired late (a worker was down): the next level comes one step after now, so people still get time to act.
      const firedAt = new Date(Math.max(clock.nextAt.getTime(), now.getTime()));
      const next = nextPosition({ level: clock.level, cycle: clock.cycle, at: firedAt }, clock, app.policy.ladder, calendar);
      const person = org.official(clock.officialId);
      const chain = org.superiorChain(clock.officialId);
      const recipient = person ? recipientAt(clock.level, person, chain) : undefined;
      await advanceClock(tx, clock.id, next ? { level: next.level, cycle: next.cycle, nextAt: next.at } : null, now);
      if (next) effects.schedule({ id: clock.id, generation: clock.generation, level: next.level, cycle: next.cycle, nextAt: next.at });

      if (!person || !recipient) return { outcome: 'skipped', next: next?.at ?? null };
      const claimed = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO reminder ("clockId", generation, level, cycle, "itemKind", "itemId", "clockKind", "officialId", "recipientId", kind, at)
        VALUES (${clock.id}, ${clock.generation}, ${clock.level}, ${clock.cycle}, ${clock.itemKind}::"ItemKind", ${clock.itemId},
                ${clock.kind}::"ClockKind", ${clock.officialId}, ${recipient.id},
                ${recipient.id === person.id ? 'REMINDER' : 'ESCALATION'}::"ReminderKind", ${now})
        ON CONFLICT ("clockId", generation, level, cycle) DO NOTHING
        RETURNING id`;
      if (claimed.length === 0) return { outcome: 'stale' };
      const sentSoFar = await tx.reminder.count({ where: { clockId: clock.id, generation: clock.generation, kind: 'REMINDER' } });
      const nextRecipient = next ? recipientAt(next.level, person, chain) : undefined;
      const ctx = {
        clock,
        level: clock.level,
        audience: audienceAt(clock.level),
        person,
        recipient,
        nextRecipient: nextRecipient && nextRecipient.id !== recipient.id ? nextRecipient : undefined,
        nextAt: next?.at ?? null,
        sentSoFar,
        org,
      };
      const outboxId = await notify(app, tx, effects, recipient.id, (t, v) => subject.render(t, v, ctx), {
        mergeable: true,
        itemCode: subject.code,
        gatherMs: app.tuning.waveWindowMs,
      });
      await tx.reminder.update({ where: { id: claimed[0]!.id }, data: { outboxId, delivered: outboxId === null ? false : null } });
      await appendAudit(tx, {
        at: now,
        actorId: null,
        action: recipient.id === person.id ? 'reminder.sent' : 'escalation.sent',
        entity: clock.itemKind.toLowerCase(),
        entityId: clock.itemId,
        data: { clockId: clock.id, kind: clock.kind, level: clock.level, cycle: clock.cycle, recipientId: recipient.id, queued: outboxId !== null },
      });
      return { outcome: 'sent', recipientId: recipient.id, next: next?.at ?? null };
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
  await runEffects(app, effects);
  return result;
}

export type { ClockRecord };
