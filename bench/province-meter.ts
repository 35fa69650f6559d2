// What the province benchmark sees at the Telegram stand-in, counted as each call is recorded (never by scanning the
// whole log, which holds hundreds of thousands of calls): messages per bot token and second, 429s per token, which
// bot wrote to which chat (isolation), the pushes (reminders, digests, notices) by kind and task code, and every
// other message to a chat as an answer to that chat's updates, in order. The load generator waits on it.
import type { RecordedCall, TelegramPlatform } from '../src/sandbox/platforms/telegram.js';
import { TELEGRAM_SEND_METHODS } from '../src/sandbox/platforms/telegram.js';

export type PushKind = 'reminder' | 'digest' | 'notice';

/** Messages the application sends on its own (not an answer to an update): by the first characters of their text. */
export function pushKind(text: string): PushKind | undefined {
  if (text.startsWith('⏰')) return 'reminder';
  if (text.startsWith('📋 Tổng hợp ngày')) return 'digest';
  if (text.startsWith('📈')) return 'notice';
  return undefined;
}

const CODE = /NV-2026-\d{4,}/g;

interface Waiter {
  resolve: (at: number) => void;
}

export class StandInMeter {
  /** Accepted sends by token, by whole second (epoch seconds). */
  readonly sendsBySecond = new Map<string, Map<number, number>>();
  readonly sends = new Map<string, number>();
  readonly tooMany = new Map<string, number>();
  /** Each 429: when, which bot and chat, and what the stand-in had accepted from that bot just before. */
  readonly refusals: { at: number; token: string; chat: string; botSendsLastSecond: number; msSinceLastToChat: number | null }[] = [];
  readonly #recent = new Map<string, number[]>();
  readonly #lastToChat = new Map<string, number>();
  /** Sends whose chat belongs to another organisation than the token's. */
  readonly crossings: { chat: string; token: string; expected: string | undefined }[] = [];
  /** Chats written to, and by which tokens. */
  readonly tokensByChat = new Map<string, Set<string>>();
  readonly pushes = new Map<PushKind, number>();
  /** Times each task code appeared in a reminder message, by chat: `${chat} ${code}`. */
  readonly reminderCodes = new Map<string, number>();
  readonly reminderMessageTimes: number[] = [];
  readonly digestsByChat = new Map<string, number>();
  /** Answers (non-push messages) received per chat, and when each arrived. */
  readonly answers = new Map<string, number[]>();
  /** The start of each answer's text, beside `answers`: what an extra answer said. */
  readonly answerTexts = new Map<string, string[]>();
  readonly callbackAnswers = new Map<string, number[]>();
  readonly #answerWaiters = new Map<string, { count: number; waiter: Waiter }[]>();
  readonly #callbackWaiters = new Map<string, Waiter>();
  readonly #unsubscribe: () => void;

  constructor(
    platform: TelegramPlatform,
    private readonly tokenOfChat: (chat: string) => string | undefined,
  ) {
    this.#unsubscribe = platform.onCall((call) => this.#record(call));
  }

  stop(): void {
    this.#unsubscribe();
  }

  /** Resolves with the time the chat's `count`-th answer arrived (1-based). */
  answerNumber(chat: string, count: number): Promise<number> {
    const got = this.answers.get(chat) ?? [];
    if (got.length >= count) return Promise.resolve(got[count - 1]!);
    return new Promise((resolve) => {
      const list = this.#answerWaiters.get(chat) ?? [];
      list.push({ count, waiter: { resolve } });
      this.#answerWaiters.set(chat, list);
    });
  }

  /** Resolves when answerCallbackQuery for this query id arrived. */
  callbackAnswered(id: string): Promise<number> {
    const got = this.callbackAnswers.get(id);
    if (got) return Promise.resolve(got[0]!);
    return new Promise((resolve) => this.#callbackWaiters.set(id, { resolve }));
  }

  #record(call: RecordedCall): void {
    const now = Date.now();
    const token = call.token;
    if (!call.outcome.ok) {
      if (call.outcome.reason === 'rate-limit') {
        this.tooMany.set(token, (this.tooMany.get(token) ?? 0) + 1);
        const chat = String(call.params.chat_id);
        const last = this.#lastToChat.get(`${token} ${chat}`);
        this.refusals.push({
          at: now,
          token: token.slice(0, 10),
          chat,
          botSendsLastSecond: (this.#recent.get(token) ?? []).filter((t) => t > now - 1000).length,
          msSinceLastToChat: last === undefined ? null : now - last,
        });
      }
      return;
    }
    if (call.method === 'answerCallbackQuery') {
      const id = String(call.params.callback_query_id);
      const list = this.callbackAnswers.get(id) ?? [];
      list.push(now);
      this.callbackAnswers.set(id, list);
      const waiter = this.#callbackWaiters.get(id);
      if (waiter) {
        this.#callbackWaiters.delete(id);
        waiter.resolve(now);
      }
      return;
    }
    if (!TELEGRAM_SEND_METHODS.has(call.method)) return;
    const chat = String(call.params.chat_id);
    const recent = (this.#recent.get(token) ?? []).filter((t) => t > now - 1000);
    recent.push(now);
    this.#recent.set(token, recent);
    this.#lastToChat.set(`${token} ${chat}`, now);
    this.sends.set(token, (this.sends.get(token) ?? 0) + 1);
    const bySecond = this.sendsBySecond.get(token) ?? new Map<number, number>();
    const second = Math.floor(now / 1000);
    bySecond.set(second, (bySecond.get(second) ?? 0) + 1);
    this.sendsBySecond.set(token, bySecond);
    const tokens = this.tokensByChat.get(chat) ?? new Set<string>();
    tokens.add(token);
    this.tokensByChat.set(chat, tokens);
    const expected = this.tokenOfChat(chat);
    if (expected !== token) this.crossings.push({ chat, token, expected });

    const text = typeof call.params.text === 'string' ? call.params.text : typeof call.params.caption === 'string' ? call.params.caption : '';
    const kind = pushKind(text);
    if (kind) {
      this.pushes.set(kind, (this.pushes.get(kind) ?? 0) + 1);
      if (kind === 'reminder') {
        this.reminderMessageTimes.push(now);
        for (const m of text.matchAll(CODE)) this.reminderCodes.set(`${chat} ${m[0]}`, (this.reminderCodes.get(`${chat} ${m[0]}`) ?? 0) + 1);
      }
      if (kind === 'digest' && !/\(tiếp theo/u.test(text.split('\n')[0] ?? '')) this.digestsByChat.set(chat, (this.digestsByChat.get(chat) ?? 0) + 1);
      return;
    }
    const answers = this.answers.get(chat) ?? [];
    answers.push(now);
    this.answers.set(chat, answers);
    this.answerTexts.set(chat, [...(this.answerTexts.get(chat) ?? []), text.slice(0, 80)]);
    const waiting = this.#answerWaiters.get(chat);
    if (!waiting) return;
    for (const w of waiting.filter((x) => x.count <= answers.length)) w.waiter.resolve(answers[w.count - 1]!);
    const left = waiting.filter((x) => x.count > answers.length);
    if (left.length > 0) this.#answerWaiters.set(chat, left);
    else this.#answerWaiters.delete(chat);
  }
}
