// /canhbao: a head's review of the signals of their subtree, one card each with confirm / dismiss / demand an
// explanation; the person's "Giải trình"; recording by hand.
import type { OutboundMessage, RouterResult } from '../../ports/channel.js';
import { DomainError } from '../../../domain/errors.js';
import { OfficialId } from '../../../domain/ids.js';
import { mayReviewSignal, reviewablePeople } from '../../../domain/signals/review.js';
import type { Action } from '../../actions.js';
import { encodeAction, idArg } from '../../actions.js';
import { signalCard } from '../../views/signal-views.js';
import { flowReply } from '../dialog.js';
import type { VerbHandler, FeatureActions } from '../action-table.js';
import { startRecord, startReview, startSignalExplain } from '../flows/signal-flows.js';
import type { Session } from '../session.js';

export const SIGNALS_PAGE = 5;

/** Signals waiting for this head's review, oldest first, one card each. */
export async function signalsList(s: Session, page: number): Promise<RouterResult> {
  const org = await s.app.org();
  const people = reviewablePeople(org, s.officialId);
  if (people.length === 0) return { replies: [{ text: s.t('signals-not-head') }] };
  const ids = people.map((p) => p.id as number);
  const total = await s.app.stores.signals.pendingCount(ids);
  const recordButton = [{ label: s.t('btn-signal-record'), action: encodeAction('signal.record') }];
  if (total === 0) return { replies: [{ text: s.t('signals-none'), buttons: [recordButton] }] };
  const pages = Math.max(1, Math.ceil(total / SIGNALS_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await s.app.stores.signals.pendingPage(ids, { offset: (current - 1) * SIGNALS_PAGE, limit: SIGNALS_PAGE });
  const replies: OutboundMessage[] = [{ text: s.t('signals-title', { total }) }];
  for (const r of rows)
    replies.push(signalCard(s.t, s.v, r, await s.app.stores.items.summary(r.itemKind, r.itemId), org, { reviewButtons: true, demandButton: true }));
  const nav = [];
  if (current > 1) nav.push({ label: s.t('btn-prev'), action: encodeAction('list.signals', current - 1) });
  if (current < pages) nav.push({ label: s.t('btn-next'), action: encodeAction('list.signals', current + 1) });
  replies.push({
    text: pages > 1 ? s.t('tasks-list-page', { page: current, pages }) : s.t('signals-footer'),
    buttons: [...(nav.length ? [nav] : []), recordButton],
  });
  return { replies };
}

async function loadSignal(s: Session, action: Action) {
  const id = idArg(action);
  const row = id === undefined ? null : await s.app.stores.signals.byId(id);
  if (!row) throw new DomainError('signal-not-found');
  return row;
}

/** A head confirms or dismisses a signal of someone under them, with a reason typed next. */
function startsReview(decision: 'CONFIRMED' | 'DISMISSED'): VerbHandler {
  return async (s, action) => {
    const signal = await loadSignal(s, action);
    if (!mayReviewSignal(await s.app.org(), s.officialId, OfficialId(signal.officialId))) throw new DomainError('signal-not-yours');
    if (signal.status !== 'PENDING') throw new DomainError('signal-already-reviewed');
    return flowReply(s, startReview(s, signal.id, decision));
  };
}

export const SIGNAL_ACTIONS = {
  'list.signals': (s, action) => signalsList(s, idArg(action) ?? 1),
  'signal.confirm': startsReview('CONFIRMED'),
  'signal.dismiss': startsReview('DISMISSED'),
  'signal.explain': async (s, action) => {
    const signal = await loadSignal(s, action);
    if (signal.officialId !== s.officialId) throw new DomainError('signal-not-yours');
    if (signal.explanation) throw new DomainError('signal-explained-already');
    return flowReply(s, startSignalExplain(s, signal.id));
  },
  'signal.record': (s) => flowReply(s, startRecord(s)),
} satisfies FeatureActions;
