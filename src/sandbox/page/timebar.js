// @ts-check
// The time bar: the sandbox's "now" on the working calendar, and the three moves (+1 hour, +1 working day, to the
// next morning's digest). While time moves every open page shows it, and the buttons wait.
import { attempt, call } from './api.js';
import { el, setTimezone } from './format.js';
import { t } from './i18n.js';

/**
 * @typedef {{ now: string, timezone: string, day: string, time: string, working: boolean, closed: string | null,
 *   moves: { move: string, target: string, label: string }[] }} TimeView
 */

let moving = false;

/** Draws what /sandbox/api/time answered. */
export function showTime(/** @type {TimeView} */ view) {
  setTimezone(view.timezone);
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  $('time-day').textContent = view.day;
  $('time-clock').textContent = view.time;
  const state = $('time-state');
  state.textContent = moving ? t('sandbox-time-moving') : view.working ? t('sandbox-time-open') : (view.closed ?? '');
  state.dataset.state = moving ? 'moving' : view.working ? 'open' : 'closed';
  $('time-moves').replaceChildren(
    ...view.moves.map((m) => {
      const b = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', class: 'move', 'data-move': m.move }, [m.label]));
      b.disabled = moving;
      b.addEventListener('click', () => move(m.move));
      return b;
    }),
  );
}

export async function refreshTime() {
  showTime(await call('/time'));
}

/** Time starts or stops moving (this page's move or another's, heard on the live stream). */
export function setMoving(/** @type {boolean} */ now) {
  moving = now;
  for (const b of document.querySelectorAll('#time-moves button')) /** @type {HTMLButtonElement} */ (b).disabled = now;
  const state = /** @type {HTMLElement} */ (document.getElementById('time-state'));
  if (now) {
    state.textContent = t('sandbox-time-moving');
    state.dataset.state = 'moving';
  }
}

async function move(/** @type {string} */ which) {
  setMoving(true);
  await attempt(async () => {
    try {
      const view = await call('/time', { move: which });
      setMoving(false);
      showTime(view);
    } finally {
      setMoving(false);
    }
  });
  await attempt(refreshTime);
}
