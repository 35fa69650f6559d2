// The sandbox page in a real browser (Debian's chromium driven by playwright-core), served by the whole app composed
// as the sandbox runs it (tests/support/app-harness.ts with `sandbox: true`): a head assigns a task through the
// dialog by typing and pressing buttons, the assignee presses "Nhận việc", time moves on the working calendar and a
// second task's reminders and escalation arrive, the Zalo view is answered with a number, the digest comes after
// "to tomorrow morning", the "everyone" view shows the escalation from above, an official on the unit's Zalo OA picks it
// with the /kenh buttons and accepts a task with its button. Screenshots go to docs/screenshots/.
//
// One chromium per file (a file-scoped fixture: its start is the slow part); each test gets its own sandbox at Monday
// 09:00 and its own browser context (its own storage), so no test continues another's chats, tasks or clock, and any
// runs alone or first. The digest test walks the ladder the test before it checks, through the same page steps.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { describe, expect, test as base } from 'vitest';
import { linkEveryoneDirectly } from '../../src/sandbox/link-officials.js';
import { createHarness, type Harness } from '../support/app-harness.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`sandbox-page.test.ts skipped: ${CHROMIUM} is missing (install the Debian package: apt-get install -y chromium)`);

// The README's screenshots are rewritten only when asked (UPDATE_SCREENSHOTS=1): a test run leaves the tree as it was.
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.resolve(import.meta.dirname, '../../docs/screenshots') : path.join(tmpdir(), 'dondoc-screenshots');
const at = (local: string) => new Date(`${local}+07:00`);
/** Playwright's own waits: generous, the machine may be busy; each ends as soon as the page shows it. */
const SEEN_MS = 20_000;
/** The browser's first start and page load: a hang guard only. */
const START_MS = 120_000;
/** A hang guard for a test's own start: its sandbox, its browser context and the page's first load. */
const SETUP_MS = 2 * START_MS;

/** One test's sandbox and page, with the page steps a person takes. */
interface Sandbox {
  h: Harness;
  context: BrowserContext;
  page: Page;
  chat(code: string, channel: 'telegram' | 'zalo' | 'oa'): Locator;
  botSaid(c: Locator, text: string | RegExp): Locator;
  type(c: Locator, text: string, answer: string | RegExp): Promise<void>;
  /** Clicks the newest numbered line containing `label` in a Zalo chat and waits for the bot's answer. */
  choose(c: Locator, label: string, answer: string | RegExp): Promise<void>;
  open(code: string, channel: 'telegram' | 'zalo' | 'oa'): Promise<Locator>;
  moveTime(move: 'hour' | 'working-day' | 'morning', expectClock: string): Promise<void>;
}

function pageSteps(page: Page): Omit<Sandbox, 'h' | 'context' | 'page'> {
  const chat = (code: string, channel: 'telegram' | 'zalo' | 'oa'): Locator => page.locator(`article[data-chat="${code}:${channel}"]`);
  const botSaid = (c: Locator, text: string | RegExp): Locator => c.locator('li.msg.out').filter({ hasText: text }).last();
  async function type(c: Locator, text: string, answer: string | RegExp): Promise<void> {
    const before = await c.locator('li.msg.out').count();
    await c.locator('input[name="text"]').fill(text);
    await c.locator('input[name="text"]').press('Enter');
    await expect.poll(() => c.locator('li.msg.out').count(), { timeout: SEEN_MS }).toBeGreaterThan(before);
    await botSaid(c, answer).waitFor({ timeout: SEEN_MS });
  }
  async function choose(c: Locator, label: string, answer: string | RegExp): Promise<void> {
    const line = c.locator('li.msg.out').last().locator('button.choice', { hasText: label }).first();
    const number = await line.getAttribute('data-choice');
    const before = await c.locator('li.msg.out').count();
    await line.click();
    await c
      .locator('li.msg.in', { hasText: new RegExp(`^${number}`) })
      .last()
      .waitFor();
    await expect.poll(() => c.locator('li.msg.out').count(), { timeout: SEEN_MS }).toBeGreaterThan(before);
    await botSaid(c, answer).waitFor({ timeout: SEEN_MS });
  }
  async function open(code: string, channel: 'telegram' | 'zalo' | 'oa'): Promise<Locator> {
    await page.locator(`li.person[data-person="${code}"] button[data-open="${channel}"]`).click();
    const c = chat(code, channel);
    await c.waitFor({ timeout: SEEN_MS });
    return c;
  }
  async function moveTime(move: 'hour' | 'working-day' | 'morning', expectClock: string): Promise<void> {
    await page.locator(`#time-moves button[data-move="${move}"]`).click();
    await expect.poll(() => page.locator('#time-clock').textContent(), { timeout: 60_000 }).toBe(expectClock);
    await page.locator('#time-moves button[data-move="hour"]:not([disabled])').waitFor({ timeout: SEEN_MS });
  }
  return { chat, botSaid, type, choose, open, moveTime };
}

