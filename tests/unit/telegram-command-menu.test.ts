// The command menu Telegram shows (src/channels/telegram/commands-menu.ts), published to the Telegram stand-in as the
// bot does at start: every command the router knows that a person types, Vietnamese by default and the English
// aliases for English-language clients, each with its description from the catalogue; the sandbox suggests, per
// person, a part of it in the same order.
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS, parseCommand } from '../../src/app/interaction/commands.js';
import { commandMenu, MENU_COMMANDS, publishCommandMenu } from '../../src/channels/telegram/commands-menu.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';

const TOKEN = '123456:test-token';

describe('the Telegram command menu', () => {
  let telegram: TelegramStandIn;
  const catalogue = Catalogue.load();

  beforeEach(async () => {
    telegram = await createTelegramStandIn();
  });
  afterEach(async () => {
    await telegram.close();
  });

  it('lists the commands in Vietnamese and, for English clients, their English aliases, described from the catalogue', async () => {
    const api = new Api(TOKEN, { apiRoot: telegram.url });
    await publishCommandMenu(api, catalogue);
    const vi = await api.getMyCommands();
    const en = await api.getMyCommands({ language_code: 'en' });
    expect(vi.map((c) => c.command)).toEqual([
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
    expect(en.map((c) => c.command)).toEqual([
      'tasks',
      'assign',
      'report',
      'ask',
      'opinions',
      'digest',
      'evaluation',
      'planreport',
      'signals',
      'review',
      'selfreview',
      'notices',
      'confirmread',
      'commend',
      'channel',
      'lang',
      'help',
      'cancel',
    ]);
    expect(vi.find((c) => c.command === 'quantriet')?.description).toBe('Thông báo quán triệt');
    expect(en.find((c) => c.command === 'notices')?.description).toBe('Notices to study');
    // Both words of each line reach the same command; Telegram's limits on words and descriptions hold.
    vi.forEach((c, i) => {
      expect(parseCommand(`/${c.command}`)?.name).toBe(MENU_COMMANDS[i]);
      expect(parseCommand(`/${en[i]!.command}`)?.name).toBe(MENU_COMMANDS[i]);
    });
    for (const c of [...vi, ...en]) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(c.description.length).toBeGreaterThanOrEqual(1);
      expect(c.description.length).toBeLessThanOrEqual(256);
      expect(c.description).not.toMatch(/^menu-/);
    }
  });

  it('leaves out only the commands nobody picks from a menu', () => {
    const listed = new Set<string>(MENU_COMMANDS);
    expect(Object.keys(COMMANDS).filter((c) => !listed.has(c))).toEqual(['start']);
    expect(commandMenu(catalogue, 'vi').map((c) => c.description)).toEqual(MENU_COMMANDS.map((c) => catalogue.t('vi', `menu-${COMMANDS[c][0]}` as never)));
  });
});
