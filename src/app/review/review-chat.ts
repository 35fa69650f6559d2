// /rasoat in the chat. A head with no open review is offered to start one; with one open, the progress summary
// (detail, XLSX, close). Anyone with items to decide sees them as cards; a proposal waiting for them too. The
// decisions are short dialogs: done → the result; keep → a new date, then the reason; transfer/drop → the reason;
// refusing a proposal → the reason.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../domain/errors.js';
import { parseDeadline } from '../../domain/text/deadline-parser.js';
import { z } from 'zod';
import { idArg } from '../actions.js';
import type { FeatureActions, VerbHandler } from '../interaction/action-table.js';
import { ask, defineFlow, flowReply, textOf, type DialogInput, type Turn } from '../interaction/dialog.js';
import type { CommandHandler } from '../interaction/router.js';
import { text, type Session } from '../interaction/session.js';
import type { OutboundMessage, RouterResult } from '../ports/channel.js';
import { REPORTS_DIR, XLSX_MIME, reportFileName } from '../reports/report-command.js';
import { btn } from '../views/task-views.js';
import { decideItem, decideProposal, ownerItem } from './decide.js';
import { closeReview, startReview } from './start-review.js';
import { ownerCard, proposalCard, reviewDetail, reviewSummary } from './review-views.js';
import { writeReviewXlsx } from './review-xlsx.js';

/** What waits for this person: their items to decide and the proposals to agree to. */
async function waitingFor(s: Session): Promise<OutboundMessage[]> {
  const org = await s.app.org();
  const mine = await s.app.stores.review.pendingForOwner(s.officialId);
  const proposals = await s.app.stores.review.pendingForDecider(s.officialId);
  const out: OutboundMessage[] = [];
  if (mine.length + proposals.length > 0) out.push({ text: s.t('review-waiting-title', { items: mine.length, proposals: proposals.length }) });
  for (const i of mine) out.push(ownerCard(s.t, s.v, org, { reviewCode: i.reviewCode, headId: i.headId, itemId: i.id, task: i.task }));
  for (const i of proposals) out.push(proposalCard(s.t, s.v, org, i, i.headDecidedById ?? undefined));
  return out;
}

export const reviewCommand: CommandHandler = async (s) => {
  const replies = await waitingFor(s);
  if (s.official.role === 'HEAD') {
    const org = await s.app.org();
    const review = await s.app.stores.review.latestOfHead(s.officialId);
    if (review && !review.closedAt) replies.unshift(reviewSummary(s.t, s.v, org, review, await s.app.stores.review.items(review.id)));
    else
      replies.unshift({
        text: s.t('review-none-open', { unit: org.unit(s.official.unitId)?.name ?? '—', stale: s.v.workingDuration(s.app.policy.review.staleAfter.ms) }),
        buttons: [
          [btn(s.t, 'btn-review-start', 'review.start', s.official.unitId), ...(review ? [btn(s.t, 'btn-review-detail', 'review.detail', review.id)] : [])],
        ],
      });
  } else if (replies.length === 0) {
    replies.push({ text: s.t('review-nothing-for-you') });
  }
  return { replies };
};

/** The review the head may read: their own (open or closed). */
async function headReview(s: Session, id: number | undefined) {
  const review = id === undefined ? undefined : await s.app.stores.review.latestOfHead(s.officialId);
  if (!review || review.id !== id) throw new DomainError('review-not-found');
  return review;
}

async function reviewFile(s: Session, id: number | undefined): Promise<RouterResult> {
  const review = await headReview(s, id);
  const org = await s.app.org();
  const items = await s.app.stores.review.items(review.id);
  const dir = path.join(REPORTS_DIR, randomUUID());
  await mkdir(dir, { recursive: true });
  const day = (await s.app.calendar()).localDate(s.app.time.now());
  const filename = reportFileName(s.t('review-file-prefix'), review.code, day, day).replace(`_${day}_${day}`, `_${day}`);
  const file = path.join(dir, filename);
  await writeReviewXlsx(review, items, org, s.t, s.app.policy.calendar.timezone, file);
  return {
    replies: [
      {
        text: s.t('review-file-caption', { code: review.code, count: items.length }),
        attachment: { type: 'document', source: { kind: 'local-file', path: file, filename, mime: XLSX_MIME }, caption: filename },
      },
    ],
  };
}

const OWNER_DECISIONS = ['done', 'keep', 'transfer', 'drop'] as const;
type OwnerDecision = (typeof OWNER_DECISIONS)[number];

/** An item the owner decides: done → the result; keep → a new date, then the reason; transfer/drop → the reason. */
function decides(kind: OwnerDecision): VerbHandler {
  return async (s, action) => {
    const item = await ownerItem(s.app, s.officialId, idArg(action) ?? 0);
    const question =
      kind === 'keep'
        ? s.t('review-ask-date', { code: item.task.code, deadline: s.v.dateTime(item.task.deadline) })
        : s.t('review-ask', { kind, code: item.task.code });
    return flowReply(s, { replies: [ask(s, question)], next: reviewFlow.at(kind === 'keep' ? 'date' : 'text', { itemId: item.id, kind }) });
  };
}

