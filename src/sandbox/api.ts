// The sandbox's HTTP API, a Hono sub-app: the page at `/`, and under /sandbox/api what the page (and the scripted
// tour) does: read the people and their chats, act in a chat as that person (text, a button, a sample file), follow
// every message live (server-sent events), move time, read everything sent to anyone, download what the bot sent.
// It acts on the built-in platforms exactly as a person would: the bot sees ordinary updates and nothing else.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { Locale } from '../domain/locale.js';
import { formatTime } from '../domain/time/local-time.js';
import { everyone, indexPeople, ITEM_CODE, type PeopleIndex } from './everyone.js';
import { mountPage } from './page-files.js';
import type { ChatEntry } from './platforms/chat-log.js';
import { UserActionRefused } from './platforms/telegram.js';
import { channelsOf, type OaSide, type PersonView, type SandboxChannel, type SandboxPorts } from './ports.js';
import { sampleDocument, samplePhoto } from './samples.js';
import { describeTime, type TimeEvent } from './time-view.js';
import { moveTarget, TIME_MOVES, TimeMoveRefused, type TimeMove } from './time-moves.js';
import { dynamicKey } from '../i18n/catalogue.js';
import { asciiFilename } from '../domain/text/normalize.js';
import { TOUR } from './tour.js';
import { playTour } from './tour-player.js';

export const SANDBOX_API = '/sandbox/api';
/** What a person may type in one message (Telegram's own limit on what a user sends). */
export const MAX_TEXT = 4096;

const textBody = z.object({ text: z.string() });
const pressBody = z.union([
  z.object({ messageId: z.union([z.string(), z.number()]).transform(String), data: z.string().min(1).max(64) }),
  z.object({ choice: z.number().int().min(1).max(99) }),
]);
const sampleBody = z.object({ kind: z.enum(['photo', 'file']) });
const moveBody = z.object({ move: z.enum(TIME_MOVES as [TimeMove, ...TimeMove[]]) });

class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413,
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

function localeOf(c: Context): Locale {
  const asked = c.req.query('lang') ?? c.req.header('x-sandbox-lang');
  return asked === 'en' ? 'en' : 'vi';
}

/**
 * The texts the page shows, in one language: every `sandbox-…` key, and the bot's own descriptions of its commands
 * (`menu-…`, as Telegram's command menu shows them). The catalogue holds them like any other text.
 */
function pageTexts(ports: SandboxPorts, locale: Locale): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const key of ports.catalogue.keys(locale).filter((k) => k.startsWith('sandbox-') || k.startsWith('menu-'))) {
    // Texts that take arguments (error messages, move labels) are filled in by the server where they are used: without
    // them Fluent refuses to format, and the page has no use for them.
    try {
      texts[key] = ports.catalogue.t(locale, dynamicKey(key));
    } catch {}
  }
  return texts;
}

/** The scripted tour as the page's "Tour" button plays it: which step, and the narration of each step so far. */
export interface TourStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  step: number;
  of: number;
  narrations: string[];
  error?: string;
}

export interface SandboxAppOptions {
  /** Ends every open event stream (the server is stopping: open streams would keep it from closing). */
  signal?: AbortSignal;
}

