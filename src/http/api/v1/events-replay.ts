// POST /api/v1/events/replay (issue 17 §4): a system asks for the events of a time range again. The API key's
// authentication is not here: the router that mounts this (written with the keys, src/http/api/v1/) authenticates
// first and hands the caller in. A caller replays the subscription named like its key unless the body names another;
// either way only a subscription within the key's unit subtree, and only events of items in that subtree.
//
//   POST /api/v1/events/replay   {"from": "2026-12-07T00:00:00+07:00", "to": "2026-12-08T00:00:00+07:00", "subscription": "QLVB"}
//   200 {"subscription": "QLVB", "requeued": 3, "added": 0}
//
// Errors are the API's application/problem+json (problems.ts): the field and the message in Vietnamese and English.
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.js';
import { replayEvents } from '../../../app/integration-events/replay.js';
import { DomainError } from '../../../domain/errors.js';
import { UnitId } from '../../../domain/ids.js';
import type { MessageArgs } from '../../../i18n/catalogue.js';
import { ApiProblem, problemResponse } from './problems.js';

/** Who is calling, as the API key's authentication established it. */
export interface ApiCaller {
  /** The key's name: the named system it acts as ("QLVB"). */
  keyName: string;
  /** The root of the key's unit subtree; null for a key over the whole organisation. */
  unitId: number | null;
}

export const ReplayBody = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  /** The subscription's name; default the key's name. */
  subscription: z.string().trim().min(1).max(64).optional(),
});

export const ReplayAnswer = z.object({ subscription: z.string(), requeued: z.number().int(), added: z.number().int() });

/** The API's one problem shape (problems.ts), so the answer fits the served document like every other route's. */
function problem(_c: Context, app: AppContext, status: 400 | 403 | 404, key: string, args: MessageArgs = {}, field?: string): Response {
  return problemResponse(app.catalogue, new ApiProblem(status, key, args, field));
}

/** The handler for one authenticated caller: `(c) => Response`. */
export function eventsReplayHandler(app: AppContext, caller: ApiCaller): (c: Context) => Promise<Response> {
  return async (c) => {
    const raw = await c.req.json().catch(() => undefined);
    const parsed = ReplayBody.safeParse(raw);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || undefined;
      return problem(c, app, 400, 'webhook-replay-problem', {}, field);
    }
    const name = parsed.data.subscription ?? caller.keyName;
    const sub = await app.stores.integrationEvents.findSubscription(name);
    if (!sub) return problem(c, app, 404, 'webhook-not-found', { name }, 'subscription');
    if (caller.unitId !== null) {
      const org = await app.org();
      if (sub.unitId === null || !org.isUnitInSubtree(UnitId(sub.unitId), UnitId(caller.unitId))) {
        return problem(c, app, 403, 'webhook-replay-forbidden', { name }, 'subscription');
      }
    }
    try {
      const r = await replayEvents(app, {
        name,
        from: new Date(parsed.data.from),
        to: new Date(parsed.data.to),
        ...(caller.unitId !== null ? { withinUnitId: caller.unitId } : {}),
      });
      return c.json(ReplayAnswer.parse(r), 200);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return problem(c, app, e.key === 'webhook-not-found' ? 404 : 400, e.key, e.args, e.key.startsWith('webhook-replay') ? 'from' : undefined);
    }
  };
}
