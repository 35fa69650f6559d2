// Consultations as officials read them: the question with its stance buttons, the card with every respondent's
// state, the lines of /ykien. Built from catalogue keys (locales/*/consultations.ftl).
import type { ActionButton, OutboundMessage } from '../ports/channel.js';
import { respondentState, type Consultation, type Entry, type Respondent, type Stance } from '../../domain/consultation/types.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { type Translate, dynamicKey } from '../../i18n/catalogue.js';
import { encodeAction, type Verb } from '../actions.js';
import { nameOf, personLabel } from './people.js';
import type { ViewTools } from './tools.js';
import { buttonLabel } from './labels.js';

export function cbtn(t: Translate, key: string, verb: Verb, arg: string | number, args?: Record<string, string>): ActionButton {
  return { label: buttonLabel(t(dynamicKey(key), args)), action: encodeAction(verb, arg) };
}

/** `12` (the consultation) or `12.34` (and the person concerned): the argument of every consult.* button. */
export function consultArg(consultationId: number, officialId?: number): string {
  return officialId === undefined ? String(consultationId) : `${consultationId}.${officialId}`;
}

export function parseConsultArg(arg: string): { consultationId: number; officialId?: number } | undefined {
  const m = /^(\d{1,9})(?:\.(\d{1,9}))?$/.exec(arg);
  if (!m) return undefined;
  return m[2] === undefined ? { consultationId: Number(m[1]) } : { consultationId: Number(m[1]), officialId: Number(m[2]) };
}

/**
 * The three stances of PRODUCT.md §6, and "Xin làm rõ" while the one clarifying question is unused. `forOfficialId`
 * names the head a deputy answers for (the buttons of a hand-over).
 */
export function stanceButtons(
  t: Translate,
  consultationId: number,
  respondent: Pick<Respondent, 'clarificationAskedAt'>,
  options: { forOfficialId?: number; clarify?: boolean } = {},
): ActionButton[][] {
  const arg = consultArg(consultationId, options.forOfficialId);
  const rows: ActionButton[][] = [
    [cbtn(t, 'btn-agree', 'consult.agree', arg), cbtn(t, 'btn-disagree', 'consult.disagree', arg)],
    [cbtn(t, 'btn-amend', 'consult.amend', arg)],
  ];
  if (options.clarify !== false && !respondent.clarificationAskedAt) rows.push([cbtn(t, 'btn-clarify', 'consult.clarify', arg)]);
  return rows;
}

export interface LinkedItems {
  previous?: Pick<Consultation, 'code'> | undefined;
  task?: { code: string; title: string } | undefined;
}

function titleOf(t: Translate, c: Consultation, links: LinkedItems): string {
  return c.round > 1 && links.previous
    ? t('consult-new-round-title', { code: c.code, round: c.round, previous: links.previous.code })
    : t('consult-new-title', { code: c.code });
}

/** The facts every consultation message shares. */
export function consultationFacts(
  t: Translate,
  v: ViewTools,
  c: Consultation,
  org: OrgDirectory,
  links: LinkedItems,
  options: { showAsker?: boolean } = {},
): string[] {
  const lines: string[] = [];
  if (options.showAsker !== false) lines.push(t('consult-line-asker', { who: personLabel(t, org.official(c.askerId)) }));
  lines.push(t('consult-line-subject', { subject: v.quote(c.subject, 300) }));
  if (!v.minimal) lines.push(t('consult-line-question', { question: v.block(c.question, 3000) }));
  if (links.task) lines.push(t('consult-line-task', { code: links.task.code, title: v.quote(links.task.title, 120) }));
  lines.push(t('consult-line-deadline', { deadline: v.dateTime(c.deadline), priority: t(`priority-${c.priority}`) }));
  return lines;
}

