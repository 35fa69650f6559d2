// Plays the scripted tour through the sandbox API, as the page's person would act: each step is one HTTP call
// (text, a press, a numbered choice, a time move), then the player waits for the bot's answer in that chat before
// the next step, so the story reads in order. `onStep` hears each step with its narration, for the page or a log.
import type { ChatEntry } from './platforms/chat-log.js';
import type { TourStep } from './tour.js';
import { sleep } from '../sleep.js';

export interface TourPlayerOptions {
  /** The server the page is served from, e.g. http://127.0.0.1:8080 */
  baseUrl: string;
  lang?: 'vi' | 'en';
  steps: readonly TourStep[];
  onStep?: (step: TourStep, narration: string, index: number) => void | Promise<void>;
  /** Real time to wait for the bot's answer to one act. Default 20 s. */
  answerTimeoutMs?: number;
  signal?: AbortSignal;
}

/** "1 – Nhận việc (/nhan NV-2026-0001)": the Zalo sender's numbered choices (src/channels/numbered.ts). */
const CHOICE = /^(\d{1,2}) – (.+?)(?: \(\/[^)]*\))?$/;

export class TourStepFailed extends Error {}

export async function playTour(o: TourPlayerOptions): Promise<void> {
  const lang = o.lang ?? 'vi';
  const api = `${o.baseUrl.replace(/\/+$/, '')}/sandbox/api`;
  const request = async (path: string, body?: unknown): Promise<any> => {
    const response = await fetch(`${api}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, {
      ...(body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const json = (await response.json().catch(() => ({}))) as { message?: string };
    if (!response.ok) throw new TourStepFailed(`${path}: ${json.message ?? `HTTP ${response.status}`}`);
    return json;
  };
  const texts = ((await request('/texts')) as { texts: Record<string, string> }).texts;
  const chat = async (who: string, channel: string): Promise<ChatEntry[]> => (await request(`/chats/${who}/${channel}`)).messages;

  for (const [index, step] of o.steps.entries()) {
    o.signal?.throwIfAborted();
    await o.onStep?.(step, texts[`sandbox-tour-${step.id}`] ?? step.id, index);
    const action = step.action;
    if (!action) continue;
    if (action.kind === 'time') {
      await request('/time', { move: action.move });
      continue;
    }
    const wait = o.answerTimeoutMs ?? 20_000;
    /** Polls until `find` finds something: a notification may still be on its way through the delivery queue. */
    const eventually = async <T>(find: () => Promise<T | undefined>, what: string): Promise<T> => {
      const until = Date.now() + wait;
      for (;;) {
        const found = await find();
        if (found !== undefined) return found;
        if (Date.now() > until) throw new TourStepFailed(`step ${step.id}: ${what}`);
        await sleep(50);
      }
    };
    const before = (await chat(action.who, action.channel)).filter((m) => m.direction === 'out').length;
    if (action.kind === 'say') {
      await request(`/chats/${action.who}/${action.channel}/text`, { text: action.text });
    } else if (action.kind === 'press') {
      // A label is matched whole, or as the start of one that carries a value ("Mặc định: 09:00 10/12/2026").
      const fits = (text: string) => text === action.button || text.startsWith(`${action.button}:`);
      const { target, data } = await eventually(async () => {
        const messages = await chat(action.who, 'telegram');
        const target = [...messages].reverse().find((m) => m.direction === 'out' && m.buttons?.flat().some((b) => fits(b.text)));
        return target && { target, data: target.buttons!.flat().find((b) => fits(b.text))!.data };
      }, `no button "${action.button}" in ${action.who}'s chat`);
      await request(`/chats/${action.who}/telegram/press`, { messageId: target.messageId, data });
    } else {
      const number = await eventually(async () => {
        const messages = await chat(action.who, 'zalo');
        const last = [...messages].reverse().find((m) => m.direction === 'out' && (m.text ?? '').split('\n').some((l) => CHOICE.test(l.trim())));
        return last?.text
          ?.split('\n')
          .map((l) => CHOICE.exec(l.trim()))
          .find((m) => m?.[2] === action.choice)?.[1];
      }, `no numbered choice "${action.choice}" in ${action.who}'s Zalo chat`);
      await request(`/chats/${action.who}/zalo/press`, { choice: Number(number) });
    }
    // The bot's answer in the same chat, before the story goes on.
    await eventually(
      async () => ((await chat(action.who, action.channel)).filter((m) => m.direction === 'out').length > before ? true : undefined),
      `the bot did not answer ${action.who} on ${action.channel}`,
    );
  }
}
