// Notices in the chat (issue 15): /quantriet (list, detail with coverage, a new notice step by step), /danam QT-…
// [cam kết] (confirm by code), the buttons of a notice (confirm, confirm with a commitment, ask the sender, view) and
// their dialogs. Works the same with Telegram buttons and Zalo numbers (the router numbers the actions).
import { z } from 'zod';
import { CAPABILITIES, type ChannelName, type OutboundMessage, type RouterResult } from '../ports/channel.js';
import type { NoticeFile, NoticeRecipientRecord } from '../ports/stores/notices.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import { maySendNotice, resolveRecipients, type NoticeScopeInput } from '../../domain/notice/recipients.js';
import { checkNoticeDocument, NOTICE_SUMMARY_RULE, NOTICE_TITLE_RULE, parseNoticeCode } from '../../domain/notice/types.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { searchOfficials } from '../../domain/org/search.js';
import { parseDeadline } from '../../domain/text/deadline-parser.js';
import { requireText } from '../../domain/text/field.js';
import { fold } from '../../domain/text/normalize.js';
import { idArg } from '../actions.js';
import type { FeatureActions, VerbHandler } from '../interaction/action-table.js';
import { ask, defineFlow, flowReply, textOf, type Turn } from '../interaction/dialog.js';
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
  if (NEW_WORDS.has(fold(word))) return flowReply(s, startCreate(s));
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

/** A button on one notice: the notice's id, or the answer a malformed button gets. */
function onNotice(run: (s: Session, id: number) => Promise<RouterResult>): VerbHandler {
  return async (s, action) => {
    const id = idArg(action);
    return id === undefined ? reply(s.t('error-malformed-action')) : run(s, id);
  };
}

/** The notice as its recipient answers it (a commitment, a question); anyone else is told why not. */
async function asRecipient(s: Session, id: number, then: (f: NoticeFile, mine: NoticeRecipientRecord) => Promise<RouterResult>): Promise<RouterResult> {
  const f = await s.app.stores.notices.load(null, id);
  if (!f) return reply(s.t('notice-not-found'));
  const mine = f.recipients.find((r) => r.officialId === s.officialId);
  if (!mine) return reply(s.t('notice-not-recipient', { code: f.notice.code }));
  return then(f, mine);
}

/** The buttons of a notice and of /quantriet, one handler per verb. */
export const NOTICE_ACTIONS = {
  'notice.new': (s) => flowReply(s, startCreate(s)),
  'notice.confirm': onNotice(async (s, id) => confirmedReply(s, await confirmNotice(s.app, s.officialId, id, null))),
  'notice.commit': onNotice((s, id) =>
    asRecipient(s, id, async (f, mine) => {
      if (mine.confirmedAt) return reply(s.t('notice-already-confirmed', { code: f.notice.code, at: s.v.dateTime(mine.confirmedAt) }));
      return flowReply(s, { replies: [ask(s, s.t('notice-commit-ask', { code: f.notice.code }))], next: noticeCommitFlow.at('text', { id }) });
    }),
  ),
  'notice.ask': onNotice((s, id) =>
    asRecipient(s, id, (f) =>
      flowReply(s, { replies: [ask(s, s.t('notice-question-ask', { code: f.notice.code }))], next: noticeQuestionFlow.at('text', { id }) }),
    ),
  ),
  'notice.view': onNotice(detail),
} satisfies FeatureActions;

const ID = z.number().int().positive();

export const noticeCommitFlow = defineFlow({
  name: COMMIT,
  data: z.object({ id: ID }),
  steps: {
    async text(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined || raw.trim() === '') return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const r = await confirmNotice(s.app, s.officialId, d.id, raw);
      return { replies: confirmedReply(s, r).replies, next: null };
    },
  },
});

export const noticeQuestionFlow = defineFlow({
  name: QUESTION,
  data: z.object({ id: ID }),
  steps: {
    async text(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const notice = await askAboutNotice(s.app, s.officialId, d.id, raw);
      return { replies: [text(s.t('notice-question-sent', { code: notice.code }))], next: null };
    },
  },
});

// ─── A new notice, step by step ──────────────────────────────────────────────

/** How the recipients were chosen: the same union as NoticeScopeInput, checked when the dialog's row is read back. */
const NoticeScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitId: ID, subtree: z.boolean() }),
  z.object({ kind: z.literal('person'), officialId: ID }),
]) satisfies z.ZodType<NoticeScopeInput>;

/** A channel we run, as the file sent in the chat names it. */
const Channel = z.custom<ChannelName>((v) => typeof v === 'string' && Object.hasOwn(CAPABILITIES, v));