/** The question as a respondent receives it (or a deputy a head handed it to). */
export function questionMessage(
  t: Translate,
  v: ViewTools,
  c: Consultation,
  respondent: Respondent,
  org: OrgDirectory,
  links: LinkedItems,
  options: { forHead?: boolean; canDelegate?: boolean } = {},
): OutboundMessage {
  const buttons = stanceButtons(t, c.id, respondent, options.forHead ? { forOfficialId: respondent.officialId } : {});
  if (options.canDelegate) buttons.push([cbtn(t, 'btn-delegate', 'consult.delegate', c.id)]);
  if (v.minimal) return { text: t('consult-new-minimal', { code: c.code, subject: v.quote(c.subject, 120), deadline: v.dateTime(c.deadline) }), buttons };
  const lines = [titleOf(t, c, links)];
  if (options.forHead) lines.push(t('consult-delegated-intro', { head: personLabel(t, org.official(respondent.officialId)) }));
  lines.push(...consultationFacts(t, v, c, org, links), t('consult-new-ask'));
  return { text: lines.join('\n'), buttons };
}

const STATE_MARK: Record<string, string> = { AGREE: '✅', DISAGREE: '❌', AGREE_WITH_AMENDMENTS: '📝', 'no-stance': '💬', waiting: '⏳' };

export function stanceLabel(t: Translate, stance: Stance | null): string {
  return stance ? t(`stance-${stance}`) : t('stance-none');
}

/** "✅ đ/c A, Chuyên viên: Đồng ý (10:15 08/12/2026)" and the like. */
export function respondentLine(t: Translate, v: ViewTools, r: Respondent, entries: readonly Entry[], org: OrgDirectory): string {
  const who = personLabel(t, org.official(r.officialId));
  const state = respondentState(r);
  let line: string;
  if (state === 'answered') {
    line = t('consult-resp-answered', {
      mark: STATE_MARK[r.stance!]!,
      who,
      stance: stanceLabel(t, r.stance),
      at: v.dateTime(r.answeredAt!),
      text: r.stanceText ? ` — "${v.quote(r.stanceText, 300)}"` : '',
    });
    if (r.answeredById && r.answeredById !== r.officialId) line += `\n   ${t('consult-resp-by', { who: personLabel(t, org.official(r.answeredById)) })}`;
  } else if (state === 'no-stance') {
    const last = [...entries].reverse().find((e) => e.kind === 'FREE_TEXT' && e.respondentId === r.id);
    line = t('consult-resp-no-stance', { mark: STATE_MARK['no-stance']!, who, text: v.quote(last?.text ?? '', 200) });
  } else {
    line = t('consult-resp-waiting', { mark: STATE_MARK.waiting!, who });
  }
  if (!r.stance && r.delegateId) line += `\n   ${t('consult-resp-delegated', { who: personLabel(t, org.official(r.delegateId)) })}`;
  return line;
}

export function tally(respondents: readonly Respondent[]): { answered: number; total: number } {
  return { answered: respondents.filter((r) => r.stance).length, total: respondents.length };
}

export interface CardOptions {
  viewerId: number;
  /** The viewer's respondent row (their own, or a head's handed to them). */
  ownRow?: Respondent | undefined;
  /** Respondents whose lapse the viewer may demand an explanation for. */
  explainable?: Respondent[];
  links: LinkedItems;
  demands?: { code: string; status: string; officialId: number }[];
}

