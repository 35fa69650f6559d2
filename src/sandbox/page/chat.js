// @ts-check
// One open chat, drawn like the platform it is on: Telegram with inline buttons under the bot's messages, Zalo as
// plain text whose numbered choices are answered by sending the number (a click on a numbered line sends it), the
// Zalo OA with its buttons one under the other (and numbered choices where a message has more actions than buttons).
// Below, a text box offering the person's commands, and buttons that send a sample photo or file.
import { attempt, call } from './api.js';
import { attachmentView, clock, el, richText } from './format.js';
import { t } from './i18n.js';

/** @typedef {import('./format.js').Entry} Entry */
/** @typedef {import('./people.js').Person} Person */

/** "1 – Nhận việc (/nhan NV-2026-0001)": a numbered choice of the Zalo sender (src/channels/numbered.ts). */
const CHOICE = /^(\d{1,2}) – (.+)$/;

export class ChatView {
  /**
   * @param {Person} person
   * @param {'telegram' | 'zalo' | 'oa'} channel
   * @param {() => void} onClose
   */
  constructor(person, channel, onClose) {
    this.person = person;
    this.channel = channel;
    this.key = `${person.code}:${channel}`;
    this.chatId = String(channel === 'telegram' ? person.telegramUserId : channel === 'zalo' ? person.zaloUserId : person.oaUserId);
    /** @type {Map<string, Entry>} */
    this.entries = new Map();
    this.list = el('ol', { class: 'messages' });
    this.input = /** @type {HTMLInputElement} */ (el('input', { type: 'text', name: 'text', autocomplete: 'off', list: `commands-${this.key}`, 'data-t-placeholder': 'sandbox-type-here' }));
    this.root = el('article', { class: `chat chat-${channel}`, 'data-chat': this.key, 'data-person': person.code, 'data-channel': channel }, [
      el('header', { class: 'chat-head' }, [
        el('div', { class: 'who' }, [el('strong', {}, [person.fullName]), el('span', {}, [person.title])]),
        el('span', { class: 'platform' }, [channel === 'telegram' ? 'Telegram' : channel === 'zalo' ? 'Zalo' : 'Zalo OA']),
        this.#closeButton(onClose),
      ]),
      this.list,
      this.#composer(),
    ]);
  }

  #closeButton(/** @type {() => void} */ onClose) {
    const b = el('button', { type: 'button', class: 'close', 'aria-label': t('sandbox-close'), title: t('sandbox-close') }, ['×']);
    b.addEventListener('click', onClose);
    return b;
  }

  #composer() {
    const commands = this.person.commands.map((c) => `/${c}`);
    const datalist = el('datalist', { id: `commands-${this.key}` }, commands.map((c) => el('option', { value: c }, [t(`menu-${c.slice(1)}`)])));
    const chips = el(
      'div',
      { class: 'chips', 'aria-label': t('sandbox-commands') },
      commands.map((c) => {
        const chip = el('button', { type: 'button', class: 'chip', title: t(`menu-${c.slice(1)}`) }, [c]);
        chip.addEventListener('click', () => {
          this.input.value = `${c} `;
          this.input.focus();
        });
        return chip;
      }),
    );
    const send = el('button', { type: 'submit', class: 'send' }, [t('sandbox-send')]);
    const photo = el('button', { type: 'button', class: 'attach', 'data-sample': 'photo' }, [`📷 ${t('sandbox-attach-photo')}`]);
    const file = el('button', { type: 'button', class: 'attach', 'data-sample': 'file' }, [`📎 ${t('sandbox-attach-file')}`]);
    photo.addEventListener('click', () => attempt(() => call(`/chats/${this.person.code}/${this.channel}/sample`, { kind: 'photo' })));
    file.addEventListener('click', () => attempt(() => call(`/chats/${this.person.code}/${this.channel}/sample`, { kind: 'file' })));
    const form = el('form', { class: 'composer' }, [
      this.channel === 'zalo' ? el('p', { class: 'hint' }, [t('sandbox-zalo-choice-hint')]) : this.channel === 'oa' ? el('p', { class: 'hint' }, [t('sandbox-oa-hint')]) : null,
      chips,
      el('div', { class: 'line' }, [this.input, datalist, send]),
      el('div', { class: 'attachments' }, [photo, file]),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value;
      if (text.trim() === '') return;
      this.input.value = '';
      attempt(() => call(`/chats/${this.person.code}/${this.channel}/text`, { text }));
    });
    this.input.placeholder = t('sandbox-type-here');
    return form;
  }

  /** Loads the chat's history (on opening, and after the live stream reconnects). */
  async load() {
    const body = await call(`/chats/${this.person.code}/${this.channel}`);
    this.entries.clear();
    this.list.replaceChildren();
    for (const e of body.messages) this.upsert(e);
  }

  /** Adds a message or redraws an edited one; keeps the view at the newest. */
  upsert(/** @type {Entry} */ entry) {
    const stick = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 80;
    this.entries.set(entry.id, entry);
    const item = this.#message(entry);
    const old = this.list.querySelector(`[data-id="${CSS.escape(entry.id)}"]`);
    if (old) old.replaceWith(item);
    else this.list.append(item);
    if (stick || entry.direction === 'in') this.list.scrollTop = this.list.scrollHeight;
  }

  #message(/** @type {Entry} */ e) {
    const attrs = { class: `msg ${e.direction}${e.pressed ? ' press' : ''}${e.deleted ? ' deleted' : ''}`, 'data-id': e.id, 'data-message': e.messageId };
    if (e.pressed) return el('li', attrs, [el('span', {}, [`▸ ${t('sandbox-pressed')}: ${e.pressed.text}`])]);
    if (e.deleted) return el('li', attrs, [el('div', { class: 'bubble' }, [t('sandbox-deleted')])]);
    const body = el('div', { class: 'bubble' }, [attachmentView(e), e.text ? this.#text(e) : null, el('span', { class: 'meta' }, [`${clock(e.editedAt ?? e.at)}${e.editedAt ? ` · ${t('sandbox-edited')}` : ''}`])]);
    const keyboard = e.buttons?.length ? this.#keyboard(e) : null;
    return el('li', attrs, [body, keyboard]);
  }

  #text(/** @type {Entry} */ e) {
    const box = el('div', { class: 'text' });
    const lines = (e.text ?? '').split('\n');
    lines.forEach((line, i) => {
      const choice = this.channel !== 'telegram' && e.direction === 'out' ? CHOICE.exec(line.trim()) : null;
      if (choice) {
        const n = Number(choice[1]);
        const b = el('button', { type: 'button', class: 'choice', 'data-choice': String(n) }, [line.trim()]);
        b.addEventListener('click', () => attempt(() => (this.channel === 'zalo' ? call(`/chats/${this.person.code}/zalo/press`, { choice: n }) : call(`/chats/${this.person.code}/${this.channel}/text`, { text: String(n) }))));
        box.append(b);
      } else {
        box.append(richText(line));
        if (i < lines.length - 1) box.append(el('br'));
      }
    });
    return box;
  }

  #keyboard(/** @type {Entry} */ e) {
    return el(
      'div',
      { class: 'keyboard' },
      (e.buttons ?? []).map((row) =>
        el(
          'div',
          { class: 'row' },
          row.map((button) => {
            const b = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', class: 'inline', 'data-data': button.data }, [button.text]));
            b.addEventListener('click', async () => {
              b.disabled = true;
              await attempt(() => call(`/chats/${this.person.code}/${this.channel}/press`, { messageId: e.messageId, data: button.data }));
              b.disabled = false;
            });
            return b;
          }),
        ),
      ),
    );
  }
}
