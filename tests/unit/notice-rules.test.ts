import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../src/domain/errors.js';
import { resolveRecipients } from '../../src/domain/notice/recipients.js';
import { checkNoticeDocument, formatNoticeCode, parseNoticeCode, recipientState } from '../../src/domain/notice/types.js';
import { OrgDirectory } from '../../src/domain/org/directory.js';
import { DEFAULT_RECOGNITION, recognise } from '../../src/domain/recognition/criteria.js';
import { computeReport, type AnswerFact, type TaskFact } from '../../src/domain/report/metrics.js';
import { UBND_UNITS, officialMaker } from '../support/small-org.js';

const units = [...UBND_UNITS];
const official = officialMaker();
const chutich = official('UB-01', 1, 'HEAD');
const tpNoiVu = official('PNV-01', 2, 'HEAD');
const pNoiVu = official('PNV-02', 2, 'DEPUTY');
const cvNoiVu = official('PNV-03', 2, 'MEMBER');
const retired = official('PNV-09', 2, 'MEMBER', { active: false });
const tpTaiChinh = official('TCKH-01', 3, 'HEAD');
const cvTaiChinh = official('TCKH-03', 3, 'MEMBER');
const admin = official('VP-IT', 1, 'MEMBER', { isAdmin: true });
const org = new OrgDirectory(units, [chutich, tpNoiVu, pNoiVu, cvNoiVu, retired, tpTaiChinh, cvTaiChinh, admin]);
const ids = (r: { ids: number[] }) => [...r.ids].sort((a, b) => a - b);

describe('notice recipients', () => {
  it('a subtree is everyone active below the sender but the sender', () => {
    expect(ids(resolveRecipients(org, chutich.id, [{ kind: 'unit', unitId: 1, subtree: true }]))).toEqual(
      [tpNoiVu, pNoiVu, cvNoiVu, tpTaiChinh, cvTaiChinh, admin].map((o) => o.id).sort((a, b) => a - b),
    );
    expect(
      ids(
        resolveRecipients(org, tpNoiVu.id, [
          { kind: 'unit', unitId: 2, subtree: true },
          { kind: 'person', officialId: cvNoiVu.id },
        ]),
      ),
    ).toEqual([pNoiVu.id, cvNoiVu.id]);
  });
  it('refuses a member, anyone outside reach, and a notice with nobody left', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as DomainError).key;
      }
      return 'sent';
    };
    expect(refused(() => resolveRecipients(org, cvNoiVu.id, [{ kind: 'unit', unitId: 2, subtree: true }]))).toBe('notice-not-allowed');
    expect(refused(() => resolveRecipients(org, tpNoiVu.id, [{ kind: 'unit', unitId: 3, subtree: true }]))).toBe('notice-out-of-reach');
    expect(refused(() => resolveRecipients(org, pNoiVu.id, [{ kind: 'person', officialId: pNoiVu.id }]))).toBe('notice-no-recipients');
    expect(refused(() => resolveRecipients(org, tpNoiVu.id, [{ kind: 'unit', unitId: 99, subtree: true }]))).toBe('notice-unit-unknown');
    // An admin reaches everyone.
    expect(refused(() => resolveRecipients(org, admin.id, [{ kind: 'unit', unitId: 3, subtree: false }]))).toBe('sent');
  });
});

