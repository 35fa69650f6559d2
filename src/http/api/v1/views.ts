// Tasks and consultations as /api/v1 shows them (schemas.ts): people and units by code, instants in ISO 8601.
import type { z } from '@hono/zod-openapi';
import type { ConsultationTimeline, TaskEventRow } from '../../../app/ports/stores/integration.js';
import type { Consultation } from '../../../domain/consultation/types.js';
import { OfficialId, UnitId } from '../../../domain/ids.js';
import type { OrgDirectory } from '../../../domain/org/directory.js';
import type { Task } from '../../../domain/task/types.js';
import type { ConsultationEntrySchema, ConsultationSchema, PersonSchema, RespondentSchema, TaskEventSchema, TaskSchema } from './schemas.js';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function person(org: OrgDirectory, id: number): z.infer<typeof PersonSchema> {
  const o = org.official(OfficialId(id));
  return { code: o?.code ?? String(id), name: o?.fullName ?? '' };
}

const codeOf = (org: OrgDirectory, id: number | null) => (id === null ? null : (org.official(OfficialId(id))?.code ?? String(id)));

export function taskView(org: OrgDirectory, t: Task): z.infer<typeof TaskSchema> {
  return {
    kind: 'task',
    code: t.code,
    status: t.status,
    content: t.title,
    details: t.description,
    expectedResult: t.expectedResult,
    priority: t.priority,
    deadline: t.deadline.toISOString(),
    originalDeadline: t.originalDeadline.toISOString(),
    assigner: person(org, t.assignerId),
    assignee: person(org, t.assigneeId),
    unit: org.unit(UnitId(t.unitId))?.code ?? String(t.unitId),
    sourceDocument: t.sourceDocRef,
    progressPercent: t.progressPercent,
    createdAt: t.createdAt.toISOString(),
    acceptedAt: iso(t.acceptedAt),
    completedAt: iso(t.completedAt),
    closedAt: iso(t.closedAt),
    cancelledAt: iso(t.cancelledAt),
    declinedAt: iso(t.declinedAt),
    resultNote: t.resultNote,
  };
}

export function taskEventView(org: OrgDirectory, e: TaskEventRow): z.infer<typeof TaskEventSchema> {
  return {
    at: e.at.toISOString(),
    kind: e.kind,
    actor: codeOf(org, e.actorId),
    reason: e.reason,
    note: e.note,
    percent: e.percent,
    newDeadline: iso(e.newDeadline),
  };
}

export function consultationView(org: OrgDirectory, c: Consultation): z.infer<typeof ConsultationSchema> {
  return {
    kind: 'consultation',
    code: c.code,
    status: c.status,
    subject: c.subject,
    question: c.question,
    priority: c.priority,
    deadline: c.deadline.toISOString(),
    asker: person(org, c.askerId),
    unit: org.unit(UnitId(c.unitId))?.code ?? String(c.unitId),
    round: c.round,
    decision: c.decision,
    createdAt: c.createdAt.toISOString(),
    closedAt: iso(c.closedAt),
  };
}

export function consultationTimelineView(
  org: OrgDirectory,
  t: ConsultationTimeline,
): { respondents: z.infer<typeof RespondentSchema>[]; timeline: z.infer<typeof ConsultationEntrySchema>[] } {
  return {
    respondents: t.respondents.map((r) => ({ official: person(org, r.officialId), stance: r.stance, stanceText: r.stanceText, answeredAt: iso(r.answeredAt) })),
    timeline: t.entries.map((e) => ({ at: e.at.toISOString(), kind: e.kind, author: codeOf(org, e.authorId), stance: e.stance, text: e.text })),
  };
}
