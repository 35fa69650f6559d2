// A notice's document sent in the chat is kept on this server: downloaded from the platform it came on (its adapter's
// file port, app.files), checked by its real size and content, and stored in the database like a file given to the
// CLI. So every recipient gets it on their own channel: the document itself on Telegram, a download link from this
// server on Zalo (the Bot Platform uploads no files, and a Telegram file id opens only with our Telegram token).
import { DomainError } from '../../domain/errors.js';
import { checkNoticeDocument, megabytes } from '../../domain/notice/types.js';
import { sanitizeLine } from '../../domain/text/sanitize.js';
import { FileFetchError } from '../ports/channel-files.js';
import type { ChannelName } from '../ports/channel.js';
import type { AppContext } from '../context.js';

export interface ChatDocument {
  channel: ChannelName;
  ref: string;
  name: string | null;
  size?: number;
}

/** The name a chat document is kept under: the sender's, cleaned; "tai-lieu.pdf" when the platform gave none. */
export function chatDocumentName(d: Pick<ChatDocument, 'name'>): string {
  return sanitizeLine(d.name ?? '') || 'tai-lieu.pdf';
}

/**
 * The bytes of a document sent in a chat, checked as a notice's document (type by name and content, size by the
 * bytes), or undefined when the channel has no file port (its reference is then forwarded as it came). A platform
 * that refuses or fails gives a DomainError the sender reads; nothing is stored.
 */
export async function fetchChatDocument(app: AppContext, d: ChatDocument): Promise<{ name: string; mime: string; data: Uint8Array } | undefined> {
  const name = chatDocumentName(d);
  const maxBytes = app.policy.notices.maxFileBytes;
  // What the platform told us (the name, Telegram's file_size) is checked before anything is downloaded.
  checkNoticeDocument({ filename: name, size: d.size ?? 1, maxBytes });
  const source = app.files?.[d.channel];
  if (!source) return undefined;
  let data: Uint8Array;
  try {
    data = await source.fetchFile(d.ref, { maxBytes });
  } catch (e) {
    if (!(e instanceof FileFetchError)) throw e;
    app.logger.warn({ channel: d.channel, failure: e.failure, err: e.message }, 'could not download a notice document');
    if (e.failure === 'too-large' && e.platformMaxBytes !== undefined && e.platformMaxBytes < maxBytes)
      throw new DomainError('notice-file-platform-limit', { file: name, channel: d.channel, max: megabytes(e.platformMaxBytes) });
    if (e.failure === 'too-large') throw new DomainError('notice-file-too-large', { file: name, size: `> ${megabytes(maxBytes)}`, max: megabytes(maxBytes) });
    if (e.failure === 'not-found') throw new DomainError('notice-file-gone', { file: name, channel: d.channel });
    throw new DomainError('notice-file-fetch-failed', { file: name, channel: d.channel });
  }
  const mime = checkNoticeDocument({ filename: name, size: data.byteLength, maxBytes, head: data.subarray(0, 1024) });
  return { name, mime, data };
}
