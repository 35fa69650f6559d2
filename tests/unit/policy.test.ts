import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfiguredPolicy, loadPolicyFile } from '../../src/config/policy-file.js';
import { createWorkingCalendar } from '../../src/domain/calendar/working-calendar.js';
import { loadPolicy } from '../../src/domain/policy/load-policy.js';
import { PolicyError } from '../../src/domain/policy/policy-error.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, wall, working } from '../../src/domain/time/duration.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DAY = 7.5 * HOUR_MS; // a working day with the default windows

function problemsOf(text: string, format: 'yaml' | 'json' = 'yaml', timezone?: string): string[] {
  try {
    loadPolicy({ text, format, timezone });
  } catch (e) {
    if (e instanceof PolicyError) return e.problems;
    throw e;
  }
  return [];
}

describe('default policy (PRODUCT.md §4)', () => {
  const p = defaultPolicy();

  it('has the clocks of the table', () => {
    expect(p.clocks.NORMAL).toEqual({
      accept: working(4 * HOUR_MS),
      progressInterval: working(5 * DAY),
      beforeDeadline: working(DAY),
      answer: working(3 * DAY),
      explanation: working(3 * DAY),
    });
    expect(p.clocks.HIGH).toEqual({
      accept: working(2 * HOUR_MS),
      progressInterval: working(3 * DAY),
      beforeDeadline: working(4 * HOUR_MS),
      answer: working(DAY),
      explanation: working(DAY),
    });
    expect(p.clocks.URGENT).toEqual({
      accept: wall(30 * MINUTE_MS),
      progressInterval: working(DAY),
      beforeDeadline: wall(HOUR_MS),
      answer: wall(4 * HOUR_MS),
      explanation: wall(4 * HOUR_MS),
    });
  });

  it('has the ladder, signals, digest and time-to-live defaults', () => {
    expect(p.ladder).toEqual({
      stepFraction: 0.5,
      minStep: working(HOUR_MS),
      maxStep: working(DAY),
      urgentMinStep: wall(10 * MINUTE_MS),
      urgentMaxStep: wall(2 * HOUR_MS),
      topLevel: 3,
      repeatTopEvery: working(DAY),
    });
    expect(p.signals).toEqual({ roundsWithoutDecision: 3, urgentStartWindow: wall(2 * HOUR_MS), bouncesPerTask: 2 });
    expect(p.digest).toEqual({ time: '07:30', dueSoonWorkingDays: 2, oldestOverdue: 10 });
    expect(p.inviteTtl).toEqual(wall(7 * DAY_MS));
    expect(p.promptTtl).toEqual(wall(30 * MINUTE_MS));
    expect(p.dialogTtl).toEqual(wall(2 * HOUR_MS));
    expect(p.minimalNotifications).toBe(false);
  });

  it('has the office week in the given time zone', () => {
    expect(p.calendar.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(p.calendar.weekWindows[0]).toEqual([]);
    expect(p.calendar.weekWindows[1]).toEqual([
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(p.calendar.weekWindows[6]).toEqual([]);
    expect(defaultPolicy('Asia/Bangkok').calendar.timezone).toBe('Asia/Bangkok');
    expect(createWorkingCalendar(p.calendar).workingDayMs).toBe(DAY);
  });

  it('is exactly what policy.example.yaml spells out', () => {
    expect(loadPolicyFile(path.join(root, 'policy.example.yaml'), 'Asia/Ho_Chi_Minh')).toEqual(p);
  });
});

describe('policy overrides', () => {
  it('merges a partial YAML file over the defaults', () => {
    const p = loadPolicy({
      format: 'yaml',
      text: 'clocks:\n  HIGH:\n    accept: 90m\nladder:\n  topLevel: 2\ncalendar:\n  extraHolidays: ["2027-02-12"]\n  extraWorkdays: ["2027-02-20"]\n',
    });
    expect(p.clocks.HIGH.accept).toEqual(working(90 * MINUTE_MS));
    expect(p.clocks.HIGH.answer).toEqual(working(DAY));
    expect(p.clocks.NORMAL).toEqual(defaultPolicy().clocks.NORMAL);
    expect(p.ladder.topLevel).toBe(2);
    expect(p.ladder.minStep).toEqual(working(HOUR_MS));
    const cal = createWorkingCalendar(p.calendar);
    expect(cal.isWorkingDay('2027-02-12')).toBe(false);
    expect(cal.isWorkingDay('2027-02-20')).toBe(true);
  });

  it('reads JSON too, and an empty file changes nothing', () => {
    const p = loadPolicy({ format: 'json', text: '{"minimalNotifications": true, "digest": {"time": "08:00"}}' });
    expect(p.minimalNotifications).toBe(true);
    expect(p.digest).toEqual({ time: '08:00', dueSoonWorkingDays: 2, oldestOverdue: 10 });
    expect(loadPolicy({ format: 'yaml', text: '# nothing yet\n' })).toEqual(defaultPolicy());
    expect(loadPolicy({ format: 'json', text: '' })).toEqual(defaultPolicy());
  });

  it('makes a working "1d" follow the configured working day', () => {
    const eight = '["08:00-12:00", "13:00-17:00"]';
    const p = loadPolicy({
      format: 'yaml',
      text: `calendar:\n  week:\n${['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => `    ${d}: ${eight}`).join('\n')}\n`,
    });
    expect(p.clocks.NORMAL.progressInterval).toEqual(working(5 * 8 * HOUR_MS));
    expect(p.clocks.NORMAL.accept).toEqual(working(4 * HOUR_MS));
    expect(p.inviteTtl).toEqual(wall(7 * DAY_MS));
    expect(createWorkingCalendar(p.calendar).workingDayMs).toBe(8 * HOUR_MS);
  });

  it('supports a Saturday morning and the Tết and 2/9 rules', () => {
    const p = loadPolicy({ format: 'yaml', text: 'calendar:\n  week:\n    saturday: ["07:30-11:30"]\n  tetDaysBefore: 2\n  nationalDayExtra: after\n' });
    expect(p.calendar.weekWindows[6]).toEqual([{ start: '07:30', end: '11:30' }]);
    expect(p.calendar.tetDaysBefore).toBe(2);
    expect(p.calendar.nationalDayExtra).toBe('after');
    expect(createWorkingCalendar(p.calendar).isWorkingTime(new Date('2026-03-14T08:00:00+07:00'))).toBe(true);
  });

  it('takes the time zone from the caller', () => {
    expect(loadPolicy({ format: 'yaml', text: '', timezone: 'Europe/Paris' }).calendar.timezone).toBe('Europe/Paris');
  });
});

describe('invalid policies', () => {
  const cases: [string, string, string][] = [
    ['clocks:\n  NORMAL:\n    accept: 4x\n', 'yaml', 'clocks.NORMAL.accept: "4x" is not a duration (use 30m, 4h, 2d, add "wall" for clock time)'],
    ['clocks:\n  NORMAL:\n    accept: 30\n', 'yaml', 'clocks.NORMAL.accept: 30 is not a duration'],
    ['inviteTtl: 0m wall\n', 'yaml', 'inviteTtl: "0m wall" is not longer than zero'],
    [
      'clocks:\n  NORMAL:\n    acept: 4h\n',
      'yaml',
      'clocks.NORMAL: unknown setting "acept" (known: accept, progressInterval, beforeDeadline, answer, explanation)',
    ],
    ['clocks:\n  LOW:\n    accept: 4h\n', 'yaml', 'clocks: unknown setting "LOW" (known: URGENT, HIGH, NORMAL)'],
    ['colcks: {}\n', 'yaml', 'policy: unknown setting "colcks"'],
    ['clocks: 5\n', 'yaml', 'clocks: 5 is not a section of settings'],
    ['ladder:\n  stepFraction: 1.5\n', 'yaml', 'ladder.stepFraction: 1.5 is not a fraction above 0 and at most 1'],
    ['ladder:\n  topLevel: two\n', 'yaml', 'ladder.topLevel: "two" is not a level from 0 to 10'],
    ['ladder:\n  minStep: 2d\n  maxStep: 1h\n', 'yaml', 'ladder.maxStep: "1h" is shorter than ladder.minStep "2d"'],
    ['ladder:\n  urgentMinStep: 10m\n', 'yaml', 'ladder.urgentMinStep: "10m" must be wall time, as URGENT clocks run on it (add "wall", e.g. "10m wall")'],
    ['ladder:\n  urgentMinStep: 3h wall\n', 'yaml', 'ladder.urgentMaxStep: "2h wall" is shorter than ladder.urgentMinStep "3h wall"'],
    ['ladder:\n  urgentMaxStep: soon\n', 'yaml', 'ladder.urgentMaxStep: "soon" is not a duration (use 30m, 4h, 2d, add "wall" for clock time)'],
    ['ladder:\n  maxStep: 30d wall\n', 'yaml', 'ladder.maxStep: "30d wall" is longer than the longest step a clock keeps (24 days)'],
    ['maxDeadlineYears: 100\n', 'yaml', 'maxDeadlineYears: 100 is not a number of years from 1 to 50'],
    ['signals:\n  bouncesPerTask: 0\n', 'yaml', 'signals.bouncesPerTask: 0 is not a whole number from 1 to 100'],
    ['digest:\n  time: "7h"\n', 'yaml', 'digest.time: "7h" is not a time like "07:30"'],
    ['digest:\n  time: "24:00"\n', 'yaml', 'digest.time: "24:00" is not a time like "07:30"'],
    ['minimalNotifications: "yes"\n', 'yaml', 'minimalNotifications: "yes" is not true or false'],
    ['calendar:\n  week:\n    monday: "all day"\n', 'yaml', 'calendar.week.monday: "all day" is not a list of working windows'],
    ['calendar:\n  week:\n    monday: ["07:30-11:30", "1pm-5pm"]\n', 'yaml', 'calendar.week.monday[1]: "1pm-5pm" is not a working window like "07:30-11:30"'],
    ['calendar:\n  week:\n    monday: ["17:00-07:30"]\n', 'yaml', 'calendar.week.monday[0]: "17:00-07:30" ends before it starts'],
    [
      'calendar:\n  week:\n    monday: ["07:30-12:00", "11:00-17:00"]\n',
      'yaml',
      'calendar.week.monday: window 2: starts (11:00) before the previous window ends',
    ],
    ['calendar:\n  week: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [] }\n', 'yaml', 'calendar.week: no day has a working window'],
    ['calendar:\n  week:\n    funday: []\n', 'yaml', 'calendar.week: unknown setting "funday"'],
    ['calendar:\n  extraHolidays: ["2027-02-30"]\n', 'yaml', 'calendar.extraHolidays[0]: "2027-02-30" is not a date like 2027-02-10'],
    ['calendar:\n  extraHolidays: "2027-02-10"\n', 'yaml', 'calendar.extraHolidays: "2027-02-10" is not a list of dates'],
    [
      'calendar:\n  extraHolidays: ["2027-02-10"]\n  extraWorkdays: ["2027-02-10"]\n',
      'yaml',
      'calendar.extraWorkdays[0]: 2027-02-10 is also in calendar.extraHolidays',
    ],
    ['calendar:\n  tetDaysBefore: 5\n', 'yaml', 'calendar.tetDaysBefore: 5 is not a whole number from 0 to 4'],
    ['calendar:\n  nationalDayExtra: sunday\n', 'yaml', 'calendar.nationalDayExtra: "sunday" is not one of auto, before, after'],
    ['clocks: [1, 2\n', 'yaml', 'policy: not valid YAML'],
    ['{"clocks": ', 'json', 'policy: not valid JSON'],
    ['- 1\n- 2\n', 'yaml', 'policy: [1,2] is not a section of settings'],
  ];
  it.each(cases)('rejects %j', (text, format, expected) => {
    const problems = problemsOf(text, format as 'yaml' | 'json');
    expect(
      problems.some((p) => p.startsWith(expected)),
      `${problems.join('\n')}\n  does not contain\n${expected}`,
    ).toBe(true);
  });

  it('lists every problem at once, and a bad time zone', () => {
    const problems = problemsOf('clocks:\n  HIGH:\n    accept: soon\n    answer: later\nminimalNotifications: 1\n');
    expect(problems).toHaveLength(3);
    expect(problemsOf('', 'yaml', 'Mars/Olympus')).toEqual(['timezone: "Mars/Olympus" is not an IANA time zone such as Asia/Ho_Chi_Minh']);
  });

  it('names the file in the error message', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-policy-'));
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, 'clocks:\n  NORMAL:\n    accept: 4x\n');
    expect(() => loadPolicyFile(file, 'Asia/Ho_Chi_Minh')).toThrow(`Invalid policy in ${file}:\n  - clocks.NORMAL.accept: "4x" is not a duration`);
    expect(() => loadPolicyFile(path.join(dir, 'missing.yaml'), 'Asia/Ho_Chi_Minh')).toThrow(/cannot read .*missing\.yaml \(ENOENT\)/);
  });
});

describe('policy files', () => {
  it('reads JSON by extension and falls back to the defaults without POLICY_FILE', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-policy-'));
    const file = path.join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ clocks: { URGENT: { accept: '15m wall' } } }));
    expect(loadConfiguredPolicy({ policyFile: file, timezone: 'Asia/Ho_Chi_Minh' }).clocks.URGENT.accept).toEqual(wall(15 * MINUTE_MS));
    expect(loadConfiguredPolicy({ policyFile: undefined, timezone: 'Asia/Ho_Chi_Minh' })).toEqual(defaultPolicy());
  });

  it('ships a demo policy with second-scale clocks that never waits for office hours', () => {
    const p = loadPolicyFile(path.join(root, 'policy.demo.yaml'), 'Asia/Ho_Chi_Minh');
    expect(p.clocks.NORMAL.accept).toEqual(wall(20_000));
    expect(p.ladder.minStep).toEqual(wall(5_000));
    expect(p.ladder.urgentMinStep).toEqual(wall(5_000));
    expect(p.ladder.urgentMaxStep).toEqual(wall(15_000));
    const cal = createWorkingCalendar(p.calendar);
    expect(cal.isWorkingTime(new Date('2026-03-14T23:30:00+07:00'))).toBe(true); // Saturday night
  });
});
