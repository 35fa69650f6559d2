// Notices in the chat (issue 15): /quantriet (list, detail with coverage, a new notice step by step), /danam QT-…
// [cam kết] (confirm by code), the buttons of a notice (confirm, confirm with a commitment, ask the sender, view) and
// their dialogs. Works the same with Telegram buttons and Zalo numbers (the router numbers the actions).
import type { OutboundMessage, RouterResult } from '../ports/channel.js';
import type { NoticeFile } from '../ports/stores/notices.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import { maySendNotice, resolveRecipients, type NoticeScopeInput } from '../../domain/notice/recipients.js';
import { checkNoticeDocument, NOTICE_SUMMARY_RULE, NOTICE_TITLE_RULE, parseNoticeCode } from '../../domain/notice/types.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { searchOfficials } from '../../domain/org/search.js';
import { parseDeadline } from '../../domain/text/deadline-parser.js';
import { requireText } from '../../domain/text/field.js';
import { fold } from '../../domain/text/normalize.js';
import { idArg, type Action } from '../actions.js';
import { ask, persistTurn, state, textOf, type DialogFlow, type DialogInput, type Turn } from '../interaction/dialog.js';
import { text, type Session } from '../interaction/session.js';
import { nameOf, unitNameOf } from '../views/people.js';
import { createNotice, defaultConfirmDeadline } from './create-notice.js';
import { askAboutNotice, confirmNotice, type ConfirmResult } from './respond-to-notice.js';
import { coverageMessage, namesUpTo, nbtn, noticeLine, noticeMessage } from './notice-views.js';
import { noticeAttachment } from './notice-document.js';

const CREATE = 'notice-create';
const COMMIT = 'notice-commit';
const QUESTION = 'notice-question';
const NEW_WORDS = new Set(['moi', 'tao', 'new', 'create']);

function reply(message: string): RouterResult {
  return { replies: [{ text: message }] };
}

async function flowResult(s: Session, turn: Turn): Promise<RouterResult> {
  return { replies: await persistTurn(s, turn) };
}

function confirmedReply(s: Session, r: ConfirmResult): RouterResult {
  const lines = [s.t(r.onTime ? 'notice-confirmed' : 'notice-confirmed-late', { code: r.notice.code, at: s.v.dateTime(r.recipient.confirmedAt!) })];
  if (r.recipient.commitment) lines.push(s.t('notice-confirmed-commitment', { text: s.v.quote(r.recipient.commitment, 300) }));
  return { replies: [{ text: lines.join('\n') }], clearButtons: true };
}

/** Which recipients of a notice this person may see: all for the sender and admins, else those they oversee. */
function visibleRecipients(s: Session, org: OrgDirectory, f: NoticeFile) {
  if (f.notice.senderId === s.officialId || s.official.isAdmin) return f.recipients;
  return f.recipients.filter((r) => r.officialId !== s.officialId && org.oversees(s.officialId, OfficialId(r.officialId)));
}

async function detail(s: Session, noticeId: number): Promise<RouterResult> {
  const f = await s.app.stores.notices.load(null, noticeId);
  if (!f) return reply(s.t('notice-not-found'));
  const org = await s.app.org();
  const visible = visibleRecipients(s, org, f);
  if (visible.length === 0) {
    const mine = f.recipients.find((r) => r.officialId === s.officialId);
    if (!mine) return reply(s.t('notice-not-visible', { code: f.notice.code }));
    // A recipient gets the notice again with its document: a fresh download link on Zalo (links last a day).
    const message = noticeMessage(s.t, s.v, f.notice, mine, org);
    const attachment = await noticeAttachment(s.app, f.notice, s.t('notice-document-caption', { code: f.notice.code }));
    const state = s.t(mine.confirmedAt ? 'notice-mine-confirmed' : 'notice-mine-waiting', {
      code: f.notice.code,
      title: s.v.quote(f.notice.title, 120),
      at: mine.confirmedAt ? s.v.dateTime(mine.confirmedAt) : '',
      deadline: s.v.dateTime(mine.deadline),
    });
    return {
      replies: [{ text: `${message.text}\n${state}`, ...(mine.confirmedAt ? {} : { buttons: message.buttons! }), ...(attachment ? { attachment } : {}) }],
    };
  }
  return { replies: [coverageMessage(s.t, s.v, f, org, visible, s.app.time.now())] };
}

