// A head reviews signals (PRODUCT.md §1: evidence, not a verdict): confirm or dismiss each with a reason; the person
// is told and may answer with an explanation. Heads also record by hand the behaviours the data cannot show.
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import { toStored } from '../../domain/signals/evidence.js';
import { mayReviewSignal, SIGNAL_LIMITS } from '../../domain/signals/review.js';
import { isManualBehaviour, manualRule } from '../../domain/signals/types.js';
import { checkReason } from '../../domain/task/five-clear.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { SignalRecord as Signal } from '../ports/stores/signals.js';
import { notify } from '../notify.js';
import { inTransaction } from '../transaction.js';
import { cbtn } from '../views/consultation-views.js';
import { personLabel } from '../views/people.js';
import { signalHeadline } from '../views/signal-views.js';

async function lockSignalOrFail(app: AppContext, tx: StoreTx, id: number): Promise<Signal> {
  const signal = await app.stores.signals.lock(tx, id);
  if (!signal) throw new DomainError('signal-not-found');
  return signal;
}

export async function reviewSignal(
  app: AppContext,
  reviewerId: OfficialId,
  signalId: number,
  decision: 'CONFIRMED' | 'DISMISSED',
  rawReason: string,
): Promise<Signal> {
  const reason = checkReason(rawReason, SIGNAL_LIMITS.reason);
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await lockSignalOrFail(app, tx, signalId);
    if (!mayReviewSignal(org, reviewerId, OfficialId(before.officialId))) throw new DomainError('signal-not-yours');
    if (before.status !== 'PENDING') throw new DomainError('signal-already-reviewed');
    const s = await app.stores.signals.update(tx, signalId, { status: decision, reviewedById: reviewerId, reviewedAt: now, reviewReason: reason });
    await app.stores.audit.append(tx, {
      at: now,
      actorId: reviewerId,
      action: decision === 'CONFIRMED' ? 'signal.confirmed' : 'signal.dismissed',
      entity: 'signal',
      entityId: s.id,
      data: { reason },
    });
    const item = await app.stores.items.summary(s.itemKind, s.itemId);
    await notify(app, tx, effects, s.officialId, (t, v) => ({
      text: [
        t(decision === 'CONFIRMED' ? 'signal-confirmed-notice' : 'signal-dismissed-notice', {
          headline: signalHeadline(t, s),
          who: personLabel(t, org.official(reviewerId)),
          item: item ? `${item.code} "${v.quote(item.title, 120)}"` : '—',
          reason: v.block(reason, 1000),
        }),
        ...(decision === 'CONFIRMED' ? [t('signal-confirmed-explain')] : []),
      ].join('\n'),
      buttons: decision === 'CONFIRMED' ? [[cbtn(t, 'btn-signal-explain', 'signal.explain', s.id)]] : [],
    }));
    return s;
  });
}

/** The person's own explanation of a signal about them, kept with it and sent to the head who reviewed it. */
export async function explainSignal(app: AppContext, personId: OfficialId, signalId: number, raw: string): Promise<Signal> {
  const text = checkReason(raw, SIGNAL_LIMITS.explanation);
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await lockSignalOrFail(app, tx, signalId);
    if (before.officialId !== personId) throw new DomainError('signal-not-yours');
    if (before.explanation) throw new DomainError('signal-explained-already');
    const s = await app.stores.signals.update(tx, signalId, { explanation: text, explainedAt: now });
    await app.stores.audit.append(tx, { at: now, actorId: personId, action: 'signal.explained', entity: 'signal', entityId: s.id, data: {} });
    const to = s.reviewedById ?? s.recordedById ?? org.superiorOf(personId)?.id;
    if (to) {
      const item = await app.stores.items.summary(s.itemKind, s.itemId);
      await notify(app, tx, effects, to, (t, v) => ({
        text: t('signal-explained-notice', {
          headline: signalHeadline(t, s),
          who: personLabel(t, org.official(personId)),
          item: item ? `${item.code} "${v.quote(item.title, 120)}"` : '—',
          text: v.block(text, 2000),
        }),
      }));
    }
    return s;
  });
}

export interface ManualSignalInput {
  personId: OfficialId;
  behaviour: number;
  note: string;
  item?: { kind: 'TASK' | 'CONSULTATION'; id: number } | undefined;
}

/** Behaviours 3, 7, 9, 11: a head records them by hand with a note; the record is their own judgement (confirmed). */
export async function recordManualSignal(app: AppContext, recorderId: OfficialId, input: ManualSignalInput): Promise<Signal> {
  if (!isManualBehaviour(input.behaviour)) throw new DomainError('signal-manual-behaviour');
  const note = checkReason(input.note, SIGNAL_LIMITS.note);
  const org = await app.org();
  if (!mayReviewSignal(org, recorderId, input.personId)) throw new DomainError('signal-not-yours');
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const rule = manualRule(input.behaviour as 3 | 7 | 9 | 11);
    if (input.item) {
      if (await app.stores.signals.exists(tx, { rule, itemKind: input.item.kind, itemId: input.item.id, officialId: input.personId }))
        throw new DomainError('signal-duplicate');
    }
    const s = await app.stores.signals.create(tx, {
      behaviour: input.behaviour,
      rule,
      officialId: input.personId,
      itemKind: input.item?.kind ?? null,
      itemId: input.item?.id ?? null,
      evidence: toStored([], {}),
      status: 'CONFIRMED',
      raisedAt: now,
      recordedById: recorderId,
      note,
      reviewedById: recorderId,
      reviewedAt: now,
      reviewReason: note,
    });
    await app.stores.audit.append(tx, {
      at: now,
      actorId: recorderId,
      action: 'signal.recorded',
      entity: 'signal',
      entityId: s.id,
      data: { behaviour: input.behaviour, officialId: input.personId, note },
    });
    const item = await app.stores.items.summary(s.itemKind, s.itemId);
    await notify(app, tx, effects, s.officialId, (t, v) => ({
      text: [
        t('signal-recorded-notice', {
          headline: signalHeadline(t, s),
          who: personLabel(t, org.official(recorderId)),
          item: item ? `${item.code} "${v.quote(item.title, 120)}"` : '—',
          reason: v.block(note, 1000),
        }),
        t('signal-confirmed-explain'),
      ].join('\n'),
      buttons: [[cbtn(t, 'btn-signal-explain', 'signal.explain', s.id)]],
    }));
    return s;
  });
}
