// `npm run cli -- webhook add | list | remove | replay`: the systems that hear dondoc's events (issue 17 §4, README
// "Events (webhooks)"). The signing secret is made by `add`, printed once and stored sealed with WEBHOOK_SECRET_KEY.
import { addSubscription, listSubscriptions, removeSubscription } from '../../app/integration-events/subscriptions.js';
import { replayEvents } from '../../app/integration-events/replay.js';
import { createTokenCipher } from '../../channels/zalo-oa/token-crypto.js';
import { DomainError } from '../../domain/errors.js';
import { parseReplayBound } from '../../domain/integration/replay-range.js';
import { yearIn } from '../../domain/time/local-time.js';
import { errBothLanguages } from '../bilingual.js';
import type { CliContext } from '../context.js';
import { defineCommand } from '../define-command.js';
import { withApp } from '../with-app.js';

/** Runs `fn`; a rule saying no is printed in both languages (exit 1). */
async function answering(ctx: CliContext, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    errBothLanguages(ctx, e.key, e.args);
    return 1;
  }
}

function usage(ctx: CliContext, text: string): number {
  ctx.err(`usage: npm run cli -- ${text}`);
  return 2;
}

const ADD_USAGE = 'webhook add --name NAME --url https://… --events task.accepted,task.completed,… [--unit CODE]';

export const webhookAddCommand = defineCommand({
  path: ['webhook', 'add'],
  usage: ADD_USAGE,
  summary: 'send events to another system by signed webhook; prints the signing secret once',
  options: { name: { type: 'string' }, url: { type: 'string' }, events: { type: 'string' }, unit: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0 || values.url === undefined || values.events === undefined) return usage(ctx, ADD_USAGE);
    const keyring = ctx.config.webhookKeyring;
    if (!keyring) {
      errBothLanguages(ctx, 'webhook-no-key');
      return 2;
    }
    return answering(ctx, () =>
      withApp(ctx, async (app) => {
        const { subscription, secret } = await addSubscription(app, createTokenCipher(keyring), {
          name: values.name ?? '',
          url: values.url!,
          events: values.events!,
          unitCode: values.unit,
        });
        const t = app.catalogue.translator('vi');
        ctx.out(
          t('webhook-added', {
            name: subscription.name,
            url: subscription.url,
            events: subscription.events.join(', '),
            scope: values.unit ? values.unit.trim() : t('webhook-scope-all'),
          }),
        );
        ctx.out(t('webhook-secret-once'));
        ctx.out(secret);
        return 0;
      }),
    );
  },
});

export const webhookListCommand = defineCommand({
  path: ['webhook', 'list'],
  usage: 'webhook list',
  summary: 'the webhooks, with what waits to be delivered and the last error',
  options: {},
  async run(ctx, { positionals }) {
    if (positionals.length > 0) return usage(ctx, 'webhook list');
    return withApp(ctx, async (app) => {
      const rows = await listSubscriptions(app);
      const t = app.catalogue.translator('vi');
      if (rows.length === 0) ctx.out(t('webhook-list-empty'));
      // One line each, tab-separated: name, URL, events, unit (or *), waiting, delivered, oldest waiting, last error.
      for (const r of rows) {
        ctx.out(
          [r.name, r.url, r.events.join(','), r.unitCode ?? '*', r.pending, r.delivered, r.oldestPendingAt?.toISOString() ?? '-', r.lastError ?? '-'].join(
            '\t',
          ),
        );
      }
      return 0;
    });
  },
});

export const webhookRemoveCommand = defineCommand({
  path: ['webhook', 'remove'],
  usage: 'webhook remove --name NAME',
  summary: 'stop sending events to a system (its waiting deliveries are dropped)',
  options: { name: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0 || !values.name) return usage(ctx, 'webhook remove --name NAME');
    return answering(ctx, () =>
      withApp(ctx, async (app) => {
        await removeSubscription(app, values.name!);
        ctx.out(app.catalogue.translator('vi')('webhook-removed', { name: values.name!.trim() }));
        return 0;
      }),
    );
  },
});

const REPLAY_USAGE = 'webhook replay --name NAME --from DATE|DATETIME --to DATE|DATETIME';

export const webhookReplayCommand = defineCommand({
  path: ['webhook', 'replay'],
  usage: REPLAY_USAGE,
  summary: 'send the events of a time range to a webhook again (in order per item; receivers dedupe by event id)',
  options: { name: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0 || !values.name || values.from === undefined || values.to === undefined) return usage(ctx, REPLAY_USAGE);
    const bound = { timezone: ctx.config.timezone, thisYear: yearIn(ctx.config.timezone, ctx.time.now()) };
    const from = parseReplayBound(values.from, { ...bound, end: false });
    const to = parseReplayBound(values.to, { ...bound, end: true });
    if (!from || !to) {
      errBothLanguages(ctx, 'webhook-replay-range');
      return 2;
    }
    return answering(ctx, () =>
      withApp(ctx, async (app) => {
        const r = await replayEvents(app, { name: values.name!, from, to });
        ctx.out(app.catalogue.translator('vi')('webhook-replayed', { name: r.subscription, requeued: r.requeued, added: r.added }));
        return 0;
      }),
    );
  },
});
