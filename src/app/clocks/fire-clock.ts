// Fires clock levels exactly once: each position (generation, level, cycle) is checked under a row lock, the clock
// advanced and its reminder recorded (unique key) in the same transaction as the message queued for it.
import { audienceAt, nextPosition } from '../../domain/clocks/ladder.js';
import { clockJobId, type ClockKind, type ClockRecord } from '../../domain/clocks/types.js';
import type { Official } from '../../domain/org/types.js';
import type { AppContext } from '../context.js';
import type { ClockAdvance } from '../ports/stores/clocks.js';
import type { StoreTx } from '../ports/stores.js';
import { notifyMany } from '../notify.js';
import { Effects, retryOnConflict, runEffects } from '../transaction.js';
import type { ClockHandler, ClockSubject, FireContext } from './clock-handler.js';

/** Levels 0 and 1 go to the person; from level 2 the superiors are told. */
const PERSON_LEVELS = 2;

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

  /** What each clock is about, loaded per handler in one go where the handler can. */
  async loadAll(app: AppContext, tx: StoreTx, clocks: readonly ClockRecord[]): Promise<Map<number, ClockSubject | null>> {
    const out = new Map<number, ClockSubject | null>();
    const groups = new Map<ClockHandler, ClockRecord[]>();
    for (const c of clocks) {
      const h = this.byKind.get(c.kind);
      if (!h) out.set(c.id, null);
      else groups.set(h, [...(groups.get(h) ?? []), c]);
    }
    for (const [h, group] of groups) {
      if (h.loadMany) for (const [id, s] of await h.loadMany(tx, group, app)) out.set(id, s);
      else for (const c of group) out.set(c.id, await h.load(tx, c, app));
    }
    return out;
  }
}

function recipientAt(level: number, person: Official, chain: Official[]): Official | undefined {
  const audience = audienceAt(level);
  return audience.to === 'person' ? person : chain[audience.depth - 1];
}

export interface WaveResult {
  /** The outcome for each requested position (keyed by its job id). */
  requested: Map<string, FireOutcome>;
  /** Every position that fired in the wave, requested or found due alongside. */
  fired: ClockPosition[];
}

/**
 * Fires a wave: the requested clock levels plus up to `alsoDue` other clocks already due, in one transaction. After
 * a weekend or Tết hundreds fall due at 07:30 together; one transaction, one audit append and one outbox insert for
 * them all is what keeps the engine fast. Each clock still fires exactly once: its row is locked at its position.
 */
