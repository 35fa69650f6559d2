// Where each organisation's bots receive (README "A province"). The 'default' organisation keeps today's paths and
// secrets (/telegram/webhook, /zalo/webhook, TELEGRAM_WEBHOOK_SECRET, ZALO_WEBHOOK_SECRET); another organisation X is
// served at /telegram/X/webhook and /zalo/X/webhook with a secret of its own, the hex HMAC-SHA256 of X under the
// process's secret (given to the platform when the webhook is set), so one leaked organisation secret opens no other.
// Routes cannot be added once the HTTP server serves, so one route per platform takes every organisation and finds
// the bot here at each request: organisations started later are reached, a stopped one is gone (404).
import { createHmac } from 'node:crypto';
import type { TelegramWebhookTarget } from '../channels/telegram/webhook.js';
import type { ZaloWebhookTarget } from '../channels/zalo/webhook.js';

export const DEFAULT_ORGANISATION = 'default';

/** The secret a platform sends with organisation `orgId`'s updates: the process's own for 'default'. */
export function organisationSecret(processSecret: string, orgId: string): string {
  if (orgId === DEFAULT_ORGANISATION) return processSecret;
  return createHmac('sha256', processSecret).update(orgId, 'utf8').digest('hex');
}

/**
 * The URL the platform posts organisation `orgId`'s updates to: the process's URL with its path `defaultPath`
 * (/telegram/webhook) turned into the organisation's (/telegram/<org>/webhook). Throws when the URL has no such path.
 */
export function organisationWebhookUrl(processUrl: string, defaultPath: string, orgId: string): string {
  if (orgId === DEFAULT_ORGANISATION) return processUrl;
  const url = new URL(processUrl);
  const at = url.pathname.lastIndexOf(defaultPath);
  if (at < 0 || at + defaultPath.length !== url.pathname.length)
    throw new Error(`the webhook URL ${processUrl} must end with ${defaultPath} so that organisation ${orgId} gets its own path`);
  const [platform] = defaultPath.split('/').filter(Boolean);
  url.pathname = `${url.pathname.slice(0, at)}/${platform}/${orgId}/webhook`;
  return url.toString();
}

/** The path of organisation `orgId`'s webhook (default: `defaultPath` itself). */
export function organisationWebhookPath(defaultPath: string, orgId: string): string {
  if (orgId === DEFAULT_ORGANISATION) return defaultPath;
  const [platform] = defaultPath.split('/').filter(Boolean);
  return `/${platform}/${orgId}/webhook`;
}

/** The running organisations' webhook targets, by platform and organisation. */
export class OrganisationWebhooks {
  readonly telegram = new Map<string, TelegramWebhookTarget>();
  readonly zalo = new Map<string, ZaloWebhookTarget>();

  /** For the route with `:org`: another organisation's target ('default' is only at the path without one). */
  telegramFor = (org: string | undefined): TelegramWebhookTarget | undefined =>
    org === undefined ? this.telegram.get(DEFAULT_ORGANISATION) : org === DEFAULT_ORGANISATION ? undefined : this.telegram.get(org);

  zaloFor = (org: string | undefined): ZaloWebhookTarget | undefined =>
    org === undefined ? this.zalo.get(DEFAULT_ORGANISATION) : org === DEFAULT_ORGANISATION ? undefined : this.zalo.get(org);

  forget(orgId: string): void {
    this.telegram.delete(orgId);
    this.zalo.delete(orgId);
  }
}
