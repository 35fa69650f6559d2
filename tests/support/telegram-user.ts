// A person on Telegram, as tests drive them: type, press buttons, read what the bot said.
import type { Message } from 'grammy/types';
import type { Harness } from './app-harness.js';
import { callbackQuery, command, documentMessage, photoMessage, textMessage, user } from './updates.js';

export interface TelegramUser {
  id: number;
  say(text: string): Promise<void>;
  command(name: string, args?: string): Promise<void>;
  photo(fileId: string, caption?: string): Promise<void>;
  document(fileId: string, fileName: string, caption?: string): Promise<void>;
  /** Presses the newest button whose label contains `label`. */
  press(label: string): Promise<void>;
  pressData(data: string): Promise<void>;
  /** Everything the bot sent to this chat, oldest first. */
  texts(): string[];
  last(): string;
  /** Texts sent after the given count (use with `texts().length` taken earlier). */
  since(count: number): string[];
  buttons(): { text: string; data: string }[];
}

interface SentMessage {
  message: Message;
  buttons: { text: string; data: string }[];
}

function sentMessages(h: Harness, chatId: number): SentMessage[] {
  const out: SentMessage[] = [];
  for (const call of h.tg.callsForChat(chatId)) {
    if (!call.outcome.ok || !['sendMessage', 'sendPhoto', 'sendDocument'].includes(call.method)) continue;
    const markup = call.params.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
    const buttons = (markup?.inline_keyboard ?? [])
      .flat()
      .filter((b) => b.callback_data)
      .map((b) => ({ text: b.text, data: b.callback_data! }));
    out.push({ message: call.outcome.result as Message, buttons });
  }
  return out;
}

/**
 * A file a person sends is one Telegram keeps: the bot may download it or send its file_id on, and the stand-in, like
 * Telegram, refuses a file_id it never gave out. Tests name their files; this puts a stand-in upload behind the name.
 */
function uploadedByThePerson(h: Harness, fileId: string, filename: string): void {
  if (!h.tg.file(fileId)) h.tg.addFile(fileId, `(tệp ${filename} của người dùng)`, { filename });
}

export function telegramUser(h: Harness, id: number, options: { languageCode?: string } = {}): TelegramUser {
  const from = user(id, { firstName: `U${id}`, ...(options.languageCode ? { languageCode: options.languageCode } : {}) });
  const post = async (u: Parameters<Harness['post']>[0]) => {
    const status = await h.post(u);
    if (status !== 200) throw new Error(`webhook answered ${status}`);
    await h.idle();
  };
  const self: TelegramUser = {
    id,
    say: (text) => post(textMessage(from, text)),
    command: (name, args) => post(command(from, name, args)),
    photo: (fileId, caption) => {
      uploadedByThePerson(h, fileId, `${fileId}.jpg`);
      return post(photoMessage(from, { fileId, ...(caption === undefined ? {} : { caption }) }));
    },
    document: (fileId, fileName, caption) => {
      uploadedByThePerson(h, fileId, fileName);
      return post(documentMessage(from, { fileId, fileName, ...(caption === undefined ? {} : { caption }) }));
    },
    async press(label) {
      const sent = sentMessages(h, id);
      for (let i = sent.length - 1; i >= 0; i--) {
        const b = sent[i]!.buttons.find((x) => x.text.includes(label));
        if (b) return post(callbackQuery(from, b.data, sent[i]!.message));
      }
      throw new Error(`no button "${label}" in chat ${id}; last text: ${self.last()}`);
    },
    pressData: (data) => post(callbackQuery(from, data)),
    texts: () => h.tg.messagesTo(id),
    last: () => h.tg.messagesTo(id).at(-1) ?? '',
    since: (count) => h.tg.messagesTo(id).slice(count),
    buttons: () => sentMessages(h, id).at(-1)?.buttons ?? [],
  };
  return self;
}