/** "Xem chi tiết": everything about one consultation, with the buttons that fit the viewer. */
export function consultationCard(
  t: Translate,
  v: ViewTools,
  c: Consultation,
  respondents: Respondent[],
  entries: Entry[],
  org: OrgDirectory,
  o: CardOptions,
): OutboundMessage {
  const count = tally(respondents);
  const lines = [
    t('consult-card-title', { code: c.code, status: t(`consult-status-${c.status}`) }),
    ...(c.round > 1 && o.links.previous ? [t('consult-line-round', { round: c.round, previous: o.links.previous.code })] : []),
    ...consultationFacts(t, v, c, org, o.links),
    t('consult-card-answers', count),
    ...respondents.map((r) => respondentLine(t, v, r, entries, org)),
  ];
  const clarifications = entries.filter((e) => e.kind === 'CLARIFICATION_QUESTION' || e.kind === 'CLARIFICATION_REPLY');
  for (const e of clarifications) {
    lines.push(
      t(e.kind === 'CLARIFICATION_QUESTION' ? 'consult-card-clarify-q' : 'consult-card-clarify-a', {
        who: personLabel(t, org.official(e.authorId)),
        text: v.quote(e.text ?? '', 300),
      }),
    );
  }
  if (c.status === 'CLOSED' && c.decision)
    lines.push(t('consult-card-decision', { decision: v.block(c.decision, 3000), at: v.dateTime(c.closedAt ?? c.createdAt) }));
  for (const d of o.demands ?? [])
    lines.push(
      t('consult-card-demand', { code: d.code, who: personLabel(t, org.official(d.officialId as never)), status: t(dynamicKey(`explain-status-${d.status}`)) }),
    );
  if (c.status === 'OPEN' && v.now.getTime() > c.deadline.getTime() && count.answered < count.total) {
    lines.push(t('consult-card-overdue', { late: v.wallDuration(v.now.getTime() - c.deadline.getTime()) }));
  }

  const buttons: ActionButton[][] = [];
  if (c.status === 'OPEN') {
    if (o.ownRow) buttons.push(...stanceButtons(t, c.id, o.ownRow, o.ownRow.officialId === o.viewerId ? {} : { forOfficialId: o.ownRow.officialId }));
    if (c.askerId === o.viewerId) {
      buttons.push([cbtn(t, 'btn-close-consult', 'consult.close', c.id), cbtn(t, 'btn-new-round', 'consult.round', c.id)]);
      for (const r of respondents.filter((x) => !x.stance).slice(0, 4)) {
        buttons.push([cbtn(t, 'btn-nudge-person', 'consult.nudge', consultArg(c.id, r.officialId), { name: nameOf(org.official(r.officialId)) })]);
      }
    }
  }
  for (const r of (o.explainable ?? []).slice(0, 4)) {
    buttons.push([cbtn(t, 'btn-explain-person', 'consult.explain', consultArg(c.id, r.officialId), { name: nameOf(org.official(r.officialId)) })]);
  }
  return { text: lines.join('\n'), buttons };
}

/** One line of /ykien: what waits for my answer. */
export function waitingLine(t: Translate, v: ViewTools, c: Consultation, r: Respondent, viewerId: number, org: OrgDirectory): string {
  const late = v.now.getTime() > c.deadline.getTime();
  const base = t('consult-list-waiting', {
    mark: late ? '🔴' : '⏳',
    code: c.code,
    subject: v.quote(c.subject, 80),
    deadline: v.dateTime(c.deadline),
    asker: personLabel(t, org.official(c.askerId)),
  });
  return r.officialId === viewerId ? base : `${base} ${t('consult-list-for-head', { head: nameOf(org.official(r.officialId)) })}`;
}

/** One block of /ykien: what I asked, with each respondent's state. */
export function askedBlock(t: Translate, v: ViewTools, c: Consultation, respondents: Respondent[], org: OrgDirectory): string {
  const count = tally(respondents);
  const head = t('consult-list-asked', { code: c.code, subject: v.quote(c.subject, 80), deadline: v.dateTime(c.deadline), ...count });
  const rows = respondents.map((r) => {
    const name = nameOf(org.official(r.officialId));
    const state = respondentState(r);
    const mark = state === 'answered' ? STATE_MARK[r.stance!]! : STATE_MARK[state]!;
    return `   ${mark} ${name}: ${state === 'answered' ? stanceLabel(t, r.stance) : t(`consult-state-${state}`)}`;
  });
  return [head, ...rows].join('\n');
}
