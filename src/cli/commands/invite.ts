import { issueInvite } from '../../app/linking/issue-invite.js';
import type { Config } from '../../config.js';
import { DomainError } from '../../domain/errors.js';
import { asLocale } from '../../domain/locale.js';
import { DAY_MS, wall } from '../../domain/time/duration.js';
import { formatDateTime } from '../../i18n/format.js';
import { parseFlags, type CliCommand } from '../context.js';

const USAGE = 'invite OFFICIAL_CODE [--days N] [--lang vi|en]';
const GET_ME_TIMEOUT_MS = 5_000;

export type BotUsername = { username: string } | { username: null; reason: string };

/** The bot's @username for the deep link: configured, else asked of Telegram (getMe), else unknown with the reason. */
export async function resolveBotUsername(config: Config, fetchImpl: typeof fetch = fetch): Promise<BotUsername> {
  if (config.telegram.username) return { username: config.telegram.username };
  if (!config.telegram.token) return { username: null, reason: 'TELEGRAM_BOT_TOKEN is not set' };
  try {
    const response = await fetchImpl(`${config.telegram.apiRoot}/bot${config.telegram.token}/getMe`, { signal: AbortSignal.timeout(GET_ME_TIMEOUT_MS) });
    const body = (await response.json()) as { ok?: unknown; result?: { username?: unknown }; description?: unknown };
    if (body.ok === true && typeof body.result?.username === 'string') return { username: body.result.username };
    return { username: null, reason: `getMe answered ${response.status}${typeof body.description === 'string' ? `: ${body.description}` : ''}` };
  } catch (e) {
    return { username: null, reason: `getMe failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export const inviteCommand: CliCommand = {
  path: ['invite'],
  usage: USAGE,
  summary: 'issue a one-time code (and Telegram link) for an official to link a chat account',
  async run(ctx, args) {
    const { flags, positional } = parseFlags(args);
    const officialCode = positional[0];
    const days = flags.days === undefined ? 7 : Number(flags.days);
    if (!officialCode || positional.length > 1 || !Number.isInteger(days) || days < 1 || days > 90) {
      ctx.err(`usage: npm run cli -- ${USAGE}   (--days: 1–90, default 7)`);
      return 2;
    }
    const t = ctx.catalogue.translator(asLocale(typeof flags.lang === 'string' ? flags.lang : 'vi'));
    const opened = await ctx.openDatabase();
    try {
      const invite = await issueInvite(opened.db, { officialCode, now: ctx.clock.now(), ttl: wall(days * DAY_MS) });
      const o = invite.official;
      const bot = await resolveBotUsername(ctx.config);
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
        ctx.err(t(e.key, e.args));
        return 1;
      }
      throw e;
    } finally {
      await opened.close();
    }
  },
};
