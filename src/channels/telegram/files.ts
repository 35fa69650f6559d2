// The files people send the bot on Telegram, downloaded as the Bot API allows: getFile gives a path, valid for at
// least an hour, and the bytes are at `<api root>/file/bot<token>/<path>`. Bots may download up to 20 MB.
import { Api, GrammyError, HttpError } from 'grammy';
import { FileFetchError, type ChannelFileSource } from '../../app/ports/channel-files.js';

/** What the Bot API lets a bot download (getFile answers "file is too big" beyond it). */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export interface TelegramFilesOptions {
  token: string;
  /** TELEGRAM_API_ROOT: getFile and the downloads both go there. */
  apiRoot: string;
  /** A download that takes longer is given up (default 60 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Reads a response body, refusing it once it passes `maxBytes` (a platform may not send Content-Length). */
async function readAtMost(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new FileFetchError('too-large', `${declared} bytes declared`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!res.body) return new Uint8Array();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new FileFetchError('too-large', `more than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

export function createTelegramFiles(o: TelegramFilesOptions): ChannelFileSource {
  const fetchFn = o.fetch ?? fetch;
  const root = o.apiRoot.replace(/\/+$/, '');
  // A plain client as the sender's: no auto-retry; a sender who waits is told when Telegram does not answer.
  const api = new Api(o.token, { apiRoot: root, timeoutSeconds: 30 });
  return {
    async fetchFile(ref, { maxBytes }) {
      let path: string;
      try {
        const file = await api.getFile(ref);
        if (file.file_size !== undefined && file.file_size > maxBytes) throw new FileFetchError('too-large', `${file.file_size} bytes`);
        if (!file.file_path) throw new FileFetchError('unavailable', 'getFile gave no file_path');
        path = file.file_path;
      } catch (e) {
        if (e instanceof FileFetchError) throw e;
        if (e instanceof GrammyError) {
          if (/too big/i.test(e.description)) throw new FileFetchError('too-large', e.description, TELEGRAM_DOWNLOAD_LIMIT);
          if (e.error_code === 400) throw new FileFetchError('not-found', e.description);
          throw new FileFetchError('unavailable', `${e.error_code} ${e.description}`);
        }
        if (e instanceof HttpError) throw new FileFetchError('unavailable', e.message);
        throw e;
      }
      let res: Response;
      try {
        res = await fetchFn(`${root}/file/bot${o.token}/${path.split('/').map(encodeURIComponent).join('/')}`, {
          signal: AbortSignal.timeout(o.timeoutMs ?? 60_000),
        });
      } catch (e) {
        throw new FileFetchError('unavailable', e instanceof Error ? e.message : String(e));
      }
      if (res.status === 404) {
        await res.body?.cancel();
        throw new FileFetchError('not-found', 'the download answered 404');
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new FileFetchError('unavailable', `the download answered ${res.status}`);
      }
      try {
        return await readAtMost(res, maxBytes);
      } catch (e) {
        if (e instanceof FileFetchError) throw e;
        throw new FileFetchError('unavailable', e instanceof Error ? e.message : String(e));
      }
    },
  };
}