/** /quantriet: what I sent (with coverage) and what waits for my confirmation; a button for a new notice. */
async function list(s: Session): Promise<RouterResult> {
  const replies: OutboundMessage[] = [];
  const canSend = maySendNotice(s.official);
  if (canSend) {
    const sent = await s.app.stores.notices.sentBy(s.officialId, 10);
    const lines = [sent.length > 0 ? s.t('notice-list-sent', { count: sent.length }) : s.t('notice-list-sent-none')];
    for (const f of sent) lines.push(noticeLine(s.t, s.v, f));
    const buttons = sent.map((f) => [nbtn(s.t, 'btn-notice-view-code', 'notice.view', f.notice.id, { code: f.notice.code })]);
    buttons.push([nbtn(s.t, 'btn-notice-new', 'notice.new', '')]);
    replies.push({ text: lines.join('\n'), buttons });
  }
  const waiting = await s.app.stores.notices.waitingFor(s.officialId);
  if (waiting.length > 0) {
    const lines = [s.t('notice-list-waiting', { count: waiting.length })];
    for (const f of waiting) {
      const mine = f.recipients.find((r) => r.officialId === s.officialId)!;
      lines.push(s.t('notice-list-waiting-line', { code: f.notice.code, title: s.v.quote(f.notice.title, 80), deadline: s.v.dateTime(mine.deadline) }));
    }
    replies.push({
      text: lines.join('\n'),
      buttons: waiting.map((f) => [nbtn(s.t, 'btn-notice-confirm-code', 'notice.confirm', f.notice.id, { code: f.notice.code })]),
    });
  } else if (!canSend) {
    replies.push({ text: s.t('notice-list-nothing') });
  }
  return { replies };
}

async function noticeIdOf(s: Session, raw: string): Promise<number> {
  const code = parseNoticeCode(raw);
  if (!code) throw new DomainError('notice-code-usage');
  const id = await s.app.stores.notices.idByCode(code);
  if (id === undefined) throw new DomainError('notice-not-found-code', { code });
  return id;
}

/** /quantriet [moi | QT-…] */
export async function noticesCommand(s: Session, args: string): Promise<RouterResult> {
  const word = args.trim();
  if (word === '') return list(s);
  if (NEW_WORDS.has(fold(word))) return flowResult(s, await startCreate(s));
  return detail(s, await noticeIdOf(s, word.split(/\s+/)[0]!));
}

/** /danam QT-… [cam kết]: the typed form of "Đã đọc, đã nắm nội dung", with an optional commitment after the code. */
export async function confirmReadCommand(s: Session, args: string): Promise<RouterResult> {
  const trimmed = args.trim();
  if (!trimmed) return reply(s.t('notice-code-usage'));
  const first = trimmed.split(/\s+/, 1)[0]!;
  const id = await noticeIdOf(s, first);
  const rest = trimmed.slice(first.length).trim();
  return confirmedReply(s, await confirmNotice(s.app, s.officialId, id, rest || null));
}

export async function handleNoticeAction(s: Session, action: Action): Promise<RouterResult | undefined> {
  if (!action.verb.startsWith('notice.')) return undefined;
  if (action.verb === 'notice.new') return flowResult(s, await startCreate(s));
  const id = idArg(action);
  if (id === undefined) return reply(s.t('error-malformed-action'));
  switch (action.verb) {
    case 'notice.confirm':
      return confirmedReply(s, await confirmNotice(s.app, s.officialId, id, null));
    case 'notice.commit':
    case 'notice.ask': {
      const f = await s.app.stores.notices.load(null, id);
      if (!f) return reply(s.t('notice-not-found'));
      const mine = f.recipients.find((r) => r.officialId === s.officialId);
      if (!mine) return reply(s.t('notice-not-recipient', { code: f.notice.code }));
      if (action.verb === 'notice.commit') {
        if (mine.confirmedAt) return reply(s.t('notice-already-confirmed', { code: f.notice.code, at: s.v.dateTime(mine.confirmedAt) }));
        return flowResult(s, { replies: [ask(s, s.t('notice-commit-ask', { code: f.notice.code }))], next: state(COMMIT, 'text', { id }) });
      }
      return flowResult(s, { replies: [ask(s, s.t('notice-question-ask', { code: f.notice.code }))], next: state(QUESTION, 'text', { id }) });
    }
    case 'notice.view':
      return detail(s, id);
    default:
      return undefined;
  }
}