/** The buttons of the backlog review, one handler per verb. */
export const REVIEW_ACTIONS = {
  'review.start': async (s) => {
    const { review, items } = await startReview(s.app, s.officialId);
    const owners = new Set(items.map((i) => i.ownerId)).size;
    return { replies: [text(s.t('review-started-reply', { code: review.code, count: items.length, owners }))], clearButtons: true };
  },
  'review.detail': async (s, action) => {
    const review = await headReview(s, idArg(action));
    const org = await s.app.org();
    const items = await s.app.stores.review.items(review.id);
    return { replies: [reviewSummary(s.t, s.v, org, review, items), reviewDetail(s.t, s.v, org, review, items)] };
  },
  'review.xlsx': (s, action) => reviewFile(s, idArg(action)),
  'review.close': async (s, action) => {
    const review = await closeReview(s.app, s.officialId, (await headReview(s, idArg(action))).id);
    return { replies: [text(s.t('review-closed-reply', { code: review.code }))], clearButtons: true };
  },
  'review.done': decides('done'),
  'review.keep': decides('keep'),
  'review.transfer': decides('transfer'),
  'review.drop': decides('drop'),
  'review.agree': async (s, action) => {
    const r = await decideProposal(s.app, s.officialId, idArg(action) ?? 0, true);
    return {
      replies: [text(s.t('review-proposal-decided-reply', { code: r.item.task.code, result: r.result, applied: r.item.applied ?? '' }))],
      clearButtons: true,
    };
  },
  'review.refuse': async (s, action) => {
    const item = await s.app.stores.review.item(idArg(action) ?? 0);
    if (!item || item.outcome !== 'PENDING_HEAD' || item.deciderId !== s.officialId)
      throw new DomainError('review-item-decided', { code: item?.task.code ?? '—' });
    return flowReply(s, {
      replies: [ask(s, s.t('review-ask', { kind: 'refuse', code: item.task.code }))],
      next: reviewFlow.at('text', { itemId: item.id, kind: 'refuse' }),
    });
  },
} satisfies FeatureActions;

/** A decision waiting for its answers: the item, what is decided, the new date once given (keep). */
const ReviewData = z.object({
  itemId: z.number().int().positive(),
  kind: z.enum([...OWNER_DECISIONS, 'refuse']),
  deadline: z.iso.datetime().optional(),
});
type ReviewData = z.infer<typeof ReviewData>;

/** The answer typed: the reason, the result, or the new date; anything else asks again. */
function typed(input: DialogInput): string | undefined {
  const raw = textOf(input);
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

async function decideWith(s: Session, d: ReviewData, raw: string): Promise<Turn> {
  if (d.kind === 'refuse') {
    const r = await decideProposal(s.app, s.officialId, d.itemId, false, raw);
    return { replies: [text(s.t('review-proposal-decided-reply', { code: r.item.task.code, result: r.result, applied: '' }))], next: null };
  }
  const item =
    d.kind === 'done'
      ? await decideItem(s.app, s.officialId, d.itemId, { decision: 'DONE', result: raw })
      : d.kind === 'keep'
        ? await decideItem(s.app, s.officialId, d.itemId, { decision: 'KEEP', newDeadline: new Date(d.deadline!), reason: raw })
        : await decideItem(s.app, s.officialId, d.itemId, { decision: d.kind === 'transfer' ? 'TRANSFER' : 'DROP', reason: raw });
  return { replies: [text(s.t('review-decided-reply', { code: item.task.code, decision: item.decision ?? 'DONE' }))], next: null };
}

export const reviewFlow = defineFlow({
  name: 'review-decision',
  data: ReviewData,
  steps: {
    async date(s, d, input, { stay, at }) {
      const raw = typed(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const item = await ownerItem(s.app, s.officialId, d.itemId);
      const parsed = parseDeadline(raw, { now: s.app.time.now(), calendar: await s.app.calendar(), maxYearsAhead: s.app.policy.maxDeadlineYears });
      if (!parsed.ok) throw new DomainError(parsed.error, parsed.args);
      if (parsed.deadline.getTime() <= item.task.deadline.getTime()) throw new DomainError('task-extend-not-later', { deadline: item.task.deadline });
      return {
        replies: [ask(s, s.t('review-ask', { kind: 'keep', code: item.task.code }))],
        next: at('text', { ...d, deadline: parsed.deadline.toISOString() }),
      };
    },
    async text(s, d, input, { stay }) {
      const raw = typed(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      return decideWith(s, d, raw);
    },
  },
});
