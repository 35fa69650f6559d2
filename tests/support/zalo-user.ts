// A person on Zalo, as tests drive them: type, answer a numbered choice, read what the bot said. Zalo has no
// buttons, so "pressing" is typing the number printed beside the choice.
import type { Harness } from './app-harness.js';
import { zaloId, zaloImage, zaloText, type ZaloEventOptions } from './updates.js';

export interface ZaloOption {
  n: number;
  label: string;
  /** The command printed beside it, e.g. "/nhan NV-2026-0001". */
  command?: string;
}

export interface ZaloUser {
  id: string;
  say(text: string, options?: ZaloEventOptions): Promise<void>;
  command(name: string, args?: string): Promise<void>;
  photo(url: string, caption?: string): Promise<void>;
  /** Types the number of the newest choice whose label contains `label`. */
  choose(label: string): Promise<void>;
  /** Everything the bot sent to this chat, oldest first. */
  texts(): string[];
  last(): string;
  since(count: number): string[];
  /** The numbered choices of the newest message that has some. */
  options(): ZaloOption[];
}

const OPTION = /^(\d{1,2}) – (.+?)(?: \((\/\w+(?: [A-Z]{2}-\d{4}-\d{4})?)\))?$/;

export function parseOptions(text: string): ZaloOption[] {
  const out: ZaloOption[] = [];
  for (const line of text.split('\n')) {
    const m = OPTION.exec(line.trim());
    if (m) out.push({ n: Number(m[1]), label: m[2]!, ...(m[3] ? { command: m[3] } : {}) });
  }
  return out;
}

export function zaloUser(h: Harness, seed: string, options: { displayName?: string } = {}): ZaloUser {
  const id = zaloId(seed);
  const post = async (event: Parameters<Harness['postZalo']>[0]) => {
    const status = await h.postZalo(event);
    if (status !== 200) throw new Error(`zalo webhook answered ${status}`);
    await h.idle();
  };
  const extra = options.displayName ? { displayName: options.displayName } : {};
  const self: ZaloUser = {
    id,
    say: (text, o = {}) => post(zaloText(id, text, { ...extra, ...o })),
    command: (name, args) => post(zaloText(id, args ? `/${name} ${args}` : `/${name}`, extra)),
    photo: (url, caption) => post(zaloImage(id, { url, ...(caption === undefined ? {} : { caption }) }, extra)),
    async choose(label) {
      const texts = h.zalo.messagesTo(id);
      for (let i = texts.length - 1; i >= 0; i--) {
        const found = parseOptions(texts[i]!).find((o) => o.label.includes(label));
        if (found) return self.say(String(found.n));
      }
      throw new Error(`no numbered choice "${label}" in Zalo chat ${id}; last text: ${self.last()}`);
    },
    texts: () => h.zalo.messagesTo(id),
    last: () => h.zalo.messagesTo(id).at(-1) ?? '',
    since: (count) => h.zalo.messagesTo(id).slice(count),
    options() {
      const texts = h.zalo.messagesTo(id);
      for (let i = texts.length - 1; i >= 0; i--) {
        const found = parseOptions(texts[i]!);
        if (found.length > 0) return found;
      }
      return [];
    },
  };
  return self;
}
