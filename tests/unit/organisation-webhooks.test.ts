// Where each organisation's bots receive and under which queue prefix it runs (README "A province").
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { organisationQueuePrefix } from '../../src/runtime/organisation-runtime.js';
import { organisationSecret, organisationWebhookPath, organisationWebhookUrl } from '../../src/runtime/organisation-webhooks.js';

describe('an organisation’s webhook', () => {
  it('keeps the default organisation’s URL, path and secret as they are', () => {
    expect(organisationSecret('s3cret-of-the-process', 'default')).toBe('s3cret-of-the-process');
    expect(organisationWebhookUrl('https://tinh.example/telegram/webhook', '/telegram/webhook', 'default')).toBe('https://tinh.example/telegram/webhook');
    expect(organisationWebhookPath('/zalo/webhook', 'default')).toBe('/zalo/webhook');
  });

  it('gives another organisation its own path and a secret of its own, the hex HMAC-SHA256 of its id', () => {
    const secret = organisationSecret('s3cret-of-the-process', 'huyen-b');
    expect(secret).toBe(createHmac('sha256', 's3cret-of-the-process').update('huyen-b').digest('hex'));
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(organisationSecret('s3cret-of-the-process', 'huyen-c')).not.toBe(secret);
    expect(organisationWebhookUrl('https://tinh.example/dondoc/telegram/webhook', '/telegram/webhook', 'huyen-b')).toBe(
      'https://tinh.example/dondoc/telegram/huyen-b/webhook',
    );
    expect(organisationWebhookUrl('https://tinh.example/zalo/webhook', '/zalo/webhook', 'huyen-b')).toBe('https://tinh.example/zalo/huyen-b/webhook');
    expect(organisationWebhookPath('/telegram/webhook', 'huyen-b')).toBe('/telegram/huyen-b/webhook');
  });

  it('refuses a process URL whose path does not end with the default path', () => {
    expect(() => organisationWebhookUrl('https://tinh.example/hooks/tg', '/telegram/webhook', 'huyen-b')).toThrow(/must end with \/telegram\/webhook/);
  });

  it('puts each organisation’s queues under a prefix of its own, inside the hash tag when there is one', () => {
    expect(organisationQueuePrefix('dondoc', 'default')).toBe('dondoc');
    expect(organisationQueuePrefix('dondoc', 'huyen-b')).toBe('dondoc-huyen-b');
    expect(organisationQueuePrefix('{dondoc}', 'huyen-b')).toBe('{dondoc-huyen-b}');
  });
});
