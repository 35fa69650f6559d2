// Nothing after the step where a deadline is typed can throw on a date the parser accepted (issue 19.3): days up to
// the largest horizon the policy allows, at their closing time, first and last minute, through the calendar and
// ladder arithmetic the task, consultation and explanation clocks do.
import { describe, expect, it } from 'vitest';
import { basisOf, deliverableAt, ladderStepMs, nextPosition } from '../../src/domain/clocks/ladder.js';
import { createWorkingCalendar } from '../../src/domain/calendar/working-calendar.js';
import { DomainError } from '../../src/domain/errors.js';
import { checkDeadlineHorizon, latestDeadline, MAX_DEADLINE_YEARS } from '../../src/domain/policy/deadline-horizon.js';
import { loadPolicy } from '../../src/domain/policy/load-policy.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { PRIORITIES } from '../../src/domain/priority.js';
import { parseDeadline } from '../../src/domain/text/deadline-parser.js';
import { DAY_MS as DAY } from '../../src/domain/time/duration.js';

const policy = defaultPolicy();
const calendar = createWorkingCalendar(policy.calendar);

describe('the deadline horizon', () => {
  it('is 5 years by default and read from the policy file (1–50)', () => {
    expect(policy.maxDeadlineYears).toBe(5);
    expect(loadPolicy({ text: 'maxDeadlineYears: 2\n', format: 'yaml' }).maxDeadlineYears).toBe(2);
    expect(() => loadPolicy({ text: 'maxDeadlineYears: 400\n', format: 'yaml' })).toThrow('maxDeadlineYears: 400 is not a number of years from 1 to 50');
    expect(() => loadPolicy({ text: 'maxDeadlineYears: 0\n', format: 'yaml' })).toThrow('maxDeadlineYears');
  });

  it('refuses with the limit and the latest date', () => {
    const now = new Date('2026-12-07T02:00:00Z');
    expect(() => checkDeadlineHorizon(latestDeadline(now, 5), now, 5)).not.toThrow();
    try {
      checkDeadlineHorizon(new Date(latestDeadline(now, 5).getTime() + 1), now, 5);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ key: 'deadline-too-far', args: { years: 5, latest: new Date('2031-12-07T02:00:00Z') } });
    }
    expect(() => checkDeadlineHorizon(new Date(Number.NaN), now, 5)).toThrow('deadline-unreadable');
    expect(() => checkDeadlineHorizon(new Date('2399-12-31T10:00:00Z'), now, 5)).toThrow('deadline-too-far');
  });

  it(`days accepted up to ${MAX_DEADLINE_YEARS} years ahead go through the clock arithmetic`, () => {
    const now = new Date('2026-12-31T16:30:00Z'); // 23:30 on New Year's Eve in Hà Nội
    let accepted = 0;
    // Every day of the default 5 years, then every 13th day (all weekdays and months in turn) up to the policy's most.
    const fiveYears = latestDeadline(now, 5).getTime();
    for (let t = now.getTime(); t <= latestDeadline(now, MAX_DEADLINE_YEARS).getTime() + 2 * DAY; t += t < fiveYears + 2 * DAY ? DAY : 13 * DAY) {
      const [y, m, d] = calendar.localDate(new Date(t)).split('-');
      // Each day in one of three forms in turn: its closing time, its first and its last minute.
      const form = Math.round((t - now.getTime()) / DAY) % 3;
      for (const text of [[`${d}/${m}/${y}`, `${d}/${m}/${y} 00:00`, `${d}/${m}/${y} 23:59`][form]!]) {
        const r = parseDeadline(text, { now, calendar, maxYearsAhead: MAX_DEADLINE_YEARS });
        if (!r.ok) {
          expect(['deadline-in-past', 'deadline-too-far']).toContain(r.error);
          continue;
        }
        accepted++;
        for (const p of PRIORITIES) {
          const clocks = policy.clocks[p];
          const due = deliverableAt(r.deadline, p, calendar);
          deliverableAt(calendar.subtract(r.deadline, clocks.beforeDeadline), p, calendar);
          const span = basisOf(p) === 'wall' ? r.deadline.getTime() - now.getTime() : calendar.workingMsBetween(now, r.deadline);
          const clock = { kind: 'TASK_OVERDUE' as const, priority: p, stepMs: ladderStepMs(policy.ladder, span, basisOf(p)) };
          expect(Number.isInteger(clock.stepMs) && clock.stepMs > 0 && clock.stepMs < 2 ** 31).toBe(true);
          let at = { level: 0, cycle: 0, at: due };
          for (let i = 0; i < policy.ladder.topLevel + 3; i++) at = nextPosition(at, clock, policy.ladder, calendar)!;
          expect(Number.isFinite(at.at.getTime())).toBe(true);
        }
        calendar.add(r.deadline, policy.clocks.NORMAL.answer);
      }
    }
    expect(accepted).toBeGreaterThan(365 * 5 + (365 * (MAX_DEADLINE_YEARS - 5)) / 13 - 5);
  });
});
