import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarCommand } from '../../src/cli/commands/calendar.js';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/index.js';
import { createConfig } from '../../src/config.js';
import { verifyAudit } from '../../src/db/repositories/audit.repository.js';
import { listCalendarOverrides, loadCalendar } from '../../src/db/repositories/calendar.repository.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('calendar add | remove | list', () => {
  let t: TestDatabase;
  const catalogue = Catalogue.load();
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  /** Runs the command against the test database; returns the exit code and what it printed. */
  async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      config: createConfig({ DATABASE_URL: t.url }),
      time: new ManualTime('2026-03-11T03:00:00Z'),
      catalogue,
      openDatabase: async () => ({ url: t.url, db: t.db, embedded: false, close: async () => {} }),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    };
    const code = await calendarCommand.run(ctx, args);
    return { code, out, err };
  }

  it('lists the statutory days off of a year in Vietnamese', async () => {
    const r = await cli('list', '--year', '2027');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Lịch làm việc năm 2027 (múi giờ Asia/Ho_Chi_Minh): các ngày khác lịch tuần thường lệ');
    expect(r.out).toContain('2027-02-08  Thứ Hai  nghỉ: Tết Nguyên đán');
    expect(r.out).toContain('2027-02-10  Thứ Tư  nghỉ: Nghỉ bù Tết Nguyên đán (ngày 2027-02-06 trùng ngày nghỉ hằng tuần)');
    expect(r.out).toContain('2027-04-16  Thứ Sáu  nghỉ: Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(r.out).toContain('2027-09-03  Thứ Sáu  nghỉ: Quốc khánh (2/9)');
    expect(r.out.at(-1)).toBe('Tổng cộng: 11 ngày nghỉ trong tuần, 0 ngày làm việc vào ngày nghỉ hằng tuần.');
  });

  it('adds a day off and a make-up Saturday, audited, and lists them with their notes', async () => {
    const a = await cli('add', '2027-02-12', '--note', 'Nghỉ Tết theo Quyết định của Thủ tướng');
    expect(a).toEqual({ code: 0, out: ['Đã đặt ngày 2027-02-12 (Thứ Sáu) là ngày nghỉ.'], err: [] });
    const b = await cli('add', '--workday', '2027-02-20');
    expect(b.code).toBe(0);
    expect(b.out).toEqual(['Đã đặt ngày 2027-02-20 (Thứ Bảy) là ngày làm việc.']);

    expect(await listCalendarOverrides(t.db, { year: 2027 })).toMatchObject([
      { date: '2027-02-12', kind: 'HOLIDAY', note: 'Nghỉ Tết theo Quyết định của Thủ tướng' },
      { date: '2027-02-20', kind: 'WORKDAY', note: null },
    ]);
    const audit = await t.db.auditLog.findMany({ where: { entity: 'calendar_override' }, orderBy: { id: 'asc' } });
    expect(audit.map((r) => [r.action, r.entityId])).toEqual([
      ['calendar.override.added', '2027-02-12'],
      ['calendar.override.added', '2027-02-20'],
    ]);
    expect((await verifyAudit(t.db)).brokenAt).toBeNull();

    const list = await cli('list', '--year', '2027');
    expect(list.out).toContain(
      '2027-02-12  Thứ Sáu  nghỉ: Ngày nghỉ do cơ quan bố trí (theo điều chỉnh của quản trị; ghi chú: Nghỉ Tết theo Quyết định của Thủ tướng)',
    );
    expect(list.out).toContain('2027-02-20  Thứ Bảy  làm việc: Ngày làm việc bù (theo điều chỉnh của quản trị)');
    expect(list.out.at(-1)).toBe('Tổng cộng: 12 ngày nghỉ trong tuần, 1 ngày làm việc vào ngày nghỉ hằng tuần.');

    const en = await cli('list', '--year', '2027', '--lang', 'en');
    expect(en.out).toContain('2027-02-20  Saturday  working: Make-up working day (set by the admin)');
    expect(en.out).toContain('2027-02-11  Thursday  off: Day off in lieu of Lunar New Year (Tết) (2027-02-07 fell on a weekly day off)');
  });

  it('gives loadCalendar the database overrides on top of the policy', async () => {
    const calendar = await loadCalendar(t.db, defaultPolicy());
    expect(calendar.isWorkingDay('2027-02-12')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-20')).toBe(true);
  });

  it('replaces an override of the same date', async () => {
    const r = await cli('add', '2027-02-20');
    expect(r.out).toEqual(['Đã đặt ngày 2027-02-20 (Thứ Bảy) là ngày nghỉ.', 'Ngày 2027-02-20 trước đó là ngày làm việc, nay là ngày nghỉ.']);
    expect(await t.db.calendarOverride.count()).toBe(2);
  });

  it('removes an override, audited, and says what the day is again', async () => {
    const r = await cli('remove', '2027-02-12');
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['Đã bỏ điều chỉnh ngày 2027-02-12 (ngày nghỉ); ngày này trở lại theo lịch mặc định: làm việc (Ngày làm việc).']);
    expect(await t.db.calendarOverride.findMany({ select: { kind: true } })).toEqual([{ kind: 'HOLIDAY' }]);
    const last = await t.db.auditLog.findFirst({ orderBy: { id: 'desc' } });
    expect(last).toMatchObject({
      action: 'calendar.override.removed',
      entityId: '2027-02-12',
      data: { kind: 'HOLIDAY', note: 'Nghỉ Tết theo Quyết định của Thủ tướng' },
    });
    const list = await cli('list', '--year', '2027');
    expect(list.out.some((l) => l.startsWith('2027-02-12'))).toBe(false);

    const again = await cli('remove', '2027-02-12');
    expect(again).toEqual({ code: 1, out: [], err: ['Ngày 2027-02-12 không có điều chỉnh nào để bỏ.'] });
  });

  it('refuses a wrong date, year or subcommand', async () => {
    expect(await cli('add', '12/02/2027')).toEqual({ code: 2, out: [], err: ['"12/02/2027" không phải là ngày hợp lệ (viết dạng 2027-02-10).'] });
    expect((await cli('add', '2027-02-30')).code).toBe(2);
    expect((await cli('add')).code).toBe(2);
    expect(await cli('list', '--year', 'next')).toEqual({ code: 2, out: [], err: ['"next" không phải là năm hợp lệ (ví dụ 2027).'] });
    expect((await cli('list', '--year', '1066')).err[0]).toContain('1066');
    const r = await cli('purge');
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^Cách dùng: calendar add/);
  });

  it('runs from the command line', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      expect(await runCli(['calendar', 'list', '--year', '2026', '--lang', 'en'], { DATABASE_URL: t.url })).toBe(0);
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toBe('Working calendar 2026 (time zone Asia/Ho_Chi_Minh): days that differ from the normal week');
    expect(lines).toContain("2026-04-27  Monday  off: Day off in lieu of Hung Kings' Commemoration (10/3 lunar) (2026-04-26 fell on a weekly day off)");
  });
});
