// The detection rules of issue 4, pure: each raises one signal with its evidence once its threshold has passed, and
// none when the person acted in time.
import { describe, expect, it } from 'vitest';
import {
  answerRole,
  checkNewConsultation,
  checkStance,
  consultationAccess,
  deputiesOf,
  roundsSinceDecision,
  typedStance,
} from '../../src/domain/consultation/rules.js';
import type { Consultation, Entry, Respondent } from '../../src/domain/consultation/types.js';
import { ConsultationId, OfficialId, TaskId, UnitId } from '../../src/domain/ids.js';
import { OrgDirectory } from '../../src/domain/org/directory.js';
import type { Official, Role, Unit } from '../../src/domain/org/types.js';
import { answerLapse, answeredForHead, matterRounds } from '../../src/domain/signals/consultation-rules.js';
import { fromStored, mergeEvidence, toStored } from '../../src/domain/signals/evidence.js';
import { mayReviewSignal } from '../../src/domain/signals/review.js';
import {
  bounced,
  declineInsisted,
  progressLate,
  taskOverdue,
  urgentNotAccepted,
  urgentNotStarted,
  type TaskFacts,
} from '../../src/domain/signals/task-rules.js';

const at = (local: string) => new Date(`${local}+07:00`);

const task = (over: Partial<TaskFacts> = {}): TaskFacts => ({
  id: TaskId(7),
  code: 'NV-2026-0007',
  assigneeId: OfficialId(3),
  assignerId: OfficialId(1),
  priority: 'NORMAL',
  status: 'IN_PROGRESS',
  deadline: at('2026-12-10T17:00:00'),
  createdAt: at('2026-12-07T09:00:00'),
  acceptedAt: at('2026-12-07T10:00:00'),
  startedAt: at('2026-12-07T11:00:00'),
  completedAt: null,
  bounceCount: 0,
  ...over,
});

describe('behaviour 1: a task past its deadline and not done', () => {
  it('raises one signal on the assignee once the deadline has passed, with the assignment and the deadline', () => {
    expect(taskOverdue(task(), at('2026-12-10T16:59:00'))).toBeNull();
    const s = taskOverdue(task(), at('2026-12-11T07:30:00'))!;
    expect(s).toMatchObject({ behaviour: 1, rule: 'task-overdue', officialId: 3, itemKind: 'TASK', itemId: 7 });
    expect(s.evidence.map((e) => e.kind)).toEqual(['task.assigned', 'task.deadline']);
  });
  it('counts a completion after the deadline, not one before it', () => {
    expect(taskOverdue(task({ status: 'DONE', completedAt: at('2026-12-10T15:00:00') }), at('2026-12-12T09:00:00'))).toBeNull();
    const late = taskOverdue(task({ status: 'DONE', completedAt: at('2026-12-11T09:00:00') }), at('2026-12-11T09:00:00'))!;
    expect(late.evidence.at(-1)!.kind).toBe('task.completed');
    expect(late.facts.lateMinutes).toBe(16 * 60);
  });
  it('leaves declined and cancelled tasks alone', () => {
    expect(taskOverdue(task({ status: 'DECLINED' }), at('2026-12-12T09:00:00'))).toBeNull();
    expect(taskOverdue(task({ status: 'CANCELLED' }), at('2026-12-12T09:00:00'))).toBeNull();
  });
});

