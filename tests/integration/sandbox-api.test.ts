// The sandbox's HTTP API over HTTP, driven by the real bot: the harness composes the whole app as the sandbox does
// (bot receiving by long polling from the built-in Telegram and Zalo platforms, real workers, PostgreSQL, Redis, a
// movable clock) and serves the sandbox's page and API. Everything here is done as a person would do it on the page.
import { describe, expect, test as base } from 'vitest';
import type { ChatEntry } from '../../src/sandbox/platforms/chat-log.js';
import { commandMenu } from '../../src/channels/telegram/commands-menu.js';
import { linkOfficials, sandboxIdentity } from '../../src/sandbox/link-officials.js';
import type { PersonView, UnitView } from '../../src/sandbox/ports.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { waitUntil } from '../support/wait.js';

// Monday 07/12/2026 09:00 in Hà Nội.
const at = (local: string) => new Date(`${local}+07:00`);
const PEOPLE = ['TCKH-01', 'TCKH-02', 'TCKH-03', 'TCKH-04', 'UB-01', 'UB-02'];

interface SseEvent {
  event: string;
  data: any;
}

/** Reads the server-sent events of /sandbox/api/events into a list, until stopped. */
function followEvents(url: string) {
  const events: SseEvent[] = [];
  const abort = new AbortController();
  const done = (async () => {
    const response = await fetch(url, { signal: abort.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (event) events.push({ event, data: JSON.parse(data) });
      }
    }
  })().catch(() => {});
  return {
    events,
    async waitFor(matches: (e: SseEvent) => boolean, what: string, timeoutMs = 15_000): Promise<SseEvent> {
      return waitUntil(() => events.find(matches), { timeoutMs, message: what });
    },
    async stop() {
      abort.abort();
      await done;
    },
  };
}

/** One sandbox (the whole app composed as the sandbox runs, PEOPLE linked) and a page's ways to use its API. */
interface Sandbox {
  h: Harness;
  api: string;
  live: ReturnType<typeof followEvents>;
  get(path: string): Promise<{ status: number; body: any; headers: Headers }>;
  post(path: string, body: unknown, lang?: 'en'): Promise<{ status: number; body: any }>;
  /** Sends text as a person and waits for the bot's next message in that chat (seen through the event stream). */
  say(code: string, channel: 'telegram' | 'zalo', text: string): Promise<ChatEntry>;
  replyAfter(from: number, code: string, channel: 'telegram' | 'zalo'): Promise<ChatEntry>;
  /** Presses the newest button whose label contains `label`, in the person's Telegram chat, and waits for an answer. */
  press(code: string, label: string): Promise<ChatEntry>;
}

const tg = (code: string) => String(sandboxIdentity(code).telegramUserId);
const zl = (code: string) => sandboxIdentity(code).zaloUserId;

async function openSandbox(): Promise<Sandbox> {
  const h = await createHarness({ sandbox: true, start: at('2026-12-07T09:00').toISOString() });
  await h.importSample();
  await linkOfficials({ db: h.db.db, time: h.timeSource, telegram: h.tg, zalo: h.zalo }, PEOPLE);
  const api = `${h.baseUrl}/sandbox/api`;
  const live = followEvents(`${api}/events`);
  await live.waitFor((e) => e.event === 'hello', 'the event stream to open');

  const get = async (path: string) => {
    const r = await fetch(`${api}${path}`);
    return { status: r.status, body: (await r.json()) as any, headers: r.headers };
  };
  const post = async (path: string, body: unknown, lang?: 'en') => {
    const r = await fetch(`${api}${path}${lang ? `?lang=${lang}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as any };
  };
  async function replyAfter(from: number, code: string, channel: 'telegram' | 'zalo'): Promise<ChatEntry> {
    const chatId = channel === 'telegram' ? tg(code) : zl(code);
    const e = await live.waitFor(
      (e) =>
        live.events.indexOf(e) >= from &&
        e.event === 'chat' &&
        e.data.channel === channel &&
        e.data.entry.chatId === chatId &&
        e.data.entry.direction === 'out',
      `the bot's answer to ${code} on ${channel}`,
    );
    return e.data.entry as ChatEntry;
  }
  async function say(code: string, channel: 'telegram' | 'zalo', text: string): Promise<ChatEntry> {
    const from = live.events.length;
    const r = await post(`/chats/${code}/${channel}/text`, { text });
    expect(r.status).toBe(202);
    return replyAfter(from, code, channel);
  }
  async function press(code: string, label: string): Promise<ChatEntry> {
    const chat = (await get(`/chats/${code}/telegram`)).body.messages as ChatEntry[];
    const message = [...chat].reverse().find((m) => m.buttons?.flat().some((b) => b.text.includes(label)));
    if (!message) throw new Error(`no button "${label}" in ${code}'s chat`);
    const button = message.buttons!.flat().find((b) => b.text.includes(label))!;
    const from = live.events.length;
    const r = await post(`/chats/${code}/telegram/press`, { messageId: message.messageId, data: button.data });
    expect(r.status).toBe(202);
    return replyAfter(from, code, 'telegram');
  }
  return { h, api, live, get, post, say, replyAfter, press };
}