export function createSandboxApp(ports: SandboxPorts, options: SandboxAppOptions = {}): Hono {
  const app = new Hono();
  const { platforms, time } = ports;
  const timeListeners = new Set<(event: TimeEvent) => void>();
  const channels = channelsOf(platforms);
  const oa = (): OaSide => platforms.oa!;
  const logOf = (channel: SandboxChannel) => platforms[channel]!.chat;
  const channelName = (channel: SandboxChannel) => (channel === 'telegram' ? 'Telegram' : channel === 'zalo' ? 'Zalo' : 'Zalo OA');

  async function people(): Promise<PeopleIndex> {
    return indexPeople(await ports.people.tree());
  }

  async function personOf(code: string): Promise<PersonView> {
    const person = (await people()).byCode.get(code);
    if (!person) throw new ApiError(404, 'sandbox-error-unknown-person', { code });
    return person;
  }

  function channelOf(name: string): SandboxChannel {
    if (!(channels as readonly string[]).includes(name)) throw new ApiError(404, 'sandbox-error-unknown-channel', { channel: name });
    return name as SandboxChannel;
  }

  /** The person's chat on a platform: their user id there, which is also the private chat's id. */
  function chatOf(person: PersonView, channel: SandboxChannel): string {
    const id = channel === 'telegram' ? person.telegramUserId : channel === 'zalo' ? person.zaloUserId : person.oaUserId;
    if (id === undefined) throw new ApiError(409, 'sandbox-error-not-linked', { name: person.fullName, channel: channelName(channel) });
    return String(id);
  }

  async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiError(400, 'sandbox-error-bad-request');
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new ApiError(400, 'sandbox-error-bad-request');
    return parsed.data;
  }

  app.onError((error, c) => {
    const locale = localeOf(c);
    if (error instanceof ApiError) return c.json({ error: error.key, message: ports.catalogue.t(locale, dynamicKey(error.key), error.args) }, error.status);
    if (error instanceof UserActionRefused)
      return c.json({ error: 'sandbox-error-no-such-button', message: ports.catalogue.t(locale, 'sandbox-error-no-such-button') }, 409);
    if (error instanceof TimeMoveRefused) {
      const key = error.reason === 'busy' ? 'sandbox-error-time-busy' : 'sandbox-error-time-backwards';
      return c.json({ error: key, message: ports.catalogue.t(locale, key) }, error.reason === 'busy' ? 409 : 400);
    }
    throw error;
  });

  mountPage(app);

  const api = new Hono();
  api.use(
    '*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => c.json({ error: 'sandbox-error-too-large', message: ports.catalogue.t(localeOf(c), 'sandbox-error-too-large') }, 413),
    }),
  );

  api.get('/texts', (c) => c.json({ lang: localeOf(c), texts: pageTexts(ports, localeOf(c)) }));

  api.get('/people', async (c) => c.json({ units: await ports.people.tree() }));

  api.get('/chats/:code/:channel', async (c) => {
    const person = await personOf(c.req.param('code'));
    const channel = channelOf(c.req.param('channel'));
    const chatId = chatOf(person, channel);
    return c.json({ person, channel, chatId, messages: logOf(channel).history(chatId) });
  });

  api.post('/chats/:code/:channel/text', async (c) => {
    const person = await personOf(c.req.param('code'));
    const channel = channelOf(c.req.param('channel'));
    const chatId = chatOf(person, channel);
    const { text } = await body(c, textBody);
    if (text.trim() === '') throw new ApiError(400, 'sandbox-error-text-empty');
    if (text.length > MAX_TEXT) throw new ApiError(400, 'sandbox-error-text-too-long', { max: MAX_TEXT });
    const entry =
      channel === 'telegram'
        ? platforms.telegram.userSendsText(Number(chatId), text)
        : channel === 'zalo'
          ? await platforms.zalo.userSendsText(chatId, text)
          : await oa().sayAsPerson(chatId, text);
    return c.json({ entry }, 202);
  });

  api.post('/chats/:code/:channel/press', async (c) => {
    const person = await personOf(c.req.param('code'));
    const channel = channelOf(c.req.param('channel'));
    const chatId = chatOf(person, channel);
    const press = await body(c, pressBody);
    let entry: ChatEntry;
    if (channel === 'telegram') {
      if (!('data' in press) || !/^\d+$/.test(press.messageId)) throw new ApiError(400, 'sandbox-error-bad-request');
      entry = platforms.telegram.userPresses(Number(chatId), Number(press.messageId), press.data);
    } else if (channel === 'oa') {
      // The OA's buttons: the pressed one's payload comes back as the person's text, as on Zalo.
      if (!('data' in press)) throw new ApiError(400, 'sandbox-error-bad-request');
      entry = await oa().pressAsPerson(chatId, press.messageId, press.data);
    } else {
      // Zalo has no buttons: the person answers a numbered choice by sending its number.
      if (!('choice' in press)) throw new ApiError(400, 'sandbox-error-zalo-choice');
      entry = await platforms.zalo.userSendsText(chatId, String(press.choice));
    }
    return c.json({ entry }, 202);
  });

  api.post('/chats/:code/:channel/sample', async (c) => {
    const person = await personOf(c.req.param('code'));
    const channel = channelOf(c.req.param('channel'));
    const chatId = chatOf(person, channel);
    const { kind } = await body(c, sampleBody);
    const locale = localeOf(c);
    let entry: ChatEntry;
    if (kind === 'photo') {
      const photo = { ...samplePhoto(), caption: ports.catalogue.t(locale, 'sandbox-sample-photo-caption') };
      entry =
        channel === 'telegram'
          ? platforms.telegram.userSendsPhoto(Number(chatId), photo)
          : channel === 'zalo'
            ? await platforms.zalo.userSendsImage(chatId, photo)
            : await oa().photoAsPerson(chatId, photo);
    } else {
      const document = { ...sampleDocument(), caption: ports.catalogue.t(locale, 'sandbox-sample-file-caption') };
      entry =
        channel === 'telegram'
          ? platforms.telegram.userSendsDocument(Number(chatId), document)
          : channel === 'zalo'
            ? await platforms.zalo.userSendsFile(chatId, { filename: document.filename, size: document.bytes.length })
            : await oa().fileAsPerson(chatId, document);
    }
    return c.json({ entry }, 202);
  });

  api.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const index = await people();
      const send = (event: string, data: unknown) => void stream.writeSSE({ event, data: JSON.stringify(data) }).catch(() => {});
      const offs = channels.map((channel) =>
        logOf(channel).subscribe((e) => {
          const person = index.byChat.get(`${channel}:${e.entry.chatId}`);
          send('chat', { channel, type: e.type, seq: e.seq, entry: e.entry, person: person?.code ?? null });
        }),
      );
      const onTime = (event: TimeEvent) => send('time', event);
      timeListeners.add(onTime);
      send('hello', Object.fromEntries(channels.map((channel) => [channel, logOf(channel).seq])));
      await new Promise<void>((resolve) => {
        const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => {}), 15_000);
        const end = () => {
          clearInterval(heartbeat);
          resolve();
        };
        stream.onAbort(end);
        if (options.signal?.aborted) end();
        options.signal?.addEventListener('abort', end, { once: true });
      });
      offs.forEach((off) => off());
      timeListeners.delete(onTime);
    }),
  );

  api.get('/time', async (c) => c.json(await describeTime(time, ports.catalogue, localeOf(c))));

  // The "Tour" button: the scripted tour (tour.ts), played through this same API as `npm start -- --tour` plays it,
  // one at a time; the page asks how far it got. It acts on whatever the sandbox holds now (--reset for fresh data).
  let tour: TourStatus = { state: 'idle', step: 0, of: TOUR.length, narrations: [] };
  api.get('/tour', (c) => c.json(tour));
  api.post('/tour', (c) => {
    if (tour.state === 'running') throw new ApiError(409, 'sandbox-error-tour-running');
    const lang = localeOf(c);
    const baseUrl = new URL(c.req.url).origin;
    tour = { state: 'running', step: 0, of: TOUR.length, narrations: [] };
    const playing = tour;
    void playTour({
      baseUrl,
      lang,
      steps: TOUR,
      ...(options.signal ? { signal: options.signal } : {}),
      onStep: (_step, narration, index) => {
        playing.step = index + 1;
        playing.narrations.push(narration);
      },
    }).then(
      () => void (playing.state = 'done'),
      (e: unknown) => {
        playing.state = 'failed';
        playing.error = e instanceof Error ? e.message : String(e);
      },
    );
    return c.json(tour, 202);
  });

  api.post('/time', async (c) => {
    const { move } = await body(c, moveBody).catch(() => {
      throw new ApiError(400, 'sandbox-error-unknown-move');
    });
    const calendar = await time.calendar();
    const from = time.now();
    const target = moveTarget(calendar, from, move, time.digestTime);
    for (const listen of timeListeners) listen({ moving: true, from: from.toISOString(), to: target.toISOString() });
    try {
      if (move === 'hour') await time.advance(target.getTime() - from.getTime());
      else if (move === 'working-day') await time.advanceWorkingDays(1);
      else await time.to(`${time.digestTime} tomorrow`);
    } finally {
      for (const listen of timeListeners) listen({ moving: false, now: time.now().toISOString() });
    }
    return c.json(await describeTime(time, ports.catalogue, localeOf(c)));
  });

  api.get('/everyone', async (c) => {
    const person = c.req.query('person') || undefined;
    const unit = c.req.query('unit') || undefined;
    const item = c.req.query('item')?.trim() || undefined;
    const limit = Number(c.req.query('limit') ?? 200);
    if (item !== undefined && !ITEM_CODE.test(item)) throw new ApiError(400, 'sandbox-error-item-code', { item });
    if (!Number.isInteger(limit) || limit < 1 || limit > 2000) throw new ApiError(400, 'sandbox-error-bad-request');
    const index = await people();
    if (person !== undefined && !index.byCode.has(person)) throw new ApiError(404, 'sandbox-error-unknown-person', { code: person });
    if (unit !== undefined && !index.subtree.has(unit)) throw new ApiError(404, 'sandbox-error-unknown-unit', { code: unit });
    const messages = everyone(
      channels.map((channel) => ({ channel, entries: logOf(channel).all() })),
      index,
      { ...(person ? { person } : {}), ...(unit ? { unit } : {}), ...(item ? { item } : {}), limit },
    );
    const timezone = (await time.calendar()).timezone;
    return c.json({ messages: messages.map((m) => ({ ...m, local: `${formatTime(new Date(m.at), timezone)}` })) });
  });

  api.get('/files/:channel/:id', (c) => {
    const channel = channelOf(c.req.param('channel'));
    const id = c.req.param('id');
    const file: { bytes: Buffer; filename: string; mime?: string } | undefined =
      channel === 'telegram' ? platforms.telegram.file(id) : channel === 'zalo' ? platforms.zalo.media(id) : oa().media(id);
    if (!file) throw new ApiError(404, 'sandbox-error-file-not-found');
    const inline = c.req.query('inline') === '1';
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.mime ?? mimeOf(file.filename),
      'content-length': String(file.bytes.length),
      'content-disposition': disposition(file.filename, inline),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  api.all('*', (c) => c.json({ error: 'sandbox-error-not-found', message: ports.catalogue.t(localeOf(c), 'sandbox-error-not-found') }, 404));
  app.route(SANDBOX_API, api);
  return app;
}

const MIME: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function mimeOf(filename: string): string {
  return MIME[/\.[a-z0-9]+$/i.exec(filename)?.[0]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** The original (Vietnamese) name for browsers and an ASCII fallback for the rest. */
function disposition(filename: string, inline: boolean): string {
  const ascii = asciiFilename(filename);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