/** What the new notice has gathered so far; each step adds one answer. */
const CreateData = z.object({
  scopes: z.array(NoticeScope).optional(),
  who: z.string().optional(),
  count: z.number().int().nonnegative().optional(),
  title: z.string().optional(),
  summary: z.string().optional(),
  file: z.object({ channel: Channel, ref: z.string(), name: z.string().nullable(), size: z.number().nonnegative().optional() }).optional(),
  deadline: z.iso.datetime().optional(),
});
type CreateData = z.infer<typeof CreateData>;

async function startCreate(s: Session): Promise<Turn> {
  if (!maySendNotice(s.official)) throw new DomainError('notice-not-allowed');
  const org = await s.app.org();
  const unit = unitNameOf(org.unit(s.official.unitId));
  const choices = s.official.isAdmin && s.official.role === 'MEMBER' ? [] : [[{ label: s.t('btn-notice-subtree', { unit }), value: 'subtree' }]];
  return { replies: [ask(s, s.t('notice-step-who', { unit }), choices)], next: noticeCreateFlow.at('who', {}) };
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
const sendChoice = (s: Session) => [[{ label: s.t('btn-notice-send'), value: 'yes' }]];

function fileStep(s: Session): OutboundMessage {
  return ask(s, s.t('notice-step-file', { max: Math.round(s.app.policy.notices.maxFileBytes / 1_048_576) }), skipChoice(s));
}

export const noticeCreateFlow = defineFlow({
  name: CREATE,
  data: CreateData,
  steps: {
    async who(s, _d, input, { stay, at }) {
      const org = await s.app.org();
      let scopes: NoticeScopeInput[];
      if (input.kind === 'pick' && input.value === 'subtree') scopes = [{ kind: 'unit', unitId: s.official.unitId, subtree: true }];
      else {
        const raw = textOf(input);
        if (!raw?.trim()) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
        scopes = readScopes(s, org, raw);
      }
      const { ids } = resolveRecipients(org, s.officialId, scopes);
      const who = describeScopes(s, org, scopes);
      return { replies: [ask(s, s.t('notice-step-title', { who, count: ids.length }))], next: at('title', { scopes, who, count: ids.length }) };
    },
    async title(s, d, input, { stay, at }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const title = requireText(raw, NOTICE_TITLE_RULE);
      return { replies: [ask(s, s.t('notice-step-summary'))], next: at('summary', { ...d, title }) };
    },
    async summary(s, d, input, { stay, at }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const summary = requireText(raw, NOTICE_SUMMARY_RULE);
      return { replies: [fileStep(s)], next: at('file', { ...d, summary }) };
    },
    async file(s, d, input, { stay, at }) {
      const next: CreateData = { ...d };
      delete next.file;
      if (input.kind === 'file') {
        if (input.file.kind !== 'document') return { replies: [ask(s, s.t('notice-file-not-document'), skipChoice(s))], next: stay };
        // Checked now, so a wrong file is refused at this step and not after every other answer.
        checkNoticeDocument({ filename: input.file.name ?? 'tai-lieu.pdf', size: input.file.size ?? 1, maxBytes: s.app.policy.notices.maxFileBytes });
        next.file = {
          channel: s.channel,
          ref: input.file.ref,
          name: input.file.name ?? null,
          ...(input.file.size !== undefined ? { size: input.file.size } : {}),
        };
      } else if (!(input.kind === 'pick' && input.value === 'skip') && input.kind !== 'skip') {
        return { replies: [fileStep(s)], next: stay };
      }
      return { replies: [await deadlineStep(s)], next: at('deadline', next) };
    },
    async deadline(s, d, input, { stay, at }) {
      let deadline: Date;
      if (input.kind === 'pick' && input.value === 'default') deadline = await defaultConfirmDeadline(s.app);
      else {
        const raw = textOf(input);
        if (raw === undefined) return { replies: [await deadlineStep(s)], next: stay };
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
      return { replies: [ask(s, confirm, sendChoice(s))], next: at('confirm', { ...d, deadline: deadline.toISOString() }) };
    },
    async confirm(s, d, input, { stay }) {
      if (input.kind !== 'pick' || input.value !== 'yes') return { replies: [ask(s, s.t('dialog-pick-invalid'), sendChoice(s))], next: stay };
      const org = await s.app.org();
      const r = await createNotice(s.app, s.officialId, {
        scopes: d.scopes ?? [],
        title: d.title ?? '',
        summary: d.summary ?? '',
        deadline: d.deadline ? new Date(d.deadline) : null,
        document: d.file
          ? {
              kind: 'channel',
              channel: d.file.channel,
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
    },
  },
});
