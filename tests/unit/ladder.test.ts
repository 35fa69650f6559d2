import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/domain/calendar/working-calendar.js';
import { audienceAt, basisOf, deliverableAt, ladderStepMs, nextPosition, type LadderPosition } from '../../src/domain/clocks/ladder.js';
import { clockJobId, isSingleShot, type ClockKind } from '../../src/domain/clocks/types.js';
import { loadPolicy } from '../../src/domain/policy/load-policy.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import type { Priority } from '../../src/domain/priority.js';
import { HOUR_MS, MINUTE_MS } from '../../src/domain/time/duration.js';

// Times are Hà Nội (UTC+7). Working windows 07:30–11:30 and 13:30–17:00, Monday–Friday.
const at = (local: string) => new Date(`${local}+07:00`);
const policy = defaultPolicy();
const ladder = policy.ladder;
const calendar = createWorkingCalendar(policy.calendar);
const DAY = 7.5 * HOUR_MS;

function climb(start: LadderPosition, clock: { kind: ClockKind; priority: Priority; stepMs: number }, steps: number): string[] {
  const out: string[] = [];
  let pos: LadderPosition | null = start;
  for (let i = 0; i < steps && pos; i++) {
    pos = nextPosition(pos, clock, ladder, calendar);
    if (pos) out.push(`${pos.level}.${pos.cycle} ${pos.at.toISOString()}`);
  }
  return out;
}
const iso = (level: number, cycle: number, local: string) => `${level}.${cycle} ${at(local).toISOString()}`;

describe('ladder step', () => {
  it('is half the clock, at least 1 and at most 7.5 working hours on working time', () => {
    expect(ladderStepMs(ladder, 4 * HOUR_MS)).toBe(2 * HOUR_MS); // NORMAL accept
    expect(ladderStepMs(ladder, 2 * HOUR_MS)).toBe(HOUR_MS); // HIGH accept
    expect(ladderStepMs(ladder, 30 * MINUTE_MS)).toBe(HOUR_MS); // clamped up
    expect(ladderStepMs(ladder, 5 * DAY)).toBe(DAY); // NORMAL progress interval, clamped down
    expect(ladderStepMs(ladder, 0)).toBe(HOUR_MS);
  });

  it('keeps its own wall-time bounds for URGENT (10 min to 2 h), so the 30-minute accept clock steps every 15 minutes', () => {
    expect(ladderStepMs(ladder, 30 * MINUTE_MS, 'wall')).toBe(15 * MINUTE_MS);
    expect(ladderStepMs(ladder, 10 * MINUTE_MS, 'wall')).toBe(10 * MINUTE_MS);
    expect(ladderStepMs(ladder, 4 * HOUR_MS, 'wall')).toBe(2 * HOUR_MS);
    expect(ladderStepMs(ladder, 3 * 24 * HOUR_MS, 'wall')).toBe(2 * HOUR_MS);
    // The URGENT step is shorter than the URGENT time to accept, whatever the working-time bounds say.
    expect(ladderStepMs(ladder, policy.clocks.URGENT.accept.ms, basisOf('URGENT'))).toBeLessThan(policy.clocks.URGENT.accept.ms);
  });

  it('follows the policy file, and never goes below one second', () => {
    const p = loadPolicy({ format: 'yaml', text: 'ladder:\n  stepFraction: 0.25\n  urgentMinStep: 1m wall\n  urgentMaxStep: 5m wall\n' });
    expect(ladderStepMs(p.ladder, 30 * MINUTE_MS, 'wall')).toBe(5 * MINUTE_MS);
    expect(ladderStepMs(p.ladder, 8 * MINUTE_MS, 'wall')).toBe(2 * MINUTE_MS);
    expect(ladderStepMs(p.ladder, 2 * MINUTE_MS, 'wall')).toBe(MINUTE_MS);
    const demo = loadPolicy({ format: 'yaml', text: 'ladder:\n  minStep: 1ms wall\n  urgentMinStep: 1ms wall\n' });
    expect(ladderStepMs(demo.ladder, 0)).toBe(1000);
    expect(ladderStepMs(demo.ladder, 0, 'wall')).toBe(1000);
  });

  it('counts URGENT on wall time and everything else on working time', () => {
    expect(basisOf('URGENT')).toBe('wall');
    expect(basisOf('HIGH')).toBe('working');
    expect(basisOf('NORMAL')).toBe('working');
  });
});

describe('who is told', () => {
  it('level 0 and 1 remind the person; level 2 the superior; level 3 the superior of the superior', () => {
    expect(audienceAt(0)).toEqual({ to: 'person' });
    expect(audienceAt(1)).toEqual({ to: 'person' });
    expect(audienceAt(2)).toEqual({ to: 'superior', depth: 1 });
    expect(audienceAt(3)).toEqual({ to: 'superior', depth: 2 });
  });
});

