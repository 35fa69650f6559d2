// POST /consultations: a request for opinion from the document system, through the chat's use case
// (src/app/consultations/ask.ts): respondents get the question with the stance buttons and their answer clocks.
import { createRoute, z } from '@hono/zod-openapi';
import { askForOpinion } from '../../../app/consultations/ask.js';
import { OfficialId } from '../../../domain/ids.js';
import type { Official } from '../../../domain/org/types.js';
import { requireScope, officialInReach } from './auth.js';
import type { ApiApp, ApiDeps } from './env.js';
import { idempotent } from './idempotent.js';
import { ConsultationSchema, ERROR_RESPONSES, IdempotencyHeaders, json, PrioritySchema, RespondentSchema } from './schemas.js';
import { consultationTimelineView, consultationView } from './views.js';

const OfficialCode = z.string().min(1).max(50).openapi({ example: 'TNMT-01' });

export const CreateConsultationRequest = z
  .object({
    asker: OfficialCode,
    respondents: z.array(OfficialCode).max(50).default([]),
    subject: z.string().max(1000).default(''),
    question: z.string().max(5000).default(''),
    deadline: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "ISO 8601 with offset; without it, the policy's answer time for the priority on the working calendar." }),
    priority: PrioritySchema.default('NORMAL'),
    attachments: z
      .array(z.object({ name: z.string().min(1).max(200), url: z.url({ protocol: /^https?$/ }).max(1000) }))
      .max(10)
      .default([])
      .openapi({ description: 'Links shown under the question.' }),
  })
  .openapi('CreateConsultationRequest');

const CreateConsultationResponse = z.object({ consultation: ConsultationSchema, respondents: z.array(RespondentSchema) }).openapi('CreateConsultationResponse');

const create = createRoute({
  method: 'post',
  path: '/consultations',
  tags: ['consultations'],
  summary: 'Ask officials for their opinion (scope consultations:write)',
  security: [{ bearer: [] }],
  request: { headers: IdempotencyHeaders, body: { content: { 'application/json': { schema: CreateConsultationRequest } }, required: true } },
  responses: { 201: json(CreateConsultationResponse, 'Asked; each respondent is told on their chat'), ...ERROR_RESPONSES },
});

export function registerConsultations(api: ApiApp, deps: ApiDeps): void {
  const { app } = deps;
  api.openapi(create, async (c) => {
    const key = c.get('key');
    requireScope(key, 'consultations:write');
    const body = c.req.valid('json');
    const org = await app.org();
    const byCode = (code: string, field: string): Official => officialInReach(org, key, code, field);
    const asker = byCode(body.asker, 'asker');
    const respondents = body.respondents.map((code, i) => byCode(code, `respondents.${i}`));
    return idempotent(c, deps, body, async () => {
      // Links go under the question as they are: no words of ours in the respondent's text, so any language reads it.
      const question = [body.question.trim(), ...body.attachments.map((a) => `📎 ${a.name}: ${a.url}`)].filter(Boolean).join('\n');
      const r = await askForOpinion(app, OfficialId(asker.id), {
        respondentIds: respondents.map((o) => OfficialId(o.id)),
        subject: body.subject,
        question: body.question.trim() ? question : body.question,
        deadline: body.deadline ? new Date(body.deadline) : null,
        priority: body.priority,
      });
      c.get('items').push(r.consultation.code);
      const timeline = consultationTimelineView(org, { respondents: r.respondents, entries: [] });
      return { status: 201, body: { consultation: consultationView(org, r.consultation), respondents: timeline.respondents } };
    });
  });
}