describe('notice codes, documents and states', () => {
  it('reads and writes QT codes', () => {
    expect(formatNoticeCode(2026, 7)).toBe('QT-2026-0007');
    expect(parseNoticeCode(' qt-2026-7 ')).toBe('QT-2026-0007');
    expect(parseNoticeCode('NV-2026-0007')).toBeUndefined();
  });
  it('takes a PDF or DOCX within the limit, and says why not otherwise', () => {
    const max = 20 * 1_048_576;
    expect(checkNoticeDocument({ filename: 'Kế hoạch.PDF', size: 10, maxBytes: max })).toBe('application/pdf');
    expect(checkNoticeDocument({ filename: 'ke-hoach.docx', size: 10, maxBytes: max })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const key = (f: () => unknown) => {
      try {
        f();
        return undefined;
      } catch (e) {
        return [(e as DomainError).key, (e as DomainError).args];
      }
    };
    expect(key(() => checkNoticeDocument({ filename: 'anh.jpg', size: 10, maxBytes: max }))?.[0]).toBe('notice-file-type');
    expect(key(() => checkNoticeDocument({ filename: 'rong.pdf', size: 0, maxBytes: max }))?.[0]).toBe('notice-file-empty');
    expect(key(() => checkNoticeDocument({ filename: 'lon.pdf', size: max + 1, maxBytes: max }))).toEqual([
      'notice-file-too-large',
      { file: 'lon.pdf', size: '20', max: '20' },
    ]);
  });
  it('reads the content when it has it: a PDF, a DOCX (ZIP) or a DOC (OLE) must be one', () => {
    const max = 20 * 1_048_576;
    const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    const check = (filename: string, head: Uint8Array) => {
      try {
        return checkNoticeDocument({ filename, size: head.length, maxBytes: max, head });
      } catch (e) {
        return [(e as DomainError).key, (e as DomainError).args];
      }
    };
    expect(check('ke-hoach.pdf', bytes('%PDF-1.7\n…'))).toBe('application/pdf');
    // Readers accept a few bytes before the header (a byte-order mark, a mail gateway's line); so do we.
    expect(check('ke-hoach.pdf', bytes('\uFEFF\r\n%PDF-1.4\n'))).toBe('application/pdf');
    expect(check('ke-hoach.pdf', bytes(`${' '.repeat(1100)}%PDF-1.4`))).toEqual(['notice-file-content', { file: 'ke-hoach.pdf', type: 'PDF' }]);
    expect(check('ke-hoach.docx', bytes('PK\x03\x04\x14\x00'))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(check('ke-hoach.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('application/msword');
    expect(check('ke-hoach.docx', bytes('%PDF-1.4'))).toEqual(['notice-file-content', { file: 'ke-hoach.docx', type: 'DOCX' }]);
    expect(check('ke-hoach.doc', bytes('PK\x03\x04'))).toEqual(['notice-file-content', { file: 'ke-hoach.doc', type: 'DOC' }]);
    expect(check('ke-hoach.pdf', bytes('Kế hoạch, bản nháp'))).toEqual(['notice-file-content', { file: 'ke-hoach.pdf', type: 'PDF' }]);
  });
  it('a confirmation at the deadline is on time; after it, late; none after it, overdue', () => {
    const deadline = new Date('2026-12-10T02:00:00Z');
    expect(recipientState({ deadline, confirmedAt: deadline }, deadline)).toBe('confirmed');
    expect(recipientState({ deadline, confirmedAt: new Date(deadline.getTime() + 1) }, deadline)).toBe('late');
    expect(recipientState({ deadline, confirmedAt: null }, deadline)).toBe('pending');
    expect(recipientState({ deadline, confirmedAt: null }, new Date(deadline.getTime() + 1))).toBe('overdue');
  });
});

describe('recognition criteria', () => {
  const b = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), cutoff: new Date('2026-12-01T00:00:00Z') };
  const day = (d: number, h = 9) => new Date(Date.UTC(2026, 10, d, h - 7));
  const task = (id: number, assigneeId: number, extra: Partial<TaskFact> = {}): TaskFact => ({
    id,
    code: `NV-2026-${id}`,
    title: `Việc ${id}`,
    priority: 'NORMAL',
    status: 'CLOSED',
    assigneeId,
    assignerId: 1,
    unitId: 3,
    receivedAt: day(2),
    acceptDueAt: day(2, 15),
    acceptedAt: day(2, 10),
    deadline: day(13, 17),
    completedAt: day(5),
    cancelledAt: null,
    ...extra,
  });
  const answer = (id: number, officialId: number, answeredAt: Date, extra: Partial<AnswerFact> = {}): AnswerFact => ({
    id,
    consultationId: 1,
    code: 'YK-2026-0001',
    subject: 'Dự toán',
    status: 'OPEN',
    officialId,
    unitId: 3,
    askerId: 1,
    askedAt: day(9),
    deadline: day(12),
    closedAt: null,
    answeredAt,
    stance: 'AGREE',
    noStanceReply: false,
    ...extra,
  });
  const report = (tasks: TaskFact[], answers: AnswerFact[], signalled: number[] = []) =>
    computeReport(
      {
        tasks,
        answers,
        signals: signalled.map((o, i) => ({ id: i, behaviour: 1, rule: 'x', officialId: o, unitId: 3, itemKind: null, itemId: null, raisedAt: day(20) })),
        explanations: [],
      },
      b,
      (x, y) => y.getTime() - x.getTime(),
    );

  it('one exemplary; one nearly, with a late answer; one with a confirmed signal; one with too few items', () => {
    const r = recognise(
      report(
        [task(1, 10), task(2, 10), task(3, 20), task(4, 20), task(5, 30), task(6, 30), task(7, 40)],
        [answer(1, 10, day(10)), answer(2, 20, day(13)), answer(3, 30, day(10)), answer(4, 40, day(10))],
        [30],
      ),
      DEFAULT_RECOGNITION,
    );
    expect(r.officials.map((o) => [o.officialId, o.items.map((i) => i.code)])).toEqual([[10, ['NV-2026-1', 'NV-2026-2', 'YK-2026-0001']]]);
  });
  it('a reply without a stance, a late acceptance or a late completion keep someone out', () => {
    const r = recognise(
      report(
        [task(1, 10), task(2, 10), task(3, 20), task(4, 20, { acceptedAt: day(3) }), task(5, 30), task(6, 30, { completedAt: day(14) })],
        [answer(1, 10, day(10), { noStanceReply: true }), answer(2, 20, day(10)), answer(3, 30, day(10))],
      ),
      DEFAULT_RECOGNITION,
    );
    expect(r.officials).toEqual([]);
  });
  it('a unit from its on-time rate over enough rated tasks', () => {
    const five = [1, 2, 3, 4, 5].map((i) => task(i, 10 + i));
    expect(recognise(report(five, []), DEFAULT_RECOGNITION).units.map((u) => [u.unitId, u.onTimeRate, u.rated, u.items.length])).toEqual([[3, 1, 5, 5]]);
    expect(recognise(report(five.slice(0, 4), []), DEFAULT_RECOGNITION).units).toEqual([]);
    const oneLate = [...five.slice(0, 4), task(5, 15, { completedAt: day(14) })];
    expect(recognise(report(oneLate, []), DEFAULT_RECOGNITION).units).toEqual([]);
  });
});
