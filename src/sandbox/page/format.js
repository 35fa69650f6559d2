// @ts-check
// Small pieces of rendering shared by the chats and the "everyone" view: times on the organisation's clock, text with
// its links made clickable (built from text nodes: nothing the bot or a person wrote is ever parsed as HTML), files.
import { t } from './i18n.js';

let timezone = 'Asia/Ho_Chi_Minh';
export function setTimezone(/** @type {string} */ tz) {
  timezone = tz;
}

/** "09:30" */
export function clock(/** @type {number} */ at) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

/** "09:30 08/12" */
export function stamp(/** @type {number} */ at) {
  const d = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, day: '2-digit', month: '2-digit' }).format(new Date(at));
  return `${clock(at)} ${d}`;
}

/**
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {(Node | string | null | undefined)[]} [children]
 */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** A link to a file on this server: links to the bot's own /files/… open here whatever host the bot thinks it has. */
export function localHref(/** @type {string} */ url) {
  try {
    const u = new URL(url, location.href);
    return u.pathname.startsWith('/files/') || u.pathname.startsWith('/sandbox/') ? u.pathname + u.search : u.href;
  } catch {
    return url;
  }
}

/** Text with http(s) links as anchors, as text nodes otherwise. */
export function richText(/** @type {string} */ text) {
  const out = document.createDocumentFragment();
  const pattern = /https?:\/\/[^\s)]+/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out.append(text.slice(last, m.index));
    out.append(el('a', { href: localHref(m[0]), target: '_blank', rel: 'noopener' }, [m[0]]));
    last = (m.index ?? 0) + m[0].length;
  }
  out.append(text.slice(last));
  return out;
}

/**
 * @typedef {{ kind: 'photo' | 'document', fileId?: string, url?: string, filename?: string, size?: number, mime?: string }} Attachment
 * @typedef {{ platform: 'telegram' | 'zalo' | 'oa', id: string, chatId: string, messageId: string, direction: 'in' | 'out', at: number,
 *   text?: string, buttons?: { text: string, data: string }[][], attachment?: Attachment,
 *   pressed?: { messageId: string, text: string, data: string }, editedAt?: number, deleted?: boolean }} Entry
 */

/** The picture or the file of a message, with its download link. */
export function attachmentView(/** @type {Entry} */ entry) {
  const a = entry.attachment;
  if (!a) return null;
  const href = a.fileId && (entry.platform === 'telegram' || entry.direction === 'in') ? `/sandbox/api/files/${entry.platform}/${encodeURIComponent(a.fileId)}` : a.url ? localHref(a.url) : undefined;
  if (a.kind === 'photo' && href) {
    const src = href.startsWith('/sandbox/api/files/') ? `${href}?inline=1` : href;
    return el('figure', { class: 'photo' }, [el('img', { src, alt: a.filename ?? '' })]);
  }
  const size = a.size ? ` · ${a.size < 1024 ? `${a.size} B` : `${Math.round(a.size / 1024)} KB`}` : '';
  return el('div', { class: 'file' }, [
    el('span', { class: 'file-name' }, [`📄 ${a.filename ?? ''}${size}`]),
    href ? el('a', { class: 'download', href, download: a.filename ?? '' }, [t('sandbox-download')]) : null,
  ]);
}