async function closeSandbox(s: Sandbox): Promise<void> {
  await s.live.stop();
  await s.h.close();
}

// Most tests share one sandbox (a file-scoped fixture): they do not move its clock, and each uses its own people or
// reads only. The two that need the clock at Monday 09:00 and move it (the ladder, and the "everyone" view across
// time) each get a sandbox of their own (`fresh`), so none continues another and any runs alone or first.
const test = base.extend<{ $test: { fresh: Sandbox }; $file: { shared: Sandbox } }>({
  shared: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const s = await openSandbox();
      try {
        await use(s);
      } finally {
        await closeSandbox(s);
      }
    },
    { scope: 'file' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
  fresh: async ({}, use) => {
    const s = await openSandbox();
    try {
      await use(s);
    } finally {
      await closeSandbox(s);
    }
  },
});

/** A hang guard for a test that starts its own sandbox: the start (two platforms, six people linked) and the test. */
const FRESH_MS = 240_000;

describe('the sandbox API, driven by the real bot over long polling', () => {
  test('serves the page and its texts in both languages', async ({ shared: { h, get } }) => {
    const page = await fetch(`${h.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/sandbox/page/app.js');
    const vi = (await get('/texts?lang=vi')).body;
    const en = (await get('/texts?lang=en')).body;
    expect(vi.texts).toMatchObject({ 'sandbox-time-open': 'Trong giờ làm việc', 'menu-viec': 'Việc cần tôi xử lý' });
    expect(en.texts).toMatchObject({ 'sandbox-time-open': 'Office hours', 'sandbox-tab-everyone': 'Everyone' });
    expect(Object.keys(vi.texts).sort()).toEqual(Object.keys(en.texts).sort());
  });

  test('lists the units as a tree with each official, title, role, commands and chats on both platforms', async ({ shared: { h, get } }) => {
    const { body } = await get('/people');
    const units = body.units as UnitView[];
    expect(units.map((u) => u.code)).toEqual(['HU']);
    const find = (code: string, list = units): UnitView | undefined => list.map((u) => (u.code === code ? u : find(code, u.children))).find(Boolean);
    const tckh = find('TCKH')!;
    expect(find('UBND')!.children.map((u) => u.code)).toContain('TCKH');
    expect(tckh.people.map((p) => `${p.code} ${p.role}`)).toEqual(['TCKH-01 HEAD', 'TCKH-02 DEPUTY', 'TCKH-03 MEMBER', 'TCKH-04 MEMBER']);
    const head = tckh.people[0] as PersonView;
    expect(head).toMatchObject({
      fullName: 'Võ Thanh Sơn',
      title: 'Trưởng phòng Tài chính – Kế hoạch',
      superiorCode: 'UB-02',
      telegramUserId: Number(tg('TCKH-01')),
      zaloUserId: zl('TCKH-01'),
    });
    // The commands as /trogiup lists them for each, in the order of Telegram's menu.
    expect(head.commands).toEqual([
      'viec',
      'giaoviec',
      'baocao',
      'xinykien',
      'ykien',
      'tonghop',
      'danhgia',
      'baocaokh',
      'canhbao',
      'rasoat',
      'tusoi',
      'quantriet',
      'danam',
      'bieuduong',
      'kenh',
      'lang',
      'trogiup',
      'huy',
    ]);
    expect(tckh.people[2]!.commands).toEqual(['viec', 'baocao', 'xinykien', 'ykien', 'tusoi', 'quantriet', 'danam', 'kenh', 'lang', 'trogiup', 'huy']);
    const menu = commandMenu(h.app.catalogue, 'vi').map((c) => c.command);
    for (const p of tckh.people) expect(menu.filter((c) => p.commands.includes(c))).toEqual(p.commands);
    const unlinked = find('PNV')!.people.find((p) => p.code === 'PNV-03')!;
    expect(unlinked.telegramUserId).toBeUndefined();
    expect(unlinked.zaloUserId).toBeUndefined();
  });

  test('a head assigns a task through the dialog by typing and pressing; the assignee presses "Nhận việc"', async ({ shared: { get, say, press } }) => {
    expect((await say('TCKH-01', 'telegram', '/giaoviec')).text).toContain('bước 1/5');
    expect((await say('TCKH-01', 'telegram', 'dao quang vinh')).text).toContain('bước 2/5');
    expect((await say('TCKH-01', 'telegram', 'Tổng hợp dự toán ngân sách năm 2027')).text).toContain('bước 3/5');
    expect((await say('TCKH-01', 'telegram', 'Bảng dự toán theo mẫu của Sở Tài chính')).text).toContain('bước 4/5');
    const priority = await say('TCKH-01', 'telegram', '18/12 16:00');
    expect(priority.buttons?.flat().map((b) => b.text)).toEqual(['Khẩn', 'Ưu tiên', 'Thường', 'Hủy']);
    expect((await press('TCKH-01', 'Thường')).buttons?.flat().map((b) => b.text)).toContain('Giao việc');
    expect((await press('TCKH-01', 'Giao việc')).text).toContain('NV-2026-0001');

    const assigned = await waitUntil(
      async () => ((await get(`/chats/TCKH-03/telegram`)).body.messages as ChatEntry[]).find((m) => m.text?.includes('NV-2026-0001')),
      { message: 'the task at the assignee' },
    );
    expect(assigned.buttons?.flat().map((b) => b.text)).toEqual(expect.arrayContaining(['Nhận việc', 'Xin gia hạn']));
    const accepted = await press('TCKH-03', 'Nhận việc');
    expect(accepted.text).toContain('NV-2026-0001');
    // The chat shows the press as the person's own line, and the assigner hears of it.
    const chat = (await get('/chats/TCKH-03/telegram')).body.messages as ChatEntry[];
    expect(chat.some((m) => m.direction === 'in' && m.pressed?.text === 'Nhận việc')).toBe(true);
    await waitUntil(
      async () =>
        ((await get('/chats/TCKH-01/telegram')).body.messages as ChatEntry[]).some((m) => m.direction === 'out' && /Đào Quang Vinh.*nhận/s.test(m.text ?? '')),
      { message: 'the assigner told of the acceptance' },
    );
  });

  test('answers bad input with a clear 4xx in Vietnamese (English on request), never acting', async ({ shared: { h, get, post } }) => {
    // Another test's notices may still be in the outbox on a busy machine: let every job finish first, so the count
    // below measures only what this test's bad requests would have sent.
    await h.idle(60_000);
    const before = h.tg.chat.seq + h.zalo.chat.seq;
    expect(await post('/chats/XX-99/telegram/text', { text: 'a' })).toEqual({
      status: 404,
      body: { error: 'sandbox-error-unknown-person', message: 'Không có cán bộ mã XX-99.' },
    });
    expect((await post('/chats/PNV-03/telegram/text', { text: 'a' })).body.message).toBe('Lê Văn Toàn chưa liên kết Telegram trong môi trường thử nghiệm.');
    expect((await post('/chats/PNV-03/zalo/text', { text: 'a' }, 'en')).body.message).toBe('Lê Văn Toàn is not linked on Zalo in the sandbox.');
    expect((await post('/chats/TCKH-01/viber/text', { text: 'a' })).status).toBe(404);
    expect(await post('/chats/TCKH-01/telegram/text', { text: '   ' })).toMatchObject({ status: 400, body: { error: 'sandbox-error-text-empty' } });
    expect(await post('/chats/TCKH-01/telegram/text', { text: 'x'.repeat(4097) })).toMatchObject({
      status: 400,
      body: { error: 'sandbox-error-text-too-long' },
    });
    expect(await post('/chats/TCKH-01/telegram/text', '{not json')).toMatchObject({ status: 400, body: { error: 'sandbox-error-bad-request' } });
    expect(await post('/chats/TCKH-01/telegram/press', { messageId: 1, data: 'no-such' })).toMatchObject({
      status: 409,
      body: { error: 'sandbox-error-no-such-button' },
    });
    expect(await post('/chats/TCKH-01/zalo/press', { messageId: 1, data: 'ac' })).toMatchObject({ status: 400, body: { error: 'sandbox-error-zalo-choice' } });
    expect(await post('/chats/TCKH-01/telegram/sample', { kind: 'video' })).toMatchObject({ status: 400 });
    expect(await post('/time', { move: 'back' })).toMatchObject({ status: 400, body: { error: 'sandbox-error-unknown-move' } });
    expect(await get('/everyone?item=NV-12')).toMatchObject({ status: 400, body: { error: 'sandbox-error-item-code' } });
    expect(await get('/everyone?unit=NOPE')).toMatchObject({ status: 404 });
    expect(await get('/files/telegram/nope')).toMatchObject({ status: 404, body: { error: 'sandbox-error-file-not-found' } });
    expect(await get('/no/such/path')).toMatchObject({ status: 404, body: { error: 'sandbox-error-not-found' } });
    expect(h.tg.chat.seq + h.zalo.chat.seq).toBe(before);
  });

  test('sends sample files: a photo the page can show again, a file Zalo hands the bot as unsupported', async ({ shared: { api, live, post, replyAfter } }) => {
    const from = live.events.length;
    const sent = await post('/chats/TCKH-03/telegram/sample', { kind: 'photo' });
    expect(sent.status).toBe(202);
    expect(sent.body.entry.attachment).toMatchObject({ kind: 'photo', filename: 'anh-hien-truong.png', mime: 'image/png' });
    await replyAfter(from, 'TCKH-03', 'telegram');
    const photo = await fetch(`${api}/files/telegram/${sent.body.entry.attachment.fileId}?inline=1`);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await photo.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    const fromZalo = live.events.length;
    expect((await post('/chats/TCKH-04/zalo/sample', { kind: 'file' })).body.entry.attachment).toMatchObject({
      kind: 'document',
      filename: 'bao-cao-tien-do-mau.pdf',
    });
    expect((await replyAfter(fromZalo, 'TCKH-04', 'zalo')).text).toBeTruthy();
  });

  test(
    'moves time on the working calendar: a task climbs the ladder, each level once and in order, then the digest',
    async ({ fresh: { h, live, get, post, say } }) => {
      // TCKH-04 takes notifications on Zalo from now on.
      await say('TCKH-04', 'zalo', '/kenh zalo');
      const task = await h.give('TCKH-01', 'TCKH-04', { title: 'Rà soát hồ sơ hỗ trợ thiệt hại do bão', deadline: at('2026-12-18T17:00') });
      expect(task.code).toBe('NV-2026-0001');

      const time = (await get('/time')).body;
      expect(time).toMatchObject({ day: 'Thứ Hai, 07/12/2026', time: '09:00', working: true, closed: null });
      expect(time.moves.map((m: { label: string }) => m.label)).toEqual([
        '+1 giờ (→ 10:00 Thứ Hai 07/12)',
        '+1 ngày làm việc (→ 09:00 Thứ Ba 08/12)',
        'Đến sáng mai (→ 07:30 Thứ Ba 08/12)',
      ]);

      const moved = await post('/time', { move: 'working-day' });
      expect(moved).toMatchObject({ status: 200, body: { day: 'Thứ Ba, 08/12/2026', time: '09:00' } });
      for (let i = 0; i < 5; i++) expect((await post('/time', { move: 'hour' })).status).toBe(200);
      expect((await get('/time')).body.time).toBe('14:00');

      // Seen from above: everything about the task, oldest first here (the item's code in lower case matches too).
      const about = (
        (await get(`/everyone?item=${task.code.toLowerCase()}`)).body.messages as (ChatEntry & { channel: string; person?: { code: string } })[]
      ).reverse();
      const line = (m: (typeof about)[number]) => `${new Date(m.at).toISOString()} ${m.channel} ${m.person?.code}`;
      expect(about.filter((m) => m.direction === 'out').map(line)).toEqual([
        `${at('2026-12-07T09:00').toISOString()} zalo TCKH-04`, // the task
        `${at('2026-12-07T15:00').toISOString()} zalo TCKH-04`, // level 0: time to accept ran out
        `${at('2026-12-08T07:30').toISOString()} zalo TCKH-04`, // level 1 (17:00 ends the day: at the next opening)
        `${at('2026-12-08T09:30').toISOString()} telegram TCKH-01`, // level 2: the head
        `${at('2026-12-08T13:30').toISOString()} telegram UB-02`, // level 3 (11:30 ends the morning): the head's superior
      ]);
      // The digest went out at 07:30 on Tuesday to the heads linked (once each).
      const digests = h.tg.chat.all().filter((e) => e.text?.startsWith('📋 Tổng hợp ngày 08/12/2026'));
      expect(digests.map((d) => d.chatId).sort()).toEqual([tg('TCKH-01'), tg('UB-01')].sort());
      expect(digests.every((d) => d.at === at('2026-12-08T07:30').getTime())).toBe(true);

      // Every page heard time move, and where it landed.
      expect(live.events.filter((e) => e.event === 'time' && e.data.moving === false).map((e) => e.data.now)).toContain(at('2026-12-08T14:00').toISOString());

      const morning = await post('/time', { move: 'morning' });
      expect(morning.body).toMatchObject({ day: 'Thứ Tư, 09/12/2026', time: '07:30', working: true });
      await waitUntil(() => h.tg.chat.history(tg('TCKH-01')).find((e) => e.text?.startsWith('📋 Tổng hợp ngày 09/12/2026')), {
        message: "Wednesday's digest at the head",
      });
    },
    FRESH_MS,
  );

  test(
    'the "everyone" view: newest first, by person and by unit with the units under it',
    async ({ fresh: { get, post, say } }) => {
      // Linking the six people on both platforms left their invite round trips at 09:00; an hour later the head of
      // TCKH and UB-02 (of UBND) ask for their lists, so the view spans two instants and two units.
      expect((await post('/time', { move: 'hour' })).status).toBe(200);
      await say('TCKH-01', 'telegram', '/viec');
      await say('UB-02', 'telegram', '/viec');
      const all = (await get('/everyone')).body.messages as (ChatEntry & { person?: { code: string; unitCode: string } })[];
      expect(all.length).toBeGreaterThan(20);
      for (let i = 1; i < all.length; i++) expect(all[i - 1]!.at).toBeGreaterThanOrEqual(all[i]!.at);
      expect(all[0]!.at).toBe(at('2026-12-07T10:00').getTime());
      expect(all.at(-1)!.at).toBe(at('2026-12-07T09:00').getTime());
      expect(all[0]!.person?.code).toBe('UB-02');
      const ub02 = (await get('/everyone?person=UB-02')).body.messages as typeof all;
      expect(ub02.length).toBeGreaterThan(0);
      expect(new Set(ub02.map((m) => m.person?.code))).toEqual(new Set(['UB-02']));
      const tckh = (await get('/everyone?unit=TCKH')).body.messages as typeof all;
      expect(new Set(tckh.map((m) => m.person?.unitCode))).toEqual(new Set(['TCKH']));
      const ubnd = (await get('/everyone?unit=UBND')).body.messages as typeof all;
      expect(new Set(ubnd.map((m) => m.person?.unitCode))).toEqual(new Set(['TCKH', 'UBND']));
      expect((await get('/everyone?limit=3')).body.messages).toHaveLength(3);
    },
    FRESH_MS,
  );

  test('downloads the XLSX the bot sent', async ({ shared: { api, live, post } }) => {
    const from = live.events.length;
    await post('/chats/TCKH-01/telegram/text', { text: '/danhgia thang' });
    const document = await live.waitFor(
      (e) => live.events.indexOf(e) >= from && e.event === 'chat' && e.data.entry.attachment?.kind === 'document' && e.data.entry.direction === 'out',
      'the evaluation workbook',
      30_000,
    );
    expect(document.data.person).toBe('TCKH-01');
    const file = await fetch(`${api}/files/telegram/${document.data.entry.attachment.fileId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.xlsx"/);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });
});
