// Integration events (issue 17 §4), recorded by the use cases in their own transaction: one call each, after the
// change. The event goes into the integration_event outbox with one delivery per subscription that hears it, and the
// senders of those subscriptions are woken once the transaction has committed.
import type { ClockRecord } from '../../domain/clocks/types.js';
import type { Consultation, Stance } from '../../domain/consultation/types.js';
import type { IntegrationEventType } from '../../domain/integration/event-types.js';
import { OfficialId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { ExplanationDemand } from '../ports/stores/explanations.js';
import type { EventItemKind } from '../ports/stores/integration-events.js';
import type { Effects } from '../transaction.js';

/** An official as a receiver reads them: code (the organisation file's), name and unit code; never a phone number. */
function person(org: OrgDirectory, id: number | null | undefined): { code: string; name: string; unit: string | null } | null {
  const o = id == null ? undefined : org.official(OfficialId(id));
  return o ? { code: o.code, name: o.fullName, unit: org.unit(o.unitId)?.code ?? null } : null;
}

function taskView(org: OrgDirectory, task: Task): Record<string, unknown> {
  return {
    code: task.code,
    title: task.title,
    expectedResult: task.expectedResult,
    status: task.status,
    priority: task.priority,
    deadline: task.deadline.toISOString(),
    sourceDocRef: task.sourceDocRef,
    unit: org.unit(task.unitId)?.code ?? null,
    assigner: person(org, task.assignerId),
    assignee: person(org, task.assigneeId),
    progressPercent: task.progressPercent,
  };
}

function consultationView(org: OrgDirectory, c: Consultation): Record<string, unknown> {
  return {
    code: c.code,
    subject: c.subject,
    status: c.status,
    priority: c.priority,
    deadline: c.deadline.toISOString(),
    round: c.round,
    unit: org.unit(c.unitId)?.code ?? null,
    asker: person(org, c.askerId),
  };
}

async function record(
  app: AppContext,
  tx: StoreTx,
  effects: Effects,
  type: IntegrationEventType,
  item: { kind: EventItemKind; code: string; unitId: number },
  payload: Record<string, unknown>,
): Promise<void> {
  const { subscriptionIds } = await app.stores.integrationEvents.append(tx, {
    type,
    itemKind: item.kind,
    itemCode: item.code,
    unitId: item.unitId,
    occurredAt: app.time.now(),
    payload,
  });
  effects.kickWebhooks(subscriptionIds);
}

/** task.accepted, task.declined, task.extension_requested, task.completed, task.confirmed (and task.overdue below). */
export async function taskEvent(
  app: AppContext,
  tx: StoreTx,
  effects: Effects,
  type: Extract<IntegrationEventType, `task.${string}`>,
  task: Task,
  actorId: number | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  const org = await app.org();
  await record(
    app,
    tx,
    effects,
    type,
    { kind: 'TASK', code: task.code, unitId: task.unitId },
    { task: taskView(org, task), actor: person(org, actorId), ...details },
  );
}

/** Level 0 of a task's overdue clock fired (its first cycle): the deadline passed with the work not done. */
export async function overdueEvent(app: AppContext, tx: StoreTx, effects: Effects, clock: ClockRecord, task: Task): Promise<void> {
  if (clock.kind !== 'TASK_OVERDUE' || clock.level !== 0 || clock.cycle !== 0) return;
  await taskEvent(app, tx, effects, 'task.overdue', task, null, { dueAt: clock.dueAt.toISOString() });
}

/** consultation.answered (a stance given or changed) and consultation.closed (the asker's decision). */
export async function consultationEvent(
  app: AppContext,
  tx: StoreTx,
  effects: Effects,
  type: 'consultation.answered' | 'consultation.closed',
  c: Consultation,
  actorId: number,
  details: { respondentId?: number; stance?: Stance; text?: string | null; decision?: string } = {},
): Promise<void> {
  const org = await app.org();
  const { respondentId, ...rest } = details;
  await record(
    app,
    tx,
    effects,
    type,
    { kind: 'CONSULTATION', code: c.code, unitId: c.unitId },
    {
      consultation: consultationView(org, c),
      actor: person(org, actorId),
      ...(respondentId !== undefined ? { respondent: person(org, respondentId) } : {}),
      ...rest,
    },
  );
}

/** explanation.demanded: kept with the task or consultation it is about (ordered with its events), else its own GT-…. */
export async function explanationEvent(app: AppContext, tx: StoreTx, effects: Effects, demand: ExplanationDemand): Promise<void> {
  const org = await app.org();
  let item: { kind: EventItemKind; code: string; unitId: number } | undefined;
  if (demand.itemKind === 'TASK') {
    const task = await app.stores.tasks.find(demand.itemId, tx);
    if (task) item = { kind: 'TASK', code: task.code, unitId: task.unitId };
  } else if (demand.itemKind === 'CONSULTATION') {
    const c = (await app.stores.consultations.load(demand.itemId, tx))?.consultation;
    if (c) item = { kind: 'CONSULTATION', code: c.code, unitId: c.unitId };
  }
  const unitId = item?.unitId ?? org.official(OfficialId(demand.officialId))?.unitId;
  if (unitId === undefined) return;
  await record(app, tx, effects, 'explanation.demanded', item ?? { kind: 'EXPLANATION', code: demand.code, unitId }, {
    explanation: { code: demand.code, question: demand.question, deadline: demand.deadline.toISOString(), priority: demand.priority },
    item: item ? { kind: item.kind, code: item.code } : null,
    requester: person(org, demand.requesterId),
    official: person(org, demand.officialId),
  });
}