describe('behaviour 2: urgent work not accepted or not started in its window', () => {
  const urgent = (over: Partial<TaskFacts> = {}) => task({ priority: 'URGENT', status: 'ASSIGNED', acceptedAt: null, startedAt: null, ...over });
  const due = at('2026-12-07T09:30:00');
  it('not accepted when the time to accept ran out; accepted late; not when accepted in time or not urgent', () => {
    expect(urgentNotAccepted(urgent(), due, at('2026-12-07T09:29:00'))).toBeNull();
    expect(urgentNotAccepted(urgent(), due, at('2026-12-07T09:30:00'))).toMatchObject({ behaviour: 2, rule: 'urgent-not-accepted' });
    expect(
      urgentNotAccepted(urgent({ status: 'ACCEPTED', acceptedAt: at('2026-12-07T09:40:00') }), due, at('2026-12-07T09:40:00'))!.evidence.at(-1)!.kind,
    ).toBe('task.accepted');
    expect(urgentNotAccepted(urgent({ status: 'ACCEPTED', acceptedAt: at('2026-12-07T09:20:00') }), due, at('2026-12-07T10:00:00'))).toBeNull();
    expect(urgentNotAccepted(task({ status: 'ASSIGNED' }), due, at('2026-12-08T10:00:00'))).toBeNull();
  });
  it('not started (no first report) within the start window after acceptance', () => {
    const accepted = urgent({ status: 'ACCEPTED', acceptedAt: at('2026-12-07T09:10:00') });
    const startDue = at('2026-12-07T11:10:00');
    expect(urgentNotStarted(accepted, startDue, at('2026-12-07T11:09:00'))).toBeNull();
    expect(urgentNotStarted(accepted, startDue, at('2026-12-07T11:10:00'))).toMatchObject({ rule: 'urgent-not-started', officialId: 3 });
    expect(urgentNotStarted({ ...accepted, status: 'IN_PROGRESS', startedAt: at('2026-12-07T10:00:00') }, startDue, at('2026-12-07T12:00:00'))).toBeNull();
  });
});

describe('behaviour 4: pushing work away', () => {
  const decline = { id: 11, kind: 'DECLINED', at: at('2026-12-07T10:00:00'), actorId: 3, reason: 'Không thuộc phần việc của tôi' };
  const insist = { id: 12, kind: 'INSISTED', at: at('2026-12-07T10:30:00'), actorId: 1 };
  it('a decline the assigner ruled within duty is a signal on the one who declined, with both events', () => {
    const s = declineInsisted(task({ bounceCount: 1 }), decline, insist)!;
    expect(s).toMatchObject({ behaviour: 4, rule: 'task-insisted', officialId: 3 });
    expect(s.evidence.map((e) => [e.kind, e.ref?.id])).toEqual([
      ['task.declined', 11],
      ['task.insisted', 12],
    ]);
    expect(s.evidence[0]!.text).toBe('Không thuộc phần việc của tôi');
    expect(s.facts.bounces).toBe(1);
  });
  it('counts bounces: a decline that brings the task to the threshold', () => {
    expect(bounced(task({ bounceCount: 1 }), [decline], 2, decline)).toBeNull();
    const reassign = { id: 13, kind: 'REASSIGNED', at: at('2026-12-07T11:00:00'), actorId: 1 };
    const second = { id: 14, kind: 'DECLINED', at: at('2026-12-07T12:00:00'), actorId: 4, reason: 'Đang đi công tác' };
    const s = bounced(task({ bounceCount: 3 }), [decline, reassign, second], 2, second)!;
    expect(s).toMatchObject({ rule: 'task-bounced', officialId: 4 });
    expect(s.evidence).toHaveLength(3);
  });
});

describe('behaviour 6: no progress report in the interval', () => {
  const due = at('2026-12-14T09:00:00');
  it('raised when the interval ran out; a late report is evidence; a report in time raises nothing', () => {
    expect(progressLate(task(), due, null, at('2026-12-14T08:59:00'))).toBeNull();
    expect(progressLate(task(), due, null, due)).toMatchObject({ behaviour: 6, rule: 'task-progress-late' });
    expect(progressLate(task(), due, at('2026-12-14T08:00:00'), at('2026-12-14T08:00:00'))).toBeNull();
    expect(progressLate(task(), due, at('2026-12-15T08:00:00'), at('2026-12-15T08:00:00'), 99)!.evidence.at(-1)).toMatchObject({
      kind: 'task.reported',
      ref: { id: 99 },
    });
  });
});

