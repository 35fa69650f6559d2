import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileFetchError } from '../../src/app/ports/channel-files.js';
import { createTelegramFiles, TELEGRAM_DOWNLOAD_LIMIT } from '../../src/channels/telegram/files.js';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';

const TOKEN = '7000000003:AAfiles-token-for-the-stand-in-0123';

// The Telegram adapter's file port (src/channels/telegram/files.ts) against the Telegram stand-in, which answers
// getFile and serves `/file/bot<token>/<file_path>` as Telegram does: the bytes, and each way it says no.
describe('downloading a file people sent on Telegram', () => {
  let tg: TelegramStandIn;
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(FileFetchError);
    return { failure: (e as FileFetchError).failure, platformMaxBytes: (e as FileFetchError).platformMaxBytes };
  };

  beforeAll(async () => {
    tg = await createTelegramStandIn({ token: TOKEN });
  });
  afterAll(async () => {
    await tg?.close();
  });

  it('gets the bytes by the file id, through getFile and the download URL', async () => {
    const bytes = Buffer.from('%PDF-1.4\nKế hoạch 56\n%%EOF');
    tg.addFile('doc-1', bytes, { path: 'documents/file_1.pdf', filename: 'Kế hoạch 56.pdf' });
    const files = createTelegramFiles({ token: TOKEN, apiRoot: `${tg.url}/` });
    expect(Buffer.from(await files.fetchFile('doc-1', { maxBytes: 1_048_576 }))).toEqual(bytes);
    expect(tg.callsTo('getFile').at(-1)!.params.file_id).toBe('doc-1');
  });

  it('says which failure it met: an unknown id, over the caller limit, over what Telegram lets bots download, a wrong token', async () => {
    const files = createTelegramFiles({ token: TOKEN, apiRoot: tg.url });
    expect(await failure(files.fetchFile('no-such-file', { maxBytes: 1_048_576 }))).toEqual({ failure: 'not-found', platformMaxBytes: undefined });

    tg.addFile('doc-2', Buffer.alloc(2048, 1), { path: 'documents/file_2.pdf' });
    expect(await failure(files.fetchFile('doc-2', { maxBytes: 1024 }))).toEqual({ failure: 'too-large', platformMaxBytes: undefined });

    tg.addFile('doc-3', Buffer.alloc(TELEGRAM_DOWNLOAD_LIMIT + 1), { path: 'documents/file_3.pdf' });
    expect(await failure(files.fetchFile('doc-3', { maxBytes: 50 * 1_048_576 }))).toEqual({ failure: 'too-large', platformMaxBytes: TELEGRAM_DOWNLOAD_LIMIT });

    const wrong = createTelegramFiles({ token: '7000000003:AAnot-our-token-0000000000000000', apiRoot: tg.url });
    expect(await failure(wrong.fetchFile('doc-1', { maxBytes: 1_048_576 }))).toEqual({ failure: 'unavailable', platformMaxBytes: undefined });
    // The download URL too is for the bot's own token only.
    const info = tg.callsTo('getFile').find((c) => c.outcome.ok)!.outcome as { result: { file_path: string } };
    expect((await fetch(`${tg.url}/file/bot7000000003:AAnot-our-token/${info.result.file_path}`)).status).toBe(401);
    expect((await fetch(`${tg.url}/file/bot${TOKEN}/documents/no-such-path.pdf`)).status).toBe(404);
  });

  it('a platform that does not answer is "unavailable", and a download longer than getFile said stops at the limit', async () => {
    const down = createTelegramFiles({ token: TOKEN, apiRoot: 'http://127.0.0.1:9' });
    expect((await failure(down.fetchFile('doc-1', { maxBytes: 1024 }))).failure).toBe('unavailable');

    // getFile says 10 bytes, the download goes on without a Content-Length: reading stops at the caller's limit.
    tg.addFile('doc-4', Buffer.alloc(10, 2), { path: 'documents/file_4.pdf' });
    const endless: typeof fetch = async () =>
      new Response(
        new ReadableStream({
          pull(c) {
            c.enqueue(new Uint8Array(1024));
          },
        }),
      );
    const files = createTelegramFiles({ token: TOKEN, apiRoot: tg.url, fetch: endless });
    expect((await failure(files.fetchFile('doc-4', { maxBytes: 4095 }))).failure).toBe('too-large');
  });
});
