// The webhook job of one subscription: sends what is due (src/app/integration-events/dispatch.ts), then wakes itself
// for what still waits (a retry's back-off, a sender's hold). The database says what is due; this only decides when
// to look again.
import type { Job } from 'bullmq';
import type { AppContext } from '../../src/app/context.js';
import { type DispatchDeps, dispatchSubscription } from '../../src/app/integration-events/dispatch.js';
import type { BullWebhookKicker, WebhookJobData } from './kicker.js';

export interface WebhookJobDeps {
  app: AppContext;
  dispatch: DispatchDeps;
  kicker: BullWebhookKicker;
}

export async function processWebhookJob(deps: WebhookJobDeps, job: Pick<Job<WebhookJobData>, 'data'>): Promise<number> {
  const id = job.data.subscriptionId;
  const r = await dispatchSubscription(deps.app, id, deps.dispatch);
  if (r.nextAt) {
    await deps.kicker.kick([id], Math.max(0, r.nextAt.getTime() - Date.now()));
    // While this job runs, only the last wake-up added is kept: one that came between the look above and the delayed
    // wake-up would be lost behind the back-off. Its delivery is committed before its wake-up, so looking again finds it.
    const again = await deps.app.stores.integrationEvents.nextAttemptAt(id);
    if (again && again.getTime() <= Date.now() && r.nextAt.getTime() > Date.now()) await deps.kicker.kick([id]);
  }
  return r.delivered;
}