export const noticeCommitFlow: DialogFlow = {
  name: COMMIT,
  async step(s, st, input) {
    const raw = textOf(input);
    if (raw === undefined || raw.trim() === '') return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    const r = await confirmNotice(s.app, s.officialId, Number(st.data.id), raw);
    return { replies: confirmedReply(s, r).replies, next: null };
  },
};

export const noticeQuestionFlow: DialogFlow = {
  name: QUESTION,
  async step(s, st, input) {
    const raw = textOf(input);
    if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    const notice = await askAboutNotice(s.app, s.officialId, Number(st.data.id), raw);
    return { replies: [text(s.t('notice-question-sent', { code: notice.code }))], next: null };
  },
};

// ─── A new notice, step by step ──────────────────────────────────────────────

interface CreateData {
  scopes?: NoticeScopeInput[];
  who?: string;
  count?: number;
  title?: string;
  summary?: string;
  file?: { channel: string; ref: string; name: string | null; size?: number };
  deadline?: string;
}

async function startCreate(s: Session): Promise<Turn> {
  if (!maySendNotice(s.official)) throw new DomainError('notice-not-allowed');
  const org = await s.app.org();
  const unit = unitNameOf(org.unit(s.official.unitId));
  const choices = s.official.isAdmin && s.official.role === 'MEMBER' ? [] : [[{ label: s.t('btn-notice-subtree', { unit }), value: 'subtree' }]];
  return { replies: [ask(s, s.t('notice-step-who', { unit }), choices)], next: state(CREATE, 'who', {}) };
}

/** "BTG, Phòng Nội vụ, Lê Văn Toàn": each part a unit code, a unit name, or a person within reach. */
function readScopes(s: Session, org: OrgDirectory, raw: string): NoticeScopeInput[] {
  const scopes: NoticeScopeInput[] = [];
  const candidates = org.activeOfficials().filter((o) => o.id !== s.officialId);
  for (const part of raw
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const folded = fold(part);
    const units = org.allUnits();
    const byCode = units.find((u) => fold(u.code) === folded);
    const byName = byCode ? undefined : units.filter((u) => fold(u.name) === folded || fold(u.name).includes(folded));
    const unit = byCode ?? (byName && byName.length === 1 ? byName[0] : undefined);
    if (unit) {
      scopes.push({ kind: 'unit', unitId: unit.id, subtree: true });
      continue;
    }
    const people = searchOfficials(part, candidates, 3);
    if (people.length === 1) scopes.push({ kind: 'person', officialId: people[0]!.id });
    else if (people.length > 1 || (byName && byName.length > 1)) throw new DomainError('notice-who-ambiguous', { part });
    else throw new DomainError('notice-who-unknown', { part });
  }
  return scopes;
}

function describeScopes(s: Session, org: OrgDirectory, scopes: readonly NoticeScopeInput[]): string {
  return scopes
    .map((sc) =>
      sc.kind === 'unit' ? s.t('notice-scope-unit', { unit: unitNameOf(org.unit(UnitId(sc.unitId))) }) : nameOf(org.official(OfficialId(sc.officialId))),
    )
    .join(', ');
}

async function deadlineStep(s: Session): Promise<OutboundMessage> {
  const def = s.v.dateTime(await defaultConfirmDeadline(s.app));
  return ask(s, s.t('notice-step-deadline', { deadline: def }), [[{ label: s.t('btn-default-deadline', { deadline: def }), value: 'default' }]]);
}

const skipChoice = (s: Session) => [[{ label: s.t('btn-skip'), value: 'skip' }]];

