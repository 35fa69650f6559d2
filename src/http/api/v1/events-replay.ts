// POST /api/v1/events/replay (issue 17 §4): a system asks for the events of a time range again. The route (events.ts)
// authenticates the key, checks its scope and validates the body against ReplayBody; this is what follows. A caller
// replays the subscription named like its key unless the body names another; either way only a subscription within
// the key's unit subtree, and only events of items in that subtree.
//
//   POST /api/v1/events/replay   {"from": "2026-12-07T00:00:00+07:00", "to": "2026-12-08T00:00:00+07:00", "subscription": "QLVB"}
//   200 {"subscription": "QLVB", "requeued": 3, "added": 0}
//
// Refusals are thrown as ApiProblem: the API's one problem shape (problems.ts), answered by the route's idempotent().
import { z } from 'zod';
import type { AppContext } from '../../../app/context.js';
import { replayEvents } from '../../../app/integration-events/replay.js';
import { DomainError } from '../../../domain/errors.js';
import { ApiProblem } from './problems.js';

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
export type ReplayBody = z.infer<typeof ReplayBody>;

export const ReplayAnswer = z.object({ subscription: z.string(), requeued: z.number().int(), added: z.number().int() });
export type ReplayAnswer = z.infer<typeof ReplayAnswer>;

/** Replays for one authenticated caller a body the route has already validated. */
export async function replayFor(app: AppContext, caller: ApiCaller, body: ReplayBody): Promise<ReplayAnswer> {
  try {
    const r = await replayEvents(app, {
      name: body.subscription ?? caller.keyName,
      from: new Date(body.from),
      to: new Date(body.to),
      ...(caller.unitId !== null ? { withinUnitId: caller.unitId } : {}),
    });
    return ReplayAnswer.parse(r);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    if (e.key === 'webhook-not-found') throw new ApiProblem(404, e.key, e.args, 'subscription');
    if (e.key === 'webhook-replay-forbidden') throw new ApiProblem(403, e.key, e.args, 'subscription');
    throw new ApiProblem(400, e.key, e.args, e.key.startsWith('webhook-replay') ? 'from' : undefined);
  }
}
