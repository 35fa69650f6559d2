// /rasoat in the chat. A head with no open review is offered to start one; with one open, the progress summary
// (detail, XLSX, close). Anyone with items to decide sees them as cards; a proposal waiting for them too. The
// decisions are short dialogs: done → the result; keep → a new date, then the reason; transfer/drop → the reason;
// refusing a proposal → the reason.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../domain/errors.js';
import { parseDeadline } from '../../domain/text/deadline-parser.js';
import { idArg, type Action } from '../actions.js';
import { ask, persistTurn, state, textOf, type DialogFlow, type Turn } from '../interaction/dialog.js';
import type { ActionHandler, CommandHandler } from '../interaction/router.js';
import { text, type Session } from '../interaction/session.js';
import type { OutboundMessage, RouterResult } from '../ports/channel.js';
import { REPORTS_DIR, XLSX_MIME, reportFileName } from '../reports/report-command.js';
import { btn } from '../views/task-views.js';
import { decideItem, decideProposal, ownerItem } from './decide.js';
import { closeReview, startReview } from './start-review.js';
import { ownerCard, proposalCard, reviewDetail, reviewSummary } from './review-views.js';
import { writeReviewXlsx } from './review-xlsx.js';

async function flow(s: Session, turn: Turn): Promise<RouterResult> {
  return { replies: await persistTurn(s, turn) };
}

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

export const reviewActions: ActionHandler = async (s: Session, action: Action) => {
  const id = idArg(action);
  switch (action.verb) {
    case 'review.start': {
      const { review, items } = await startReview(s.app, s.officialId);
      const owners = new Set(items.map((i) => i.ownerId)).size;
      return { replies: [text(s.t('review-started-reply', { code: review.code, count: items.length, owners }))], clearButtons: true };
    }
    case 'review.detail': {
      const review = await headReview(s, id);
      const org = await s.app.org();
      const items = await s.app.stores.review.items(review.id);
      return { replies: [reviewSummary(s.t, s.v, org, review, items), reviewDetail(s.t, s.v, org, review, items)] };
    }
    case 'review.xlsx':
      return reviewFile(s, id);
    case 'review.close': {
      const review = await closeReview(s.app, s.officialId, (await headReview(s, id)).id);
      return { replies: [text(s.t('review-closed-reply', { code: review.code }))], clearButtons: true };
    }
    case 'review.done':
    case 'review.keep':
    case 'review.transfer':
    case 'review.drop': {
      const item = await ownerItem(s.app, s.officialId, id ?? 0);
      const kind = action.verb.slice('review.'.length) as 'done' | 'keep' | 'transfer' | 'drop';
      const question =
        kind === 'keep'
          ? s.t('review-ask-date', { code: item.task.code, deadline: s.v.dateTime(item.task.deadline) })
          : s.t('review-ask', { kind, code: item.task.code });
      return flow(s, { replies: [ask(s, question)], next: state(REVIEW_FLOW, kind === 'keep' ? 'date' : 'text', { itemId: item.id, kind }) });
    }
    case 'review.agree': {
      const r = await decideProposal(s.app, s.officialId, id ?? 0, true);
      return {
        replies: [text(s.t('review-proposal-decided-reply', { code: r.item.task.code, result: r.result, applied: r.item.applied ?? '' }))],
        clearButtons: true,
      };
    }
    case 'review.refuse': {
      const item = await s.app.stores.review.item(id ?? 0);
      if (!item || item.outcome !== 'PENDING_HEAD' || item.deciderId !== s.officialId)
        throw new DomainError('review-item-decided', { code: item?.task.code ?? '—' });
      return flow(s, {
        replies: [ask(s, s.t('review-ask', { kind: 'refuse', code: item.task.code }))],
        next: state(REVIEW_FLOW, 'text', { itemId: item.id, kind: 'refuse' }),
      });
    }
    default:
      return undefined;
  }
};

const REVIEW_FLOW = 'review-decision';

export const reviewFlow: DialogFlow = {
  name: REVIEW_FLOW,
  async step(s, st, input) {
    const d = st.data as { itemId: number; kind: 'done' | 'keep' | 'transfer' | 'drop' | 'refuse'; deadline?: string };
    const raw = textOf(input);
    if (raw === undefined || raw.trim() === '') return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    if (st.step === 'date') {
      const item = await ownerItem(s.app, s.officialId, d.itemId);
      const parsed = parseDeadline(raw, { now: s.app.time.now(), calendar: await s.app.calendar(), maxYearsAhead: s.app.policy.maxDeadlineYears });
      if (!parsed.ok) throw new DomainError(parsed.error, parsed.args);
      if (parsed.deadline.getTime() <= item.task.deadline.getTime()) throw new DomainError('task-extend-not-later', { deadline: item.task.deadline });
      return {
        replies: [ask(s, s.t('review-ask', { kind: 'keep', code: item.task.code }))],
        next: state(REVIEW_FLOW, 'text', { ...d, deadline: parsed.deadline.toISOString() }),
      };
    }
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
  },
};
