import { issueInvite } from '../../app/linking/issue-invite.js';
import type { Config } from '../../config.js';
import type { PrismaClient } from '../../db/client.js';
import { readSetting, TELEGRAM_USERNAME, writeSetting } from '../../db/repositories/setting.repository.js';
import { DomainError } from '../../domain/errors.js';
import { asLocale } from '../../domain/locale.js';
import { DAY_MS, wall } from '../../domain/time/duration.js';
import { formatDateTime } from '../../domain/time/local-time.js';
import { defineCommand } from '../define-command.js';
import { dynamicKey } from '../../i18n/catalogue.js';
import { createStores } from '../../db/stores.js';

const USAGE = 'invite OFFICIAL_CODE [--days N] [--lang vi|en]';
const GET_ME_TIMEOUT_MS = 3_000;

export type BotUsername = { username: string; source: 'config' | 'recorded' | 'getMe' } | { username: null; reason: string };

/** Asks Telegram who the bot is, once, briefly: the office's server may not reach Telegram at all. */
async function askGetMe(config: Config, fetchImpl: typeof fetch): Promise<BotUsername> {
  if (!config.telegram.token)
    return { username: null, reason: 'TELEGRAM_BOT_TOKEN is not set (in the environment or .env), and the bot has not recorded its username yet' };
  try {
    const response = await fetchImpl(`${config.telegram.apiRoot}/bot${config.telegram.token}/getMe`, { signal: AbortSignal.timeout(GET_ME_TIMEOUT_MS) });
    const body = (await response.json()) as { ok?: unknown; result?: { username?: unknown }; description?: unknown };
    if (body.ok === true && typeof body.result?.username === 'string') return { username: body.result.username, source: 'getMe' };
    return { username: null, reason: `getMe answered ${response.status}${typeof body.description === 'string' ? `: ${body.description}` : ''}` };
  } catch (e) {
    return { username: null, reason: `getMe failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The bot's @username for the deep link: TELEGRAM_BOT_USERNAME, else what the bot recorded at its last start, else
 * asked of Telegram (getMe, and recorded), else unknown with the reason.
 */
export async function resolveBotUsername(config: Config, db: PrismaClient, fetchImpl: typeof fetch = fetch): Promise<BotUsername> {
  if (config.telegram.username) return { username: config.telegram.username, source: 'config' };
  const recorded = await readSetting(db, TELEGRAM_USERNAME);
  if (recorded) return { username: recorded, source: 'recorded' };
  const asked = await askGetMe(config, fetchImpl);
  if (asked.username !== null) await writeSetting(db, TELEGRAM_USERNAME, asked.username);
  return asked;
}

export const inviteCommand = defineCommand({
  path: ['invite'],
  usage: USAGE,
  summary: 'issue a one-time code (and Telegram link) for an official to link a chat account',
  options: { days: { type: 'string' }, lang: { type: 'string' } },
  async run(ctx, { values: flags, positionals: positional }) {
    const officialCode = positional[0];
    const days = flags.days === undefined ? 7 : Number(flags.days);
    if (!officialCode || positional.length > 1 || !Number.isInteger(days) || days < 1 || days > 90) {
      ctx.err(`usage: npm run cli -- ${USAGE}   (--days: 1–90, default 7)`);
      return 2;
    }
    const t = ctx.catalogue.translator(asLocale(flags.lang ?? 'vi'));
    const opened = await ctx.openDatabase();
    try {
      const invite = await issueInvite({ stores: createStores(opened.db) }, { officialCode, now: ctx.time.now(), ttl: wall(days * DAY_MS) });
      const o = invite.official;
      const bot = await resolveBotUsername(ctx.config, opened.db);
      ctx.out(`Cán bộ / Official: ${o.fullName} (${o.code}), ${o.title}`);
      ctx.out(`Đơn vị / Unit: ${o.unitName}`);
      ctx.out(`Hết hạn / Expires: ${formatDateTime(invite.expiresAt, ctx.config.timezone)} (${ctx.config.timezone})`);
      ctx.out(`Telegram: https://t.me/${bot.username ?? '<bot>'}?start=${invite.code}`);
      if (bot.username === null) ctx.out(`  (${bot.reason}; đặt / set TELEGRAM_BOT_USERNAME để có đường dẫn đầy đủ / for a complete link)`);
      ctx.out(`Zalo: /start ${invite.code}`);
      ctx.out('Mã mời / Invite code:');
      ctx.out(invite.code);
      return 0;
    } catch (e) {
      if (e instanceof DomainError) {
        ctx.err(t(dynamicKey(e.key), e.args));
        return 1;
      }
      throw e;
    } finally {
      await opened.close();
    }
  },
});
