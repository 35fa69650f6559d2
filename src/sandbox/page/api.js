// @ts-check
// Calls to the sandbox API. Every answer that is not a success carries a message in the page's language, which the
// page shows as it is.
import { currentLang } from './i18n.js';

export class ApiError extends Error {}

/**
 * @param {string} path under /sandbox/api
 * @param {unknown} [body] JSON to POST; a GET without it
 */
export async function call(path, body) {
  const sep = path.includes('?') ? '&' : '?';
  const response = await fetch(`/sandbox/api${path}${sep}lang=${currentLang()}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(json.message ?? `HTTP ${response.status}`);
  return json;
}

let toastTimer = 0;
/** Shows a short message at the bottom of the page. */
export function toast(/** @type {string} */ message) {
  const el = /** @type {HTMLElement} */ (document.getElementById('toast'));
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (el.hidden = true), 6000);
}

/** Runs an action, showing what went wrong instead of throwing. */
export async function attempt(/** @type {() => Promise<unknown>} */ action) {
  try {
    await action();
  } catch (e) {
    toast(e instanceof Error ? e.message : String(e));
  }
}
