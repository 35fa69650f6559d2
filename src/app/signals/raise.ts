// Stores what the detection rules found: one signal per item, rule and person (the unique key), later events of the
// same lapse merged into its evidence. Runs inside the caller's transaction, so a signal exists exactly when the
// state that raised it does.
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import { fromStored, mergeEvidence, toStored } from '../../domain/signals/evidence.js';
import type { SignalDraft } from '../../domain/signals/types.js';

export interface Raised {
  id: number;
  /** False when the draft was merged into a signal already there. */
  created: boolean;
  draft: SignalDraft;
}

export async function raiseSignals(app: AppContext, tx: StoreTx, drafts: readonly (SignalDraft | null | undefined)[]): Promise<Raised[]> {
  const { signals, audit } = app.stores;
  const out: Raised[] = [];
  for (const d of drafts) {
    if (!d) continue;
    const key = { rule: d.rule, itemKind: d.itemKind, itemId: d.itemId, officialId: d.officialId };
    const created = await signals.insertIfNew(tx, { ...key, behaviour: d.behaviour, evidence: toStored(d.evidence, d.facts), raisedAt: d.at });
    // Locked: two firings adding to the same signal at once must not lose each other's evidence.
    const row = await signals.lockByKey(tx, key);
    if (created) {
      await audit.append(tx, {
        at: d.at,
        actorId: null,
        action: 'signal.raised',
        entity: 'signal',
        entityId: row.id,
        data: { behaviour: d.behaviour, rule: d.rule, officialId: d.officialId, item: `${d.itemKind}:${d.itemId}` },
      });
      out.push({ id: row.id, created: true, draft: d });
      continue;
    }
    const merged = mergeEvidence(fromStored(row.evidence), { events: d.evidence, facts: d.facts });
    if (merged.changed) {
      await signals.update(tx, row.id, { evidence: toStored(merged.events, merged.facts) });
      await audit.append(tx, { at: d.at, actorId: null, action: 'signal.evidence-added', entity: 'signal', entityId: row.id, data: { rule: d.rule } });
    }
    out.push({ id: row.id, created: false, draft: d });
  }
  return out;
}

/** The rule of a behaviour-5 signal already raised for this respondent, if any (a lapse is one signal). */
export async function existingAnswerLapse(
  app: AppContext,
  tx: StoreTx,
  consultationId: number,
  officialId: number,
): Promise<'consult-late' | 'consult-no-stance' | undefined> {
  const rule = await app.stores.signals.firstRuleOf(tx, 'CONSULTATION', consultationId, officialId, ['consult-late', 'consult-no-stance']);
  return rule as 'consult-late' | 'consult-no-stance' | undefined;
}
