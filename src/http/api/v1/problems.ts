// Errors of the integration API as RFC 9457 problem details (application/problem+json), each with the field it is
// about and its message in Vietnamese and English from the catalogue (locales/*/api.ftl and the rules' own keys).
import { z } from '@hono/zod-openapi';
import type { DomainError } from '../../../domain/errors.js';
import { formatDateTime } from '../../../domain/time/local-time.js';
import { type Catalogue, dynamicKey, type MessageArgs } from '../../../i18n/catalogue.js';

export const PROBLEM_TYPE = 'application/problem+json';

/** A refusal the routes throw; onError (index.ts) answers it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly args: MessageArgs = {},
    readonly field?: string,
    readonly headers: Record<string, string> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(key);
    this.name = 'ApiProblem';
  }
}

export interface FieldError {
  field: string;
  message: { vi: string; en: string };
}

const Bilingual = z.object({ vi: z.string(), en: z.string() });

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:dondoc:problem:five-clear-result' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** The catalogue key: stable, for programs. */
    code: z.string(),
    field: z.string().optional(),
    message: Bilingual,
    errors: z.array(z.object({ field: z.string(), message: Bilingual })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details; `message` in Vietnamese and English, `field` names the part of the request at fault.' });

export type Problem = z.infer<typeof ProblemSchema>;

/**
 * Where a rule's refusal points in a task or consultation request: the "5 rõ" parts (PRODUCT.md §1) and the
 * deadline checks. A key not listed is about the request as a whole.
 */
const DOMAIN_FIELDS: Record<string, string> = {
  'five-clear-person': 'assignees',
  'five-clear-job': 'content',
  'five-clear-deadline': 'deadline',
  'five-clear-responsibility': 'assigner',
  'five-clear-result': 'expectedResult',
  'five-clear-priority': 'priority',
  'deadline-in-past': 'deadline',
  'deadline-unreadable': 'deadline',
  'deadline-too-far': 'deadline',
  'assign-not-allowed': 'assignees',
  'consult-clear-respondents': 'respondents',
  'consult-self': 'respondents',
  'consult-too-many': 'respondents',
  'consult-respondent-unknown': 'respondents',
  'consult-clear-deadline': 'deadline',
  'consult-clear-subject': 'subject',
  'consult-clear-question': 'question',
  'reason-required': 'reason',
  'task-extend-not-later': 'deadline',
};

/** A rule's refusal: 404 for what does not exist, 409 for a state that does not allow it, else 422. */
export function problemFromDomain(e: DomainError, timezone: string, field?: string): ApiProblem {
  const args = Object.fromEntries(Object.entries(e.args).map(([k, v]) => [k, v instanceof Date ? formatDateTime(v, timezone) : v]));
  const status = /-not-found$/.test(e.key) ? 404 : /wrong-state|-pending$|-decided$|-voided$|-exists$/.test(e.key) ? 409 : 422;
  return new ApiProblem(status, e.key, args, field ?? DOMAIN_FIELDS[e.key]);
}

export function problemBody(catalogue: Catalogue, p: ApiProblem): Problem {
  // A request with several bad fields reads as its first; `errors` lists them all.
  const { vi, en } = p.errors[0]?.message ?? { vi: catalogue.t('vi', dynamicKey(p.key), p.args), en: catalogue.t('en', dynamicKey(p.key), p.args) };
  return {
    type: `urn:dondoc:problem:${p.key}`,
    title: en,
    status: p.status,
    detail: vi,
    code: p.key,
    ...(p.field ? { field: p.field } : {}),
    message: { vi, en },
    ...(p.errors.length > 0 ? { errors: p.errors } : {}),
  };
}

export function problemResponse(catalogue: Catalogue, p: ApiProblem): Response {
  return new Response(JSON.stringify(problemBody(catalogue, p)), {
    status: p.status,
    headers: { 'content-type': PROBLEM_TYPE, ...p.headers },
  });
}

/** zod's own message for an issue in one language (zod ships Vietnamese and English). */
function zodMessage(locale: 'vi' | 'en', issue: z.core.$ZodIssue): string {
  const made = (locale === 'vi' ? z.locales.vi() : z.locales.en()).localeError?.(issue as never);
  return typeof made === 'string' ? made : (made?.message ?? issue.message);
}

/** A request that does not fit its schema: 400, one entry per field, the first as `field`. */
export function problemFromZod(catalogue: Catalogue, issues: readonly z.core.$ZodIssue[], where: string): ApiProblem {
  const errors: FieldError[] = issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : where;
    return {
      field,
      message: {
        vi: catalogue.t('vi', 'api-invalid-field', { field, detail: zodMessage('vi', issue) }),
        en: catalogue.t('en', 'api-invalid-field', { field, detail: zodMessage('en', issue) }),
      },
    };
  });
  const first = errors[0]!;
  return new ApiProblem(400, 'api-invalid-field', { field: first.field, detail: zodMessage('en', issues[0]!) }, first.field, {}, errors);
}