const consultation = (over: Partial<Consultation> = {}): Consultation => ({
  id: ConsultationId(5),
  code: 'YK-2026-0005',
  year: 2026,
  seq: 5,
  subject: 'Phương án sắp xếp bộ phận một cửa',
  question: '…',
  askerId: OfficialId(1),
  unitId: UnitId(1),
  priority: 'NORMAL',
  deadline: at('2026-12-10T17:00:00'),
  status: 'OPEN',
  round: 1,
  matterId: 5,
  previousId: null,
  taskId: null,
  decision: null,
  closedAt: null,
  createdAt: at('2026-12-07T09:00:00'),
  ...over,
});
const respondent = (over: Partial<Respondent> = {}): Respondent => ({
  id: 50,
  consultationId: 5,
  officialId: OfficialId(3),
  stance: null,
  stanceText: null,
  answeredAt: null,
  firstAnsweredAt: null,
  answeredById: null,
  clarificationAskedAt: null,
  lastFreeTextAt: null,
  delegateId: null,
  delegatedAt: null,
  ...over,
});
const entry = (id: number, kind: Entry['kind'], local: string, over: Partial<Entry> = {}): Entry => ({
  id,
  consultationId: 5,
  respondentId: 50,
  authorId: OfficialId(3),
  kind,
  stance: null,
  text: null,
  at: at(local),
  ...over,
});

describe('behaviour 5: asked, and no clear answer in time', () => {
  it('unanswered at the deadline', () => {
    expect(answerLapse(consultation(), respondent(), [], at('2026-12-10T16:59:00'))).toBeNull();
    const s = answerLapse(consultation(), respondent(), [], at('2026-12-11T07:30:00'))!;
    expect(s).toMatchObject({ behaviour: 5, rule: 'consult-late', officialId: 3, itemKind: 'CONSULTATION', itemId: 5 });
    expect(s.evidence.map((e) => e.kind)).toEqual(['consult.asked', 'consult.deadline']);
  });
  it('answered after the deadline: the same rule, with the answer as evidence', () => {
    const answered = respondent({ stance: 'AGREE', firstAnsweredAt: at('2026-12-11T08:00:00') });
    const s = answerLapse(consultation(), answered, [entry(1, 'ANSWER', '2026-12-11T08:00:00', { stance: 'AGREE' })], at('2026-12-11T08:00:00'))!;
    expect(s.rule).toBe('consult-late');
    expect(s.evidence.at(-1)).toMatchObject({ kind: 'consult.answered', stance: 'AGREE' });
    expect(s.facts.lateMinutes).toBe(15 * 60);
  });
  it('only text without a stance by the deadline: "consult-no-stance"; a stance in time clears it', () => {
    const texts = [entry(1, 'FREE_TEXT', '2026-12-08T09:00:00', { text: 'Đã nhận' })];
    const s = answerLapse(consultation(), respondent({ lastFreeTextAt: at('2026-12-08T09:00:00') }), texts, at('2026-12-11T07:30:00'))!;
    expect(s.rule).toBe('consult-no-stance');
    expect(s.evidence.at(-1)).toMatchObject({ kind: 'consult.free-text', text: 'Đã nhận' });
    const inTime = respondent({ stance: 'AGREE', firstAnsweredAt: at('2026-12-09T09:00:00') });
    expect(answerLapse(consultation(), inTime, texts, at('2026-12-11T07:30:00'))).toBeNull();
  });
  it('one lapse is one signal: later events keep the rule already raised', () => {
    const answered = respondent({ stance: 'DISAGREE', firstAnsweredAt: at('2026-12-11T08:00:00') });
    expect(answerLapse(consultation(), answered, [], at('2026-12-11T08:00:00'), 'consult-no-stance')!.rule).toBe('consult-no-stance');
  });
  it('nothing was owed after a consultation closed before its deadline', () => {
    expect(answerLapse(consultation({ status: 'CLOSED', closedAt: at('2026-12-09T10:00:00') }), respondent(), [], at('2026-12-12T09:00:00'))).toBeNull();
  });
});

