// The shapes /api/v1 answers with, in one place: the routes validate and document with them, the OpenAPI document
// is generated from them (index.ts), and views.ts fills them.
import { z } from '@hono/zod-openapi';
import { PRIORITIES } from '../../../domain/priority.js';
import { TASK_STATUSES } from '../../../domain/task/types.js';
import { ProblemSchema, PROBLEM_TYPE } from './problems.js';

export const PrioritySchema = z.enum(PRIORITIES).openapi('Priority');
export const TaskStatusSchema = z.enum(TASK_STATUSES).openapi('TaskStatus');
export const ConsultationStatusSchema = z.enum(['OPEN', 'CLOSED', 'SUPERSEDED']).openapi('ConsultationStatus');
const Instant = z.string().openapi({ format: 'date-time', example: '2026-12-11T10:00:00.000Z' });

export const PersonSchema = z.object({ code: z.string(), name: z.string() }).openapi('Person');

export const TaskSchema = z
  .object({
    kind: z.literal('task'),
    code: z.string().openapi({ example: 'NV-2026-0001' }),
    status: TaskStatusSchema,
    content: z.string(),
    details: z.string().nullable(),
    expectedResult: z.string(),
    priority: PrioritySchema,
    deadline: Instant,
    originalDeadline: Instant,
    assigner: PersonSchema,
    assignee: PersonSchema,
    unit: z.string(),
    sourceDocument: z.string().nullable(),
    progressPercent: z.number().int(),
    createdAt: Instant,
    acceptedAt: Instant.nullable(),
    completedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    cancelledAt: Instant.nullable(),
    declinedAt: Instant.nullable(),
    resultNote: z.string().nullable(),
  })
  .openapi('Task');

export const TaskEventSchema = z
  .object({
    at: Instant,
    kind: z.string().openapi({ example: 'ACCEPTED' }),
    actor: z.string().nullable(),
    reason: z.string().nullable(),
    note: z.string().nullable(),
    percent: z.number().int().nullable(),
    newDeadline: Instant.nullable(),
  })
  .openapi('TaskEvent');

export const RespondentSchema = z
  .object({ official: PersonSchema, stance: z.string().nullable(), stanceText: z.string().nullable(), answeredAt: Instant.nullable() })
  .openapi('Respondent');

export const ConsultationSchema = z
  .object({
    kind: z.literal('consultation'),
    code: z.string().openapi({ example: 'YK-2026-0001' }),
    status: ConsultationStatusSchema,
    subject: z.string(),
    question: z.string(),
    priority: PrioritySchema,
    deadline: Instant,
    asker: PersonSchema,
    unit: z.string(),
    round: z.number().int(),
    decision: z.string().nullable(),
    createdAt: Instant,
    closedAt: Instant.nullable(),
  })
  .openapi('Consultation');

export const ConsultationEntrySchema = z
  .object({ at: Instant, kind: z.string(), author: z.string().nullable(), stance: z.string().nullable(), text: z.string().nullable() })
  .openapi('ConsultationEntry');

export const ItemDetailSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('task'), task: TaskSchema, timeline: z.array(TaskEventSchema) }),
    z.object({
      kind: z.literal('consultation'),
      consultation: ConsultationSchema,
      respondents: z.array(RespondentSchema),
      timeline: z.array(ConsultationEntrySchema),
    }),
  ])
  .openapi('ItemDetail');

/** The standard error answers every route may give, documented once. */
const problem = (description: string) => ({ description, content: { [PROBLEM_TYPE]: { schema: ProblemSchema } } });
export const ERROR_RESPONSES = {
  400: problem('The request does not fit the schema (the field and why, in Vietnamese and English)'),
  401: problem('No key, an unknown key or a revoked key'),
  403: problem("Outside the key's scopes or unit subtree"),
  404: problem('No such item, official or unit'),
  409: problem('The item is not in a state that allows this, or the Idempotency-Key is still in use'),
  422: problem('Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body'),
  429: problem('Too many calls for this key; see Retry-After'),
  500: problem('Internal error'),
} as const;

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Required on every POST: the same key with the same body gets the same response; with another body, 422.' }),
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
