// The sandbox's time moves, pure: where each move lands on the working calendar (weekends, holidays), that a jump is
// walked stop by stop (each clock level, the digest at its hour) and never backwards, and the sandbox clock itself.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/domain/calendar/working-calendar.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { SandboxTimeSource } from '../../src/sandbox/sandbox-time-source.js';
import { createSandboxTime, nextDigestAt } from '../../src/sandbox/time-controls.js';
import { moveTarget, resolveTarget, TimeMoveRefused } from '../../src/sandbox/time-moves.js';

const calendar = createWorkingCalendar(defaultPolicy('Asia/Ho_Chi_Minh').calendar);
const at = (local: string) => new Date(`${local}+07:00`);
const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

describe('where a time move lands', () => {
  it('+1 hour is wall time; +1 working day keeps the time of day on the next working day; the morning is the next working day at 07:30', () => {
    const friday = at('2026-12-04T16:20');
    expect(local(moveTarget(calendar, friday, 'hour', '07:30'))).toBe('2026-12-04T17:20');
    expect(local(moveTarget(calendar, friday, 'working-day', '07:30'))).toBe('2026-12-07T16:20');
    expect(local(moveTarget(calendar, friday, 'morning', '07:30'))).toBe('2026-12-07T07:30');
    expect(local(moveTarget(calendar, at('2026-12-07T06:00'), 'morning', '07:30'))).toBe('2026-12-08T07:30');
  });

  it('skips public holidays: Quốc khánh 2026 and its joined day', () => {
    const before = at('2026-08-31T10:00'); // Monday; 1/9 and 2/9 are off
    const next = moveTarget(calendar, before, 'working-day', '07:30');
    expect(local(next)).toBe('2026-09-03T10:00');
    expect(calendar.holidayName('2026-09-02')).toBe('calendar-day-national-day');
  });

  it('reads "HH:MM tomorrow" and ISO instants, and refuses anything else with a reason', () => {
    expect(local(resolveTarget(calendar, at('2026-12-04T16:20'), '08:15 tomorrow'))).toBe('2026-12-07T08:15');
    expect(resolveTarget(calendar, at('2026-12-04T16:20'), '2026-12-05T10:00:00+07:00').toISOString()).toBe(at('2026-12-05T10:00').toISOString());
    for (const bad of ['tomorrow', '25:00 tomorrow', 'next week', '2026-12-05'])
      expect(() => resolveTarget(calendar, at('2026-12-04T16:20'), bad)).toThrow(TimeMoveRefused);
  });

  it('finds the digest instants of working days only', () => {
    expect(local(nextDigestAt(calendar, '07:30', at('2026-12-04T16:20'), at('2026-12-09T00:00'))!)).toBe('2026-12-07T07:30');
    expect(nextDigestAt(calendar, '07:30', at('2026-12-05T08:00'), at('2026-12-07T07:29'))).toBeUndefined();
  });
});

describe('a jump, walked', () => {
  function rig(start: string, levels: string[]) {
    let now = at(start);
    const due = levels.map(at);
    const log: string[] = [];
    const time = createSandboxTime({
      time: { now: () => now, set: (to) => void (now = to) },
      calendar: async () => calendar,
      digestTime: '07:30',
      async nextDueAt(after, until) {
        return due.filter((d) => d > after && d <= until).sort((a, b) => a.getTime() - b.getTime())[0];
      },
      async settle() {
        // A level fires once: it leaves the list when the clock reaches it.
        for (const d of due.filter((d) => d <= now)) {
          log.push(`fire ${local(d)}`);
          due.splice(due.indexOf(d), 1);
        }
      },
      async runDigest() {
        log.push(`digest ${local(now)}`);
      },
    });
    return { time, log, now: () => local(now) };
  }

  it('stops at every level and at the digest, in order, each once', async () => {
    const r = rig('2026-12-07T09:00', ['2026-12-07T15:00', '2026-12-08T07:30', '2026-12-08T09:30', '2026-12-08T13:30']);
    await r.time.advanceWorkingDays(1);
    expect(r.now()).toBe('2026-12-08T09:00');
    await r.time.move('hour');
    expect(r.log).toEqual(['fire 2026-12-07T15:00', 'fire 2026-12-08T07:30', 'digest 2026-12-08T07:30', 'fire 2026-12-08T09:30']);
    await r.time.to('07:30 tomorrow');
    expect(r.log.slice(4)).toEqual(['fire 2026-12-08T13:30', 'digest 2026-12-09T07:30']);
  });

  it('never goes backwards, and refuses a second move while one walks', async () => {
    const r = rig('2026-12-07T09:00', []);
    await expect(r.time.advance(0)).rejects.toThrow(TimeMoveRefused);
    await expect(r.time.to('2026-12-07T08:00:00+07:00')).rejects.toMatchObject({ reason: 'backwards' });
    const first = r.time.advance(3_600_000);
    await expect(r.time.advance(3_600_000)).rejects.toMatchObject({ reason: 'busy' });
    await first;
    expect(r.now()).toBe('2026-12-07T10:00');
  });
});

describe('the sandbox clock', () => {
  it('runs with real time from its start, and moves only forward', () => {
    let real = 1_000_000;
    const time = new SandboxTimeSource(new Date('2026-12-07T02:00:00Z'), () => real);
    real += 60_000;
    expect(time.now().toISOString()).toBe('2026-12-07T02:01:00.000Z');
    time.set(new Date('2026-12-08T02:01:00Z'));
    expect(time.now().toISOString()).toBe('2026-12-08T02:01:00.000Z');
    time.set(new Date('2026-12-07T00:00:00Z'));
    expect(time.now().toISOString()).toBe('2026-12-08T02:01:00.000Z');
    expect(time.offsetMs).toBe(new Date('2026-12-08T02:00:00Z').getTime() - 1_000_000);
  });
});
