// @ts-check
// The "Tour" button: asks the server to play the scripted tour (the same story as `npm start -- --tour`) and shows
// each step's narration under the top bar while the chats fill in live.
import { attempt, call, toast } from './api.js';
import { t } from './i18n.js';

/** @typedef {{ state: 'idle' | 'running' | 'done' | 'failed', step: number, of: number, narrations: string[], error?: string }} TourStatus */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

function show(/** @type {TourStatus} */ status) {
  const button = /** @type {HTMLButtonElement} */ ($('tour'));
  button.disabled = status.state === 'running';
  const line = $('tour-line');
  const last = status.narrations.at(-1);
  line.hidden = status.state === 'idle';
  line.dataset.state = status.state;
  if (status.state === 'running') line.textContent = `${t('sandbox-play-running')} ${status.step}/${status.of}${last ? `: ${last}` : ''}`;
  else if (status.state === 'done') line.textContent = t('sandbox-play-done');
  else if (status.state === 'failed') line.textContent = `${t('sandbox-play-failed')} ${status.error ?? ''}`;
}

async function follow() {
  /** @type {TourStatus} */
  let status = await call('/tour');
  show(status);
  while (status.state === 'running') {
    await new Promise((r) => setTimeout(r, 1000));
    status = await call('/tour');
    show(status);
  }
}

/** Wires the button; a tour already running (started from another page) is followed too. */
export function setupTour() {
  $('tour').addEventListener('click', () =>
    attempt(async () => {
      show(await call('/tour', {}));
      await follow();
    }),
  );
  follow().catch((e) => toast(e instanceof Error ? e.message : String(e)));
}