export async function fireWave(app: AppContext, handlers: ClockHandlers, positions: readonly ClockPosition[], alsoDue = 0): Promise<WaveResult> {
  const org = await app.org();
  const calendar = await app.calendar();
  // A wave that loses a deadlock to a use case (both want the audit lock and the same clock rows) runs again.
  const { result, effects } = await retryOnConflict(async () => {
    const effects = new Effects();
    const result = await app.stores.transaction(
      async (tx): Promise<WaveResult> => {
        const now = app.time.now();
        const clocks = await app.stores.clocks.lock(tx, positions, alsoDue > 0 ? { now, limit: alsoDue } : undefined);
        const outcomes = new Map<string, FireOutcome>();
        const fired: ClockPosition[] = [];
        const stopped: number[] = [];
        const advances: ClockAdvance[] = [];
        const sends: { clock: ClockRecord; person: Official; recipient: Official; subject: ClockSubject; ctx: FireContext }[] = [];

        const due = clocks.filter((c) => c.nextAt.getTime() <= now.getTime());
        for (const c of clocks) if (c.nextAt.getTime() > now.getTime()) outcomes.set(clockJobId(c), { outcome: 'early', at: c.nextAt });
        const subjects = await handlers.loadAll(app, tx, due);
        for (const clock of due) {
          const key = clockJobId(clock);
          const subject = subjects.get(clock.id) ?? null;
          if (!subject) {
            stopped.push(clock.id);
            outcomes.set(key, { outcome: 'stopped' });
            continue;
          }
          await subject.fired?.(tx, { clock, now, effects });
          // Fired late (a worker was down): the next level comes one step after now, so people still get time to act.
          const firedAt = new Date(Math.max(clock.nextAt.getTime(), now.getTime()));
          const next = nextPosition({ level: clock.level, cycle: clock.cycle, at: firedAt }, clock, app.policy.ladder, calendar);
          advances.push({ id: clock.id, next: next ? { level: next.level, cycle: next.cycle, nextAt: next.at } : null });
          if (next) effects.schedule({ id: clock.id, generation: clock.generation, level: next.level, cycle: next.cycle, nextAt: next.at });
          fired.push({ id: clock.id, generation: clock.generation, level: clock.level, cycle: clock.cycle });

          const person = org.official(clock.officialId);
          const chain = org.superiorChain(clock.officialId);
          const recipient = person ? recipientAt(clock.level, person, chain) : undefined;
          if (!person || !recipient) {
            outcomes.set(key, { outcome: 'skipped', next: next?.at ?? null });
            continue;
          }
          const nextRecipient = next ? recipientAt(next.level, person, chain) : undefined;
          const ctx: FireContext = {
            clock,
            level: clock.level,
            audience: audienceAt(clock.level),
            person,
            recipient,
            nextRecipient: nextRecipient && nextRecipient.id !== recipient.id ? nextRecipient : undefined,
            nextAt: next?.at ?? null,
            // Levels 0 and 1 remind the person; a superior hears how often the person was reminded.
            sentSoFar: Math.min(clock.level, PERSON_LEVELS),
            org,
          };
          sends.push({ clock, person, recipient, subject, ctx });
          outcomes.set(key, { outcome: 'sent', recipientId: recipient.id, next: next?.at ?? null });
        }

        await app.stores.clocks.stopIds(tx, stopped, now, 'no-longer-applies');
        await app.stores.clocks.advance(tx, advances, now);
        const outboxIds = await notifyMany(
          app,
          tx,
          effects,
          sends.map((x) => ({
            recipientId: x.recipient.id,
            render: (t, v) => x.subject.render(t, v, x.ctx),
            options: { mergeable: true, itemCode: x.subject.code, gatherMs: app.tuning.waveWindowMs },
          })),
        );
        await app.stores.clocks.insertReminders(
          tx,
          sends.map((x, i) => ({
            clock: x.clock,
            recipientId: x.recipient.id,
            kind: x.recipient.id === x.person.id ? 'REMINDER' : 'ESCALATION',
            at: now,
            outboxId: outboxIds[i] ?? null,
          })),
        );
        await app.stores.audit.append(
          tx,
          sends.map((x, i) => ({
            at: now,
            actorId: null,
            action: x.recipient.id === x.person.id ? 'reminder.sent' : 'escalation.sent',
            entity: x.clock.itemKind.toLowerCase(),
            entityId: x.clock.itemId,
            data: {
              clockId: x.clock.id,
              kind: x.clock.kind,
              level: x.clock.level,
              cycle: x.clock.cycle,
              recipientId: x.recipient.id,
              queued: outboxIds[i] !== null,
            },
          })),
        );
        for (const p of positions) if (!outcomes.has(clockJobId(p))) outcomes.set(clockJobId(p), { outcome: 'stale' });
        return { requested: new Map([...outcomes].filter(([k]) => positions.some((p) => clockJobId(p) === k))), fired };
      },
      { timeoutMs: 60_000, maxWaitMs: 10_000 },
    );
    return { result, effects };
  });
  await runEffects(app, effects);
  return result;
}

/** Fires one level of one clock (a wave of one). */
export async function fireClock(app: AppContext, handlers: ClockHandlers, pos: ClockPosition): Promise<FireOutcome> {
  const { requested } = await fireWave(app, handlers, [pos]);
  return requested.get(clockJobId(pos)) ?? { outcome: 'stale' };
}

export type { ClockRecord };
