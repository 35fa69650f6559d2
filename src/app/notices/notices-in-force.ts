// An official imported after a notice went out (issue 15 §5): every open notice whose scope now includes them (a
// unit, or a unit's subtree, it was sent to) adds them as a recipient with the policy's time to confirm from now,
// starts their clock and sends them the notice. Run after an organisation import; running it again adds nobody.
import { OfficialId } from '../../domain/ids.js';
import { officialsInScope, inNoticeReach } from '../../domain/notice/recipients.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { defaultConfirmDeadline, sendWithDocument } from './create-notice.js';

export interface InForceResult {
  /** Recipients added, across notices. */
  added: number;
  notices: string[];
}

export async function deliverNoticesInForce(app: AppContext): Promise<InForceResult> {
  const org = await app.org();
  const out: InForceResult = { added: 0, notices: [] };
  for (const { notice, scopes, recipients } of await app.stores.notices.openWithScopes()) {
    const sender = OfficialId(notice.senderId);
    const fresh = new Set<number>();
    // People named one by one were chosen by name: only units and subtrees take newcomers.
    for (const scope of scopes) {
      if (scope.kind !== 'unit') continue;
      for (const o of officialsInScope(org, scope)) if (!recipients.has(o.id) && inNoticeReach(org, sender, o.id)) fresh.add(o.id);
    }
    if (fresh.size === 0) continue;
    const now = app.time.now();
    const deadline = await defaultConfirmDeadline(app, now);
    const added = await inTransaction(app, async (tx, effects) => {
      const rows = await app.stores.notices.addRecipients(
        tx,
        notice.id,
        [...fresh].map((id) => ({ officialId: id, unitId: org.official(OfficialId(id))!.unitId, addedAt: now, deadline })),
      );
      if (rows.length === 0) return 0;
      await app.stores.notices.audit(tx, {
        at: now,
        actorId: null,
        action: 'recipients-added',
        noticeId: notice.id,
        data: { code: notice.code, officials: rows.map((r) => r.officialId) },
      });
      await sendWithDocument(app, tx, effects, notice, rows, now);
      return rows.length;
    });
    if (added > 0) {
      out.added += added;
      out.notices.push(notice.code);
    }
  }
  return out;
}
