// @ts-check
// The page's texts come from the bot's own catalogue (locales/<vi|en>/sandbox.ftl), served by the API in one
// language at a time: Vietnamese first, English on the switch, remembered in this browser.

/** @typedef {'vi' | 'en'} Lang */

/** @type {Lang} */
let lang = localStorage.getItem('dondoc-sandbox-lang') === 'en' ? 'en' : 'vi';
/** @type {Record<string, string>} */
let texts = {};

export function currentLang() {
  return lang;
}

/** @param {Lang} next */
export async function loadTexts(next = lang) {
  const response = await fetch(`/sandbox/api/texts?lang=${next}`);
  const body = await response.json();
  lang = next;
  texts = body.texts;
  localStorage.setItem('dondoc-sandbox-lang', lang);
  document.documentElement.lang = lang;
}

/** The text of `key` in the current language (the key itself when missing, so a gap shows, never breaks). */
export function t(/** @type {string} */ key) {
  return texts[key] ?? key;
}

/** Fills every element marked `data-t` (its text) or `data-t-placeholder` (its placeholder) under `root`. */
export function translate(root = document.body) {
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(/** @type {HTMLElement} */ (el).dataset.t ?? '');
  for (const el of root.querySelectorAll('[data-t-placeholder]')) {
    /** @type {HTMLInputElement} */ (el).placeholder = t(/** @type {HTMLElement} */ (el).dataset.tPlaceholder ?? '');
  }
  document.title = t('sandbox-title');
}
