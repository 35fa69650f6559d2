// Demand for explanation buttons: "Yêu cầu giải trình" on a task (escalation, overdue card) and a signal; the
// person's "Giải trình"; the card.
import { DomainError } from '../../../domain/errors.js';
import { OfficialId } from '../../../domain/ids.js';
import { demandParties, mayReach } from '../../../domain/org/reach.js';
import type { Action } from '../../actions.js';
import { idArg } from '../../actions.js';
import { demandCard } from '../../views/explanation-views.js';
import { nameOf, personLabel } from '../../views/people.js';
import { flowReply } from '../dialog.js';
import type { FeatureActions } from '../action-table.js';
import { startAnswer, startDemand } from '../flows/explain-flows.js';
import type { Session } from '../session.js';

async function loadDemand(s: Session, action: Action) {
  const id = idArg(action);
  const d = id === undefined ? null : await s.app.stores.explanations.byId(id);
  if (!d) throw new DomainError('explain-not-found');
  return d;
}

/** "📄 GT-2026-0002: đ/c X · Đã giải trình": the demands kept with an item, for its card. */
export async function demandLines(s: Session, itemKind: 'TASK' | 'CONSULTATION', itemId: number): Promise<string[]> {
  const org = await s.app.org();
  const rows = await s.app.stores.explanations.ofItem(itemKind, itemId);
  return rows.map((d) =>
    s.t('explain-item-line', {
      code: d.code,
      who: personLabel(s.t, org.official(OfficialId(d.officialId))),
      status: s.t(`explain-status-${d.status}`),
      deadline: s.v.dateTime(d.deadline),
    }),
  );
}

export const EXPLAIN_ACTIONS = {
  'task.explain': async (s, action) => {
    const id = idArg(action);
    const task = id === undefined ? undefined : await s.app.stores.tasks.find(id);
    if (!task) throw new DomainError('task-not-found');
    const org = await s.app.org();
    return flowReply(s, startDemand(s, { kind: 'TASK', taskId: task.id }, `${task.code} · ${nameOf(org.official(task.assigneeId))}`));
  },
  'signal.demand': async (s, action) => {
    const id = idArg(action);
    const signal = id === undefined ? null : await s.app.stores.signals.byId(id);
    if (!signal) throw new DomainError('signal-not-found');
    const item = await s.app.stores.items.summary(signal.itemKind, signal.itemId);
    const org = await s.app.org();
    return flowReply(
      s,
      startDemand(
        s,
        { kind: 'SIGNAL', signalId: signal.id },
        `${item?.code ?? s.t('signal-no-item')} · ${nameOf(org.official(OfficialId(signal.officialId)))}`,
      ),
    );
  },
  'explain.answer': async (s, action) => {
    const d = await loadDemand(s, action);
    if (d.officialId !== s.officialId) throw new DomainError('explain-not-yours', { code: d.code });
    if (d.status !== 'OPEN') throw new DomainError('explain-answered', { code: d.code });
    return flowReply(s, startAnswer(s, d.code, d.id));
  },
  'explain.view': async (s, action) => {
    const d = await loadDemand(s, action);
    const org = await s.app.org();
    if (!mayReach(org, s.officialId, demandParties(d))) throw new DomainError('explain-not-visible');
    return { replies: [demandCard(s.t, s.v, d, await s.app.stores.items.summary(d.itemKind, d.itemId), org, s.officialId)] };
  },
} satisfies FeatureActions;
