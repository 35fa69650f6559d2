// POST /events/replay: the events of a time range sent again to a subscription (issue 17 §4). The key's check, scope
// and audit row are this router's (index.ts, auth.ts); the replay itself is events-replay.ts, written with the
// webhooks. A key whose unit is the organisation's root acts over the whole organisation, as for every other route.
import { createRoute } from '@hono/zod-openapi';
import { UnitId } from '../../../domain/ids.js';
import { requireScope } from './auth.js';
import type { ApiApp, ApiDeps } from './env.js';
import { ReplayAnswer, ReplayBody, replayFor } from './events-replay.js';
import { idempotent } from './idempotent.js';
import { ERROR_RESPONSES, IdempotencyHeaders, json } from './schemas.js';

const replay = createRoute({
  method: 'post',
  path: '/events/replay',
  tags: ['events'],
  summary: 'Send the events of a time range again to a subscription, default the one named like the key (scope events:replay)',
  security: [{ bearer: [] }],
  request: { headers: IdempotencyHeaders, body: { required: true, content: { 'application/json': { schema: ReplayBody } } } },
  responses: { 200: json(ReplayAnswer, 'How many deliveries were queued again and how many added'), ...ERROR_RESPONSES },
});

export function registerEvents(api: ApiApp, deps: ApiDeps): void {
  const { app } = deps;
  api.openapi(replay, async (c) => {
    const key = c.get('key');
    requireScope(key, 'events:replay');
    const body = c.req.valid('json');
    const org = await app.org();
    const wholeOrganisation = org.unit(UnitId(key.unitId))?.parentId == null;
    const caller = { keyName: key.name, unitId: wholeOrganisation ? null : key.unitId };
    return idempotent(c, deps, body, async () => ({ status: 200, body: await replayFor(app, caller, body) }));
  });
}
