// What a person sees in a chat on a built-in platform, in both directions: what they sent (text, a photo, a file, a
// button pressed) and what the bot sent (text with its buttons, a photo, a document), with later edits. Each
// platform keeps one log; the sandbox page reads chats from it and follows it live through `subscribe`, and tests
// wait on it. Entries are only what passed through the platform's HTTP API or its "act as a user" methods.
import { DEFAULT_WAIT_MS, Recorder } from './recorder.js';

export type PlatformName = 'telegram' | 'zalo' | 'oa';

export interface ChatButton {
  text: string;
  /** callback_data on Telegram. */
  data: string;
}

export interface ChatAttachment {
  kind: 'photo' | 'document';
  /** The platform's file id when it keeps the bytes (Telegram uploads, the Zalo platform's own media). */
  fileId?: string;
  /** A URL the file is fetched from (a Zalo photo, a link the bot gave). */
  url?: string;
  filename?: string;
  mime?: string;
  size?: number;
}

export interface ChatEntry {
  platform: PlatformName;
  /** Unique within the platform and stable across edits: `<chatId>:<messageId>`. */
  id: string;
  chatId: string;
  messageId: string;
  /** `in`: the person wrote to the bot (or pressed its button); `out`: the bot wrote to the person. */
  direction: 'in' | 'out';
  /** The platform's clock (the sandbox's movable time), epoch ms. */
  at: number;
  /** Text, or a caption. */
  text?: string;
  /** Inline keyboard rows (Telegram), or the OA's buttons (one a row, `data` the payload).*/
  buttons?: ChatButton[][];
  attachment?: ChatAttachment;
  /** A button press: which message and which button. */
  pressed?: { messageId: string; text: string; data: string };
  /** Set when the message was edited, to the time of the last edit. */
  editedAt?: number;
  deleted?: boolean;
}

export interface ChatEvent {
  type: 'message' | 'edit';
  /** Increases by one per event within a platform. */
  seq: number;
  entry: ChatEntry;
}

export class ChatLog {
  readonly #entries = new Map<string, ChatEntry>();
  readonly #order: string[] = [];
  readonly #events = new Recorder<ChatEvent>(
    (e) => `${e.type} ${e.entry.direction} ${e.entry.chatId}: ${(e.entry.text ?? e.entry.pressed?.text ?? e.entry.attachment?.kind ?? '').slice(0, 120)}`,
  );
  #seq = 0;

  constructor(readonly platform: PlatformName) {}

  /** Records a new message; returns it. */
  add(entry: Omit<ChatEntry, 'platform' | 'id'>): ChatEntry {
    const full: ChatEntry = { platform: this.platform, id: `${entry.chatId}:${entry.messageId}`, ...entry };
    if (!this.#entries.has(full.id)) this.#order.push(full.id);
    this.#entries.set(full.id, full);
    this.#events.push({ type: 'message', seq: ++this.#seq, entry: { ...full } });
    return full;
  }

  /** Applies an edit to a recorded message (no-op for one the log never saw). */
  edit(chatId: string, messageId: string, patch: Partial<Pick<ChatEntry, 'text' | 'buttons' | 'editedAt' | 'deleted' | 'attachment'>>): void {
    const id = `${chatId}:${messageId}`;
    const current = this.#entries.get(id);
    if (!current) return;
    const next: ChatEntry = { ...current, ...patch };
    if ('buttons' in patch && patch.buttons === undefined) delete next.buttons;
    this.#entries.set(id, next);
    this.#events.push({ type: 'edit', seq: ++this.#seq, entry: { ...next } });
  }

  get(chatId: string, messageId: string): ChatEntry | undefined {
    return this.#entries.get(`${chatId}:${messageId}`);
  }

  /** Every message of one chat, oldest first, as it is now. */
  history(chatId: string): ChatEntry[] {
    return this.all().filter((e) => e.chatId === chatId);
  }

  /** Every message of every chat, oldest first, as it is now. */
  all(): ChatEntry[] {
    return this.#order.map((id) => this.#entries.get(id)!);
  }

  /** The number of the last event so far. */
  get seq(): number {
    return this.#seq;
  }

  /** Calls `listener` for every later event; returns the unsubscribe function. */
  subscribe(listener: (event: ChatEvent) => void): () => void {
    return this.#events.subscribe(listener);
  }

  /** The first event (recorded already or later) that matches. */
  waitFor(matches: (event: ChatEvent) => boolean, timeoutMs = DEFAULT_WAIT_MS, what = 'a matching chat event'): Promise<ChatEvent> {
    return this.#events.waitFor(matches, timeoutMs, what);
  }

  close(reason: string): void {
    this.#events.close(reason);
  }
}
