// Stores what the detection rules found: one signal per item, rule and person (the unique key), later events of the
// same lapse merged into its evidence. Runs inside the caller's transaction, so a signal exists exactly when the
// state that raised it does.
import type { Tx } from '../../db/client.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { fromStored, mergeEvidence, toStored } from '../../domain/signals/evidence.js';
import type { SignalDraft } from '../../domain/signals/types.js';

export interface Raised {
  id: number;
  /** False when the draft was merged into a signal already there. */
  created: boolean;
  draft: SignalDraft;
}

export async function raiseSignals(tx: Tx, drafts: readonly (SignalDraft | null | undefined)[]): Promise<Raised[]> {
  const out: Raised[] = [];
  for (const d of drafts) {
    if (!d) continue;
    const evidence = toStored(d.evidence, d.facts);
    const inserted = await tx.signal.createMany({
      data: [
        {
          behaviour: d.behaviour,
          rule: d.rule,
          officialId: d.officialId,
          itemKind: d.itemKind,
          itemId: d.itemId,
          evidence: evidence as never,
          raisedAt: d.at,
        },
      ],
      skipDuplicates: true,
    });
    // Locked: two firings adding to the same signal at once must not lose each other's evidence.
    const [locked] = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM signal WHERE rule = ${d.rule} AND "itemKind" = ${d.itemKind}::"ItemKind" AND "itemId" = ${d.itemId} AND "officialId" = ${d.officialId} FOR UPDATE`;
    const row = await tx.signal.findUniqueOrThrow({ where: { id: locked!.id } });
    if (inserted.count === 1) {
      await appendAudit(tx, {
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
      await tx.signal.update({ where: { id: row.id }, data: { evidence: toStored(merged.events, merged.facts) as never } });
      await appendAudit(tx, { at: d.at, actorId: null, action: 'signal.evidence-added', entity: 'signal', entityId: row.id, data: { rule: d.rule } });
    }
    out.push({ id: row.id, created: false, draft: d });
  }
  return out;
}

/** The rule of a behaviour-5 signal already raised for this respondent, if any (a lapse is one signal). */
export async function existingAnswerLapse(tx: Tx, consultationId: number, officialId: number): Promise<'consult-late' | 'consult-no-stance' | undefined> {
  const row = await tx.signal.findFirst({
    where: { itemKind: 'CONSULTATION', itemId: consultationId, officialId, rule: { in: ['consult-late', 'consult-no-stance'] } },
    orderBy: { id: 'asc' },
    select: { rule: true },
  });
  return row?.rule as 'consult-late' | 'consult-no-stance' | undefined;
}