const test = base.extend<{ $test: { s: Sandbox }; $file: { browser: Browser } }>({
  browser: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      await mkdir(SHOTS, { recursive: true });
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
        timeout: START_MS,
      });
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'file' },
  ],
  s: async ({ browser }, use) => {
    const h = await createHarness({ sandbox: true, start: at('2026-12-07T09:00').toISOString() });
    let context: BrowserContext | undefined;
    try {
      await h.importSample();
      // Linked as the sandbox's first start links them (the invite round trip is tests/integration/sandbox-api's).
      await linkEveryoneDirectly({ db: h.db.db, time: h.timeSource, telegram: h.tg, zalo: h.zalo, oa: h.oa! }, [
        'TCKH-01',
        'TCKH-03',
        'TCKH-04',
        'UB-01',
        'UB-02',
      ]);
      context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN' });
      const page = await context.newPage();
      page.setDefaultTimeout(SEEN_MS);
      // A hang guard, not a yardstick: chromium's first start on a loaded machine (a cold font cache, load 40 on two
      // cores) took longer than SEEN_MS to load the page, and the whole file was skipped for it.
      await page.goto(h.baseUrl, { timeout: START_MS });
      await page.locator('#live[data-state="live"]').waitFor({ timeout: START_MS });
      await use({ h, context, page, ...pageSteps(page) });
    } finally {
      await context?.close();
      await h.close();
    }
  },
});

/**
 * Through the page: TCKH-04 takes notifications on Zalo, is given a task, and it climbs the ladder over a working day
 * and five hours to UB-02; then TCKH-04 accepts it by numbers on Zalo. Returns the task's code.
 */
async function climbOnZalo(s: Sandbox, atEscalation?: (superior: Locator) => Promise<void>): Promise<string> {
  const { h, page, botSaid, type, choose, open, moveTime } = s;
  // The head's chat is open from the start, as a person watching both sides would have it.
  const head = await open('TCKH-01', 'telegram');
  const zalo = await open('TCKH-04', 'zalo');
  await type(zalo, '/kenh zalo', /Zalo/);
  const { code } = await h.give('TCKH-01', 'TCKH-04', { title: 'Rà soát hồ sơ hỗ trợ thiệt hại do bão', deadline: at('2026-12-18T17:00') });
  await botSaid(zalo, code).waitFor();
  expect(await zalo.locator('button.choice').count()).toBeGreaterThan(0);

  await moveTime('working-day', '09:00');
  expect(await page.locator('#time-day').textContent()).toBe('Thứ Ba, 08/12/2026');
  await botSaid(zalo, `Nhắc: ${code} chưa được nhận việc`).waitFor();
  await botSaid(zalo, `Nhắc lần 2: ${code}`).waitFor();
  await botSaid(head, 'Tổng hợp ngày 08/12/2026').waitFor();

  await moveTime('hour', '10:00');
  await botSaid(head, `Báo cáo cấp trên: ${code} chưa được nhận việc`).waitFor();
  for (const clock of ['11:00', '12:00', '13:00', '14:00']) await moveTime('hour', clock);
  const superior = await open('UB-02', 'telegram');
  const escalation = botSaid(superior, `Báo cáo cấp trên: ${code}`);
  await escalation.waitFor();
  expect(await escalation.locator('button.inline').allTextContents()).toEqual(expect.arrayContaining(['Nhắc lại', 'Xem chi tiết']));
  await atEscalation?.(superior);

  // On Zalo there are no buttons: a numbered line sends its number. The reminders' numbers have expired by now
  // (30 minutes), so the member asks for the list first, as the bot tells them to.
  await type(zalo, '/viec', code);
  await choose(zalo, code, /Nhận việc/);
  await choose(zalo, 'Nhận việc', `Đồng chí đã nhận nhiệm vụ ${code}`);
  return code;
}