describe('behaviour 8: the same matter in many rounds without a decision', () => {
  const round = (n: number, status: Consultation['status'], decision: string | null = null) =>
    consultation({ id: ConsultationId(n), code: `YK-2026-000${n}`, round: n, status, decision, matterId: 1, createdAt: at(`2026-12-0${6 + n}T09:00:00`) });
  it('raised at the third round on the asker, with every round as evidence; a decision resets the count', () => {
    expect(matterRounds([round(1, 'SUPERSEDED'), round(2, 'OPEN')], 3, at('2026-12-09T09:00:00'))).toBeNull();
    const s = matterRounds([round(1, 'SUPERSEDED'), round(2, 'SUPERSEDED'), round(3, 'OPEN')], 3, at('2026-12-09T09:00:00'))!;
    expect(s).toMatchObject({ behaviour: 8, rule: 'matter-rounds', officialId: 1, itemKind: 'CONSULTATION', itemId: 1 });
    expect(s.evidence.map((e) => e.text)).toEqual(['YK-2026-0001 (1)', 'YK-2026-0002 (2)', 'YK-2026-0003 (3)']);
    expect(roundsSinceDecision([round(1, 'CLOSED', 'Đồng ý phương án 1'), round(2, 'SUPERSEDED'), round(3, 'OPEN')])).toBe(2);
  });
});

// Phòng A (unit 2) under Huyện (unit 1): head 10, deputy 11, member 12; Phòng B (unit 3): head 20, member 21.
const units: Unit[] = [
  { id: UnitId(1), code: 'H', name: 'Huyện', parentId: null },
  { id: UnitId(2), code: 'A', name: 'Phòng A', parentId: UnitId(1) },
  { id: UnitId(3), code: 'B', name: 'Phòng B', parentId: UnitId(1) },
];
const person = (id: number, unit: number, role: Role, extra: Partial<Official> = {}): Official => ({
  id: OfficialId(id),
  code: `P${id}`,
  fullName: `P${id}`,
  title: 't',
  role,
  unitId: UnitId(unit),
  superiorId: null,
  isAdmin: false,
  locale: 'vi',
  active: true,
  ...extra,
});
const org = new OrgDirectory(units, [
  person(1, 1, 'HEAD'),
  person(10, 2, 'HEAD'),
  person(11, 2, 'DEPUTY'),
  person(12, 2, 'MEMBER'),
  person(20, 3, 'HEAD'),
  person(21, 3, 'MEMBER'),
]);

describe('behaviour 10 and who may answer for whom', () => {
  it("a deputy of the head's unit may answer for the head; nobody else may", () => {
    expect(answerRole(org, OfficialId(10), { officialId: OfficialId(10), delegateId: null })).toBe('self');
    expect(answerRole(org, OfficialId(11), { officialId: OfficialId(10), delegateId: null })).toBe('deputy');
    expect(answerRole(org, OfficialId(12), { officialId: OfficialId(10), delegateId: null })).toBeUndefined();
    expect(answerRole(org, OfficialId(11), { officialId: OfficialId(12), delegateId: null })).toBeUndefined();
    expect(deputiesOf(org, OfficialId(10)).map((o) => o.id)).toEqual([11]);
  });
  it('an answer by someone else raises the signal on the head, with the hand-over and the answer', () => {
    const answer = entry(2, 'ANSWER', '2026-12-08T10:00:00', { authorId: OfficialId(11), stance: 'AGREE' });
    const handOver = entry(1, 'DELEGATED', '2026-12-08T09:00:00', { authorId: OfficialId(10) });
    const s = answeredForHead(consultation(), respondent({ officialId: OfficialId(10) }), answer, handOver)!;
    expect(s).toMatchObject({ behaviour: 10, rule: 'answered-for-head', officialId: 10 });
    expect(s.evidence.map((e) => e.kind)).toEqual(['consult.delegated', 'consult.answered']);
    expect(answeredForHead(consultation(), respondent({ officialId: OfficialId(10) }), { ...answer, authorId: OfficialId(10) }, undefined)).toBeNull();
  });
});