export const noticeCreateFlow: DialogFlow = {
  name: CREATE,
  async step(s, st, input: DialogInput) {
    const d = st.data as unknown as CreateData;
    const org = await s.app.org();
    switch (st.step) {
      case 'who': {
        let scopes: NoticeScopeInput[];
        if (input.kind === 'pick' && input.value === 'subtree') scopes = [{ kind: 'unit', unitId: s.official.unitId, subtree: true }];
        else {
          const raw = textOf(input);
          if (!raw?.trim()) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
          scopes = readScopes(s, org, raw);
        }
        const { ids } = resolveRecipients(org, s.officialId, scopes);
        const who = describeScopes(s, org, scopes);
        return { replies: [ask(s, s.t('notice-step-title', { who, count: ids.length }))], next: state(CREATE, 'title', { scopes, who, count: ids.length }) };
      }
      case 'title': {
        const raw = textOf(input);
        if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
        const title = requireText(raw, NOTICE_TITLE_RULE);
        return { replies: [ask(s, s.t('notice-step-summary'))], next: state(CREATE, 'summary', { ...d, title }) };
      }
      case 'summary': {
        const raw = textOf(input);
        if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
        const summary = requireText(raw, NOTICE_SUMMARY_RULE);
        return {
          replies: [ask(s, s.t('notice-step-file', { max: Math.round(s.app.policy.notices.maxFileBytes / 1_048_576) }), skipChoice(s))],
          next: state(CREATE, 'file', { ...d, summary }),
        };
      }
      case 'file': {
        const next: CreateData = { ...d };
        delete next.file;
        if (input.kind === 'file') {
          if (input.file.kind !== 'document') return { replies: [ask(s, s.t('notice-file-not-document'), skipChoice(s))], next: st };
          // Checked now, so a wrong file is refused at this step and not after every other answer.
          checkNoticeDocument({ filename: input.file.name ?? 'tai-lieu.pdf', size: input.file.size ?? 1, maxBytes: s.app.policy.notices.maxFileBytes });
          next.file = {
            channel: s.channel,
            ref: input.file.ref,
            name: input.file.name ?? null,
            ...(input.file.size !== undefined ? { size: input.file.size } : {}),
          };
        } else if (!(input.kind === 'pick' && input.value === 'skip') && input.kind !== 'skip') {
          return { replies: [ask(s, s.t('notice-step-file', { max: Math.round(s.app.policy.notices.maxFileBytes / 1_048_576) }), skipChoice(s))], next: st };
        }
        return { replies: [await deadlineStep(s)], next: state(CREATE, 'deadline', { ...next }) };
      }
      case 'deadline': {
        let deadline: Date;
        if (input.kind === 'pick' && input.value === 'default') deadline = await defaultConfirmDeadline(s.app);
        else {
          const raw = textOf(input);
          if (raw === undefined) return { replies: [await deadlineStep(s)], next: st };
          const parsed = parseDeadline(raw, { now: s.app.time.now(), calendar: await s.app.calendar(), maxYearsAhead: s.app.policy.maxDeadlineYears });
          if (!parsed.ok) throw new DomainError(parsed.error, parsed.args);
          deadline = parsed.deadline;
        }
        if (deadline.getTime() <= s.app.time.now().getTime()) throw new DomainError('deadline-in-past');
        const confirm = s.t('notice-confirm', {
          who: d.who ?? '',
          count: d.count ?? 0,
          title: s.v.quote(d.title ?? ''),
          summary: s.v.block(d.summary ?? '', 1500),
          file: d.file ? (d.file.name ?? s.t('notice-document-unnamed')) : s.t('notice-no-document'),
          deadline: s.v.dateTime(deadline),
        });
        return {
          replies: [ask(s, confirm, [[{ label: s.t('btn-notice-send'), value: 'yes' }]])],
          next: state(CREATE, 'confirm', { ...d, deadline: deadline.toISOString() }),
        };
      }
      case 'confirm': {
        if (input.kind !== 'pick' || input.value !== 'yes')
          return { replies: [ask(s, s.t('dialog-pick-invalid'), [[{ label: s.t('btn-notice-send'), value: 'yes' }]])], next: st };
        const r = await createNotice(s.app, s.officialId, {
          scopes: d.scopes ?? [],
          title: d.title ?? '',
          summary: d.summary ?? '',
          deadline: d.deadline ? new Date(d.deadline) : null,
          document: d.file
            ? {
                kind: 'channel',
                channel: d.file.channel as Session['channel'],
                ref: d.file.ref,
                name: d.file.name,
                ...(d.file.size !== undefined ? { size: d.file.size } : {}),
              }
            : null,
        });
        const replies = [
          text(s.t('notice-sent', { code: r.notice.code, count: r.recipients.length, deadline: s.v.dateTime(r.notice.confirmBy) }), [
            [nbtn(s.t, 'btn-notice-view', 'notice.view', r.notice.id)],
          ]),
        ];
        if (r.unreachable.length > 0) replies.push(text(s.t('notice-sent-unreachable', { names: namesUpTo(s.t, org, r.unreachable, 10) })));
        return { replies, next: null };
      }
      default:
        return { replies: [text(s.t('dialog-expired'))], next: null };
    }
  },
};