describe.skipIf(!hasChromium)(`the sandbox page in chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is missing)`}`, () => {
  test(
    'shows the people as a tree with titles and roles, in Vietnamese',
    async ({ s: { page } }) => {
      await expect.poll(() => page.locator('#tab-chats').textContent()).toBe('Trò chuyện');
      const head = page.locator('li.person[data-person="TCKH-01"]');
      expect(await head.locator('.person-name').textContent()).toContain('Võ Thanh Sơn');
      expect(await head.locator('.person-title').textContent()).toBe('Trưởng phòng Tài chính – Kế hoạch');
      expect(await head.locator('.role-HEAD').textContent()).toBe('Trưởng');
      // Units nest: TCKH under UBND under HU.
      expect(await page.locator('details[data-unit="HU"] details[data-unit="UBND"] details[data-unit="TCKH"]').count()).toBe(1);
      // Not linked on the sandbox platforms: its buttons cannot open a chat.
      expect(await page.locator('li.person[data-person="PNV-03"] button[data-open="telegram"]').isDisabled()).toBe(true);
      expect(await page.locator('#time-day').textContent()).toBe('Thứ Hai, 07/12/2026');
      expect(await page.locator('#time-clock').textContent()).toBe('09:00');
    },
    SETUP_MS,
  );

  test(
    'a head assigns a task through the dialog by typing and pressing buttons; the assignee presses "Nhận việc"',
    async ({ s: { page, botSaid, type, open } }) => {
      const head = await open('TCKH-01', 'telegram');
      expect(await head.locator('datalist option[value="/giaoviec"]').count()).toBe(1);
      await type(head, '/giaoviec', 'bước 1/5');
      await type(head, 'dao quang vinh', 'bước 2/5');
      await type(head, 'Tổng hợp dự toán ngân sách năm 2027', 'bước 3/5');
      await type(head, 'Bảng dự toán theo mẫu của Sở Tài chính', 'bước 4/5');
      await type(head, '18/12 16:00', 'bước 5/5');
      await botSaid(head, 'bước 5/5').locator('button.inline', { hasText: 'Thường' }).click();
      const confirm = botSaid(head, 'Giao việc');
      await confirm.locator('button.inline', { hasText: 'Giao việc' }).waitFor();
      await confirm.locator('button.inline', { hasText: 'Giao việc' }).click();
      await botSaid(head, 'NV-2026-0001').waitFor();

      const member = await open('TCKH-03', 'telegram');
      const task = botSaid(member, 'Nhiệm vụ mới NV-2026-0001');
      await task.locator('button.inline', { hasText: 'Nhận việc' }).click();
      await member.locator('li.msg.press', { hasText: 'Đã bấm: Nhận việc' }).waitFor();
      await botSaid(member, 'Đồng chí đã nhận nhiệm vụ NV-2026-0001').waitFor();
      await botSaid(head, 'NV-2026-0001 đã được nhận').waitFor();
      await page.locator('header.topbar').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'sandbox-chats.png') });
    },
    SETUP_MS + 120_000,
  );

  test(
    'moves time: a task climbs the ladder on Zalo and up to the superiors; a numbered reply answers it',
    async ({ s }) => {
      const code = await climbOnZalo(s, async (superior) => {
        // The escalation as the superior sees it: their chat alone.
        await superior.screenshot({ path: path.join(SHOTS, 'sandbox-escalation.png') });
      });
      expect(code).toBe('NV-2026-0001');
    },
    SETUP_MS + 180_000,
  );

  test(
    'shows the digest after "to tomorrow morning", and the escalations from above in the "everyone" view',
    async ({ s }) => {
      const { page, chat, botSaid, moveTime } = s;
      // The ladder of the test above, walked again through the page: Tuesday 14:00, the task accepted on Zalo.
      const code = await climbOnZalo(s);
      await moveTime('morning', '07:30');
      expect(await page.locator('#time-day').textContent()).toBe('Thứ Tư, 09/12/2026');
      await botSaid(chat('TCKH-01', 'telegram'), 'Tổng hợp ngày 09/12/2026').waitFor();

      await page.locator('#tab-everyone').click();
      await page.locator('#filter-item').fill(code);
      await page.locator('#everyone-filters button[type="submit"]').click();
      const feed = page.locator('#everyone-list li.feed-item');
      await expect.poll(() => feed.count()).toBeGreaterThanOrEqual(5);
      await page.locator('header.topbar').scrollIntoViewIfNeeded();
      const people = await feed.evaluateAll((items) => items.map((i) => i.getAttribute('data-person')));
      // What each line said, for the message when the people differ (the sandbox's clock, at the page's time).
      const lines = await feed.evaluateAll((items) => items.map((i) => `${i.getAttribute('data-person')}: ${(i.textContent ?? '').slice(0, 160)}`));
      expect(new Set(people), `${lines.join('\n')}\nsandbox now ${s.h.timeSource.now().toISOString()}`).toEqual(new Set(['TCKH-04', 'TCKH-01', 'UB-02']));
      // Newest first: the acceptance on Zalo is above the escalation to the superior.
      expect(people.indexOf('TCKH-04')).toBeLessThan(people.lastIndexOf('UB-02'));
      await page.screenshot({ path: path.join(SHOTS, 'sandbox-everyone.png') });
    },
    SETUP_MS + 180_000 + 120_000,
  );

  test(
    'on the Zalo OA, an official picks the OA with the /kenh buttons and accepts a task with its button',
    async ({ s: { h, page, botSaid, type, open } }) => {
      await page.locator('#tab-chats').click();
      const oa = await open('TCKH-03', 'oa');
      await type(oa, '/kenh', 'Tài khoản đã liên kết: Telegram, Zalo, Zalo OA');
      const choice = botSaid(oa, 'Tài khoản đã liên kết');
      expect(await choice.locator('button.inline').allTextContents()).toEqual(['Nhận qua Telegram', 'Nhận qua Zalo', 'Nhận qua Zalo OA']);
      await choice.locator('button.inline', { hasText: 'Nhận qua Zalo OA' }).click();
      await oa.locator('li.msg.press', { hasText: 'Nhận qua Zalo OA' }).waitFor();
      await botSaid(oa, 'Từ nay thông báo được gửi cho đồng chí qua Zalo OA').waitFor();

      await h.give('TCKH-01', 'TCKH-03', { title: 'Lập kế hoạch kiểm tra quyết toán ngân sách xã', deadline: at('2026-12-18T17:00') });
      const task = botSaid(oa, 'Lập kế hoạch kiểm tra quyết toán ngân sách xã');
      await task.waitFor();
      expect(await task.locator('button.inline').allTextContents()).toEqual(['Nhận việc', 'Xin gia hạn', 'Từ chối / đề xuất chuyển']);
      await task.locator('button.inline', { hasText: 'Nhận việc' }).click();
      await botSaid(oa, 'Đồng chí đã nhận nhiệm vụ').waitFor();
      // Every message shown is what the bot sent through the OA's API.
      expect(h.oa!.textsTo(h.oa!.chat.all().find((e) => e.direction === 'out' && e.text?.includes('Lập kế hoạch kiểm tra'))!.chatId)).toEqual(
        expect.arrayContaining([expect.stringContaining('Lập kế hoạch kiểm tra quyết toán ngân sách xã')]),
      );
      await oa.screenshot({ path: path.join(SHOTS, 'sandbox-oa.png') });
    },
    SETUP_MS + 120_000,
  );

  test(
    'switches to English, and fits a phone-size screen',
    async ({ s: { h, context, page, botSaid, type, open } }) => {
      // Two chats open with something in them, so the phone below has chats to bring back (and its screenshot shows
      // a unit at work): a task given to TCKH-03, and the head's digest of the unit.
      const head = await open('TCKH-01', 'telegram');
      const member = await open('TCKH-03', 'telegram');
      await h.give('TCKH-01', 'TCKH-03', { title: 'Tổng hợp dự toán ngân sách năm 2027', deadline: at('2026-12-18T17:00') });
      await botSaid(member, 'Tổng hợp dự toán ngân sách năm 2027').waitFor();
      await type(head, '/tonghop', 'Tổng hợp ngày 07/12/2026');
      // The Tour button (it plays the scripted tour: tests/integration/sandbox-tour.test.ts) is there, idle, in both languages.
      expect(await page.locator('#tour').textContent()).toBe('▶ Tham quan');
      expect(await page.locator('#tour').isEnabled()).toBe(true);
      expect(await page.locator('#tour-line').isHidden()).toBe(true);
      await page.locator('#lang').click();
      await expect.poll(() => page.locator('#tab-everyone').textContent()).toBe('Everyone');
      expect(await page.locator('#tour').textContent()).toBe('▶ Tour');
      await expect.poll(() => page.locator('#time-day').textContent()).toBe('Monday, 07/12/2026');
      expect(await page.locator('#time-moves button[data-move="hour"]').textContent()).toContain('+1 hour');
      await page.locator('#lang').click();
      await expect.poll(() => page.locator('#tab-everyone').textContent()).toBe('Toàn cảnh');

      const phone = await context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(h.baseUrl);
      await phone.locator('#live[data-state="live"]').waitFor();
      // The chats this browser had open come back, one under the other; nothing is wider than the screen.
      await phone.locator('article[data-chat="TCKH-01:telegram"] li.msg').first().waitFor();
      expect(await phone.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
      // With chats open the people panel is folded, so the chats come first.
      expect(await phone.locator('#people-panel').getAttribute('open')).toBeNull();
      await phone.locator('header.topbar').scrollIntoViewIfNeeded();
      await phone.screenshot({ path: path.join(SHOTS, 'sandbox-phone.png') });
      await phone.close();
    },
    SETUP_MS + 60_000,
  );
});
