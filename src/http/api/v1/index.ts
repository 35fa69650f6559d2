// The integration API, /api/v1 (issue 17): REST for the office's document system, described by the OpenAPI 3.1
// document at /api/v1/openapi.json, generated from the zod schemas the routes validate with (@hono/zod-openapi).
// Every call but the document needs a key (auth.ts); every call a key makes is in the audit log under its name.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { auditApiCall } from '../../../app/integration/api-keys.js';
import { DomainError } from '../../../domain/errors.js';
import { authenticate } from './auth.js';
import { registerConsultations } from './consultations.js';
import type { ApiDeps, ApiEnv } from './env.js';
import { registerEvaluation } from './evaluation.js';
import { registerEvents } from './events.js';
import { registerItems } from './items.js';
import { registerOrg } from './org.js';
import { ApiProblem, problemFromDomain, problemFromZod, problemResponse } from './problems.js';
import { registerTasks } from './tasks.js';

export const API_V1_PATH = '/api/v1';
export const OPENAPI_PATH = `${API_V1_PATH}/openapi.json`;

export function createApiV1(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  const { app } = deps;
  const api = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) return problemResponse(app.catalogue, problemFromZod(app.catalogue, result.error.issues, result.target));
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from `npm run cli -- api-key create`.',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'dondoc integration API',
      version: '1.0.0',
      description:
        'Tasks and requests for opinion from the office document system, with the same rules as the chat. Errors are application/problem+json with the field and a message in Vietnamese and English.',
    },
    servers: [{ url: API_V1_PATH }],
  });

  /** The problem answer for anything a route or the key check threw. */
  const answerError = (e: unknown, path: string): Response => {
    if (e instanceof ApiProblem) return problemResponse(app.catalogue, e);
    if (e instanceof DomainError) return problemResponse(app.catalogue, problemFromDomain(e, app.policy.calendar.timezone));
    // Hono's own refusals before a route runs: a body that is not JSON.
    if (e instanceof HTTPException && e.status < 500) return problemResponse(app.catalogue, new ApiProblem(400, 'api-invalid-json'));
    app.logger.error({ err: e, path }, 'api: internal error');
    return problemResponse(app.catalogue, new ApiProblem(500, 'api-internal'));
  };

  // The document is public; everything else needs a key. The audit row is written once the answer is known, for
  // every call a key made (refused by its rate or scope too).
  api.use('*', async (c, next) => {
    if (c.req.path === OPENAPI_PATH) return next();
    try {
      await authenticate(deps)(c, next);
    } catch (e) {
      c.res = answerError(e, c.req.path);
    }
    const key = c.get('key');
    if (key)
      await auditApiCall(app, key, {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        idempotencyKey: c.req.header('idempotency-key'),
        items: c.get('items'),
      }).catch((e) => app.logger.error({ err: e, key: key.name }, 'api: could not write the audit row'));
  });

  registerTasks(api, deps);
  registerConsultations(api, deps);
  registerItems(api, deps);
  registerOrg(api, deps);
  registerEvaluation(api, deps);
  registerEvents(api, deps);

  api.notFound(() => problemResponse(app.catalogue, new ApiProblem(404, 'api-not-found')));
  api.onError((e, c) => answerError(e, c.req.path));
  return api;
}

/** Mounts /api/v1 on the server's Hono app (main.ts, the test harness). */
export function mountApiV1(http: Hono, deps: ApiDeps): void {
  http.route(API_V1_PATH, createApiV1(deps));
}