describe('reach and review', () => {
  const c = { askerId: OfficialId(12) };
  const rs = [{ officialId: OfficialId(21), delegateId: null }];
  it('asker, respondent and those above them see a consultation; another unit does not', () => {
    expect(consultationAccess(org, OfficialId(12), c, rs)).toBe('asker');
    expect(consultationAccess(org, OfficialId(21), c, rs)).toBe('respondent');
    expect(consultationAccess(org, OfficialId(10), c, rs)).toBe('overseer');
    expect(consultationAccess(org, OfficialId(20), c, rs)).toBe('overseer');
    expect(consultationAccess(org, OfficialId(11), { askerId: OfficialId(21) }, [{ officialId: OfficialId(20), delegateId: null }])).toBeUndefined();
  });
  it('heads and superiors review signals; members and the person never do', () => {
    expect(mayReviewSignal(org, OfficialId(10), OfficialId(12))).toBe(true);
    expect(mayReviewSignal(org, OfficialId(1), OfficialId(10))).toBe(true);
    expect(mayReviewSignal(org, OfficialId(12), OfficialId(11))).toBe(false);
    expect(mayReviewSignal(org, OfficialId(20), OfficialId(12))).toBe(false);
    expect(mayReviewSignal(org, OfficialId(10), OfficialId(10))).toBe(false);
  });
});

describe('asking and answering', () => {
  const now = at('2026-12-07T09:00:00');
  it('refuses a consultation without respondents, subject, question or a future deadline', () => {
    const ok = {
      askerId: OfficialId(1),
      respondentIds: [OfficialId(3), OfficialId(3)],
      subject: 'Một cửa',
      question: 'Phương án 2?',
      deadline: at('2026-12-10T17:00:00'),
      priority: 'NORMAL' as const,
    };
    expect(checkNewConsultation(ok, now).respondentIds).toEqual([3]);
    expect(() => checkNewConsultation({ ...ok, respondentIds: [] }, now)).toThrow('consult-clear-respondents');
    expect(() => checkNewConsultation({ ...ok, respondentIds: [OfficialId(1)] }, now)).toThrow('consult-self');
    expect(() => checkNewConsultation({ ...ok, subject: ' ' }, now)).toThrow('consult-clear-subject');
    expect(() => checkNewConsultation({ ...ok, question: 'x' }, now)).toThrow('consult-clear-question');
    expect(() => checkNewConsultation({ ...ok, deadline: at('2026-12-01T17:00:00') }, now)).toThrow('deadline-in-past');
  });
  it('disagreeing and amending need a text; agreeing does not', () => {
    expect(checkStance('AGREE', '')).toBeNull();
    expect(() => checkStance('DISAGREE', ' ')).toThrow('consult-disagree-needs-reason');
    expect(() => checkStance('AGREE_WITH_AMENDMENTS', 'ok')).toThrow('consult-amend-needs-text');
    expect(checkStance('DISAGREE', ' Chưa đủ biên chế ')).toBe('Chưa đủ biên chế');
  });
  it('reads a stance typed in words, with or without diacritics; "đã nhận" is no stance', () => {
    expect(typedStance('Đồng ý.')).toBe('AGREE');
    expect(typedStance('nhat tri')).toBe('AGREE');
    expect(typedStance('Không đồng ý')).toBe('DISAGREE');
    expect(typedStance('Đã nhận')).toBeUndefined();
    expect(typedStance('sẽ xem xét')).toBeUndefined();
  });
});

describe('evidence', () => {
  it('merges later events of the same lapse once, in time order, through the stored JSON', () => {
    const a = { kind: 'consult.deadline' as const, at: at('2026-12-10T17:00:00') };
    const b = { kind: 'consult.answered' as const, at: at('2026-12-11T08:00:00'), ref: { table: 'consultation_entry' as const, id: 3 } };
    const stored = fromStored(JSON.parse(JSON.stringify(toStored([a], { code: 'YK' }))));
    const merged = mergeEvidence(stored, { events: [b, a], facts: { code: 'YK' } });
    expect(merged.changed).toBe(true);
    expect(merged.events.map((e) => e.kind)).toEqual(['consult.deadline', 'consult.answered']);
    expect(mergeEvidence({ events: merged.events, facts: merged.facts }, { events: [b], facts: { code: 'YK' } }).changed).toBe(false);
  });
});