describe('next level', () => {
  const normalAccept = { kind: 'TASK_ACCEPT' as const, priority: 'NORMAL' as const, stepMs: 2 * HOUR_MS };

  it('climbs one step at a time on working time, across lunch and the night, then repeats the top once per working day', () => {
    // Level 0 fired Monday 15:00; step 2 working hours.
    expect(climb({ level: 0, cycle: 0, at: at('2026-12-07T15:00:00') }, normalAccept, 5)).toEqual([
      iso(1, 0, '2026-12-08T07:30:00'), // 15:00 + 2 h = 17:00, closing time: the next opening
      iso(2, 0, '2026-12-08T09:30:00'),
      iso(3, 0, '2026-12-08T13:30:00'), // 11:30 is the start of lunch: after it
      iso(3, 1, '2026-12-09T13:30:00'), // the top repeats one working day later
      iso(3, 2, '2026-12-10T13:30:00'),
    ]);
  });

  it('a level due at the end of the day goes out at the next opening (07:30), never at night', () => {
    const next = nextPosition(
      { level: 0, cycle: 0, at: at('2026-12-07T15:00:00') },
      { ...normalAccept, stepMs: 2 * HOUR_MS - 30 * MINUTE_MS },
      ladder,
      calendar,
    );
    // 15:00 + 1.5 working hours = 16:30; + 0.5 h would be 17:00, which is closing time: not a time to send.
    expect(next?.at).toEqual(at('2026-12-07T16:30:00'));
    const atClose = nextPosition({ level: 0, cycle: 0, at: at('2026-12-07T15:00:00') }, normalAccept, ladder, calendar);
    expect(atClose?.at).toEqual(at('2026-12-08T07:30:00'));
    expect(deliverableAt(at('2026-12-07T17:00:00'), 'NORMAL', calendar)).toEqual(at('2026-12-08T07:30:00'));
    expect(deliverableAt(at('2026-12-07T23:10:00'), 'HIGH', calendar)).toEqual(at('2026-12-08T07:30:00'));
  });

  it('waits over a weekend, Tết 2027 and 30/4–1/5', () => {
    const friday = { level: 0, cycle: 0, at: at('2026-12-11T16:00:00') };
    expect(nextPosition(friday, normalAccept, ladder, calendar)?.at).toEqual(at('2026-12-14T08:30:00'));
    // Tết Nguyên đán 2027: Friday 5/2 to Tuesday 9/2, and 10/2, 11/2 make up for the Saturday and Sunday in it.
    const beforeTet = { level: 1, cycle: 0, at: at('2027-02-04T16:30:00') };
    expect(nextPosition(beforeTet, normalAccept, ladder, calendar)?.at).toEqual(at('2027-02-12T09:00:00'));
    expect(deliverableAt(at('2027-02-08T10:00:00'), 'NORMAL', calendar)).toEqual(at('2027-02-12T07:30:00'));
    // 30/4 is a Friday, 1/5 a Saturday made up on Monday 3/5: the next opening is Tuesday 4/5.
    expect(deliverableAt(at('2027-04-29T17:00:00'), 'NORMAL', calendar)).toEqual(at('2027-05-04T07:30:00'));
  });

  it('URGENT runs on wall time: at night, on a weekend, during Tết', () => {
    const urgent = { kind: 'TASK_ACCEPT' as const, priority: 'URGENT' as const, stepMs: ladderStepMs(ladder, 30 * MINUTE_MS, 'wall') };
    expect(climb({ level: 0, cycle: 0, at: at('2026-12-12T22:30:00') }, urgent, 3)).toEqual([
      iso(1, 0, '2026-12-12T22:45:00'),
      iso(2, 0, '2026-12-12T23:00:00'),
      iso(3, 0, '2026-12-12T23:15:00'),
    ]);
    expect(deliverableAt(at('2027-02-06T03:00:00'), 'URGENT', calendar)).toEqual(at('2027-02-06T03:00:00'));
    // The top level repeats once per working day, also for URGENT: from Saturday night, Monday at closing time.
    expect(nextPosition({ level: 3, cycle: 0, at: at('2026-12-12T23:15:00') }, urgent, ladder, calendar)?.at).toEqual(at('2026-12-14T17:00:00'));
  });

  it('stops at the configured top level', () => {
    const p = loadPolicy({ format: 'yaml', text: 'ladder:\n  topLevel: 1\n' });
    const next = nextPosition({ level: 1, cycle: 0, at: at('2026-12-07T09:00:00') }, normalAccept, p.ladder, calendar);
    expect(next).toEqual({ level: 1, cycle: 1, at: at('2026-12-08T09:00:00') });
  });

  it('the reminder before a deadline is said once', () => {
    expect(isSingleShot('TASK_BEFORE_DEADLINE')).toBe(true);
    expect(isSingleShot('TASK_OVERDUE')).toBe(false);
    expect(
      nextPosition({ level: 0, cycle: 0, at: at('2026-12-07T09:00:00') }, { kind: 'TASK_BEFORE_DEADLINE', priority: 'NORMAL', stepMs: 1000 }, ladder, calendar),
    ).toBeNull();
  });

  it('names each level of each generation with its own job id', () => {
    expect(clockJobId({ id: 12, generation: 3, level: 2, cycle: 1 })).toBe('clk-12-3-2-1');
    expect(clockJobId({ id: 12, generation: 4, level: 2, cycle: 1 })).not.toBe(clockJobId({ id: 12, generation: 3, level: 2, cycle: 1 }));
  });
});
