// Where a webhook may be sent: HTTPS (the body names officials and their work), or plain HTTP to this machine only
// (a receiver on the same server, and the tests). No user name or password in the URL: the signature authenticates.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
export const MAX_WEBHOOK_URL = 2000;

/** The URL as it will be called, or the reason it cannot be (a message key of locales/<lang>/webhooks.ftl). */
export function checkWebhookUrl(
  raw: string,
): { ok: true; url: string } | { ok: false; reason: 'webhook-url-invalid' | 'webhook-url-not-https' | 'webhook-url-credentials' } {
  const text = raw.trim();
  if (text === '' || text.length > MAX_WEBHOOK_URL || !URL.canParse(text)) return { ok: false, reason: 'webhook-url-invalid' };
  const url = new URL(text);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { ok: false, reason: url.protocol === 'http:' ? 'webhook-url-not-https' : 'webhook-url-invalid' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'webhook-url-credentials' };
  return { ok: true, url: url.toString() };
}
