// What every route of /api/v1 is given: the application, and per request the calling key (set by auth.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../app/context.js';
import type { ApiKeyRecord } from '../../../app/ports/stores/integration.js';
import type { KeyRateLimits } from './rate-limit.js';

export interface ApiEnv {
  Variables: {
    key: ApiKeyRecord;
    /** Item codes the call created or touched, for its audit row. */
    items: string[];
  };
}

export type ApiApp = OpenAPIHono<ApiEnv>;

export interface ApiDeps {
  app: AppContext;
  limits: KeyRateLimits;
  /** Real time to pause while a parallel retry waits for the first request's response (src/sleep.ts). */
  pause(ms: number): Promise<void>;
}
