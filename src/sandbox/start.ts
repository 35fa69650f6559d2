// `npm start` with no bot token: the sandbox. The same bot as a deployment (embedded PostgreSQL, Redis, queues,
// workers, router, delivery) but its Telegram and Zalo are the built-in platforms on 127.0.0.1, reached through the
// usual API-root seams, its data lives in <DATA_DIR>/sandbox (never a deployment's), its BullMQ keys under their own
// prefix, and its clock is real time shifted by the trainer's moves (kept across restarts). src/main.ts runs it
// through its ordinary path with the configuration this module derives.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { AppContext } from '../app/context.js';
import { importOrganisation } from '../app/org/import-organisation.js';
import { ConfigError, type Config } from '../config.js';
import { PROJECT_ROOT, type EnvironmentValues } from '../config/environment.js';
import type { PrismaClient } from '../db/client.js';
import { ensurePrivateDir, writePrivateFile } from '../db/private-files.js';
import type { Locale } from '../domain/locale.js';
import { linkEveryoneDirectly } from './link-officials.js';
import { startTelegramPlatform, type TelegramPlatform } from './platforms/telegram.js';
import { startZaloBotPlatform, type ZaloBotPlatform } from './platforms/zalo-bot.js';
import { startZaloOaPlatform, type ZaloOaPlatform } from './platforms/zalo-oa.js';
import { ZALO_OA_WEBHOOK_PATH } from '../channels/zalo-oa/webhook.js';
import { SandboxTimeSource } from './sandbox-time-source.js';

// Any token does for the built-in platforms; these say what they are wherever they show up.
const TELEGRAM_TOKEN = '7000000001:sandbox-built-in-telegram-token';
const ZALO_TOKEN = '1234567890123456789:sandbox-built-in-zalo-token';
export const SAMPLE_DISTRICT = path.join(PROJECT_ROOT, 'samples', 'huyen-mau.csv');

export interface SandboxArgs {
  /** --reset: start over (wipe the sandbox's data directory and its Redis keys). */
  reset: boolean;
  /** --tour: play the scripted tour once the sandbox is up. */
  tour: boolean;
}

/** The command line of `npm start -- …`; an unknown option stops the start rather than being ignored. */
export function parseStartArgs(argv: readonly string[]): SandboxArgs {
  const unknown = argv.filter((a) => a !== '--reset' && a !== '--tour');
  if (unknown.length > 0) throw new ConfigError([`unknown option ${unknown.join(' ')} (npm start accepts --reset and --tour) / tùy chọn không hợp lệ`]);
  return { reset: argv.includes('--reset'), tour: argv.includes('--tour') };
}

/** No token for either platform: there is nothing real to talk to, so the start is a sandbox. */
export function wantsSandbox(config: Config): boolean {
  return !config.telegram.token && !config.zalo.token && !config.zaloOa;
}

/** The language of the operator's terminal (LC_ALL, LC_MESSAGES, LANG): English when it says so, else Vietnamese. */
export function terminalLocale(env: EnvironmentValues): Locale {
  const lang = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v && v.trim() !== '') ?? '';
  return /^en\b|^en_/i.test(lang) ? 'en' : 'vi';
}

/** The sandbox clock whose shift ahead of real time is written to the data directory at every move. */
export class KeptTimeSource extends SandboxTimeSource {
  constructor(private readonly file: string) {
    const saved = existsSync(file) ? Number((JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown }).offsetMs) : 0;
    super(new Date(Date.now() + (Number.isFinite(saved) && saved > 0 ? saved : 0)));
  }

  override set(to: Date): void {
    super.set(to);
    writePrivateFile(this.file, `${JSON.stringify({ offsetMs: this.offsetMs })}\n`);
  }
}

export interface SandboxMode {
  args: SandboxArgs;
  /** The deployment's configuration turned to the sandbox: its data dir, prefix, host, and the built-in platforms. */
  config: Config;
  time: KeptTimeSource;
  platforms: { telegram: TelegramPlatform; zalo: ZaloBotPlatform; oa: ZaloOaPlatform };
  /** The page's address for the log line. */
  pageUrl: string;
  /** With --reset: deletes the sandbox's keys in Redis, before any queue is opened. */
  wipeRedis(redisUrl: string): Promise<number>;
  close(): Promise<void>;
}

export async function enterSandbox(config: Config, env: EnvironmentValues, args: SandboxArgs): Promise<SandboxMode> {
  const dataDir = path.join(config.dataDir, 'sandbox');
  if (args.reset) rmSync(dataDir, { recursive: true, force: true });
  ensurePrivateDir(dataDir);
  const time = new KeptTimeSource(path.join(dataDir, 'clock.json'));
  const now = () => time.now().getTime();
  const telegram = await startTelegramPlatform({ now, token: TELEGRAM_TOKEN, botInfo: { first_name: 'Đôn đốc (sandbox)', username: 'dondoc_sandbox_bot' } });
  const zalo = await startZaloBotPlatform({ now, token: ZALO_TOKEN, botInfo: { account_name: 'Đôn đốc (sandbox)' } });
  const oa = await startZaloOaPlatform({ now, oaName: 'Đôn đốc – UBND huyện Mẫu (sandbox)' });
  // Only on this machine unless HTTP_HOST says otherwise: the page lets anyone act as anyone.
  const httpHost = env.HTTP_HOST?.trim() ? config.httpHost : '127.0.0.1';
  const pageHost = httpHost === '0.0.0.0' || httpHost === '::' ? '127.0.0.1' : httpHost;
  const pageUrl = `http://${pageHost.includes(':') ? `[${pageHost}]` : pageHost}:${config.httpPort}/`;
  const queuePrefix = `${config.queuePrefix}-sandbox`;
  const sandboxConfig: Config = {
    ...config,
    // The embedded database of the sandbox, whatever DATABASE_URL says: trying must never write to a deployment.
    databaseUrl: undefined,
    dataDir,
    queuePrefix,
    httpHost,
    role: 'all',
    workerQueues: ['clocks', 'delivery', 'maintenance', 'webhooks'],
    // Zalo gets files as links to our server, as in a deployment.
    publicBaseUrl: pageUrl.replace(/\/$/, ''),
    telegram: { token: TELEGRAM_TOKEN, username: undefined, apiRoot: telegram.url, webhook: undefined },
    zalo: { token: ZALO_TOKEN, apiRoot: zalo.url, webhook: undefined, monthlyCap: config.zalo.monthlyCap },
    // The unit's Official Account, built in: its webhook is this server's, its tokens are minted at every start
    // (seedSandboxOaTokens) and sealed with a key made for this run (nothing sealed outlives it that a restart needs).
    zaloOa: {
      appId: oa.appId,
      secretKey: oa.appSecretKey,
      oaSecretKey: oa.oaSecretKey,
      oaId: oa.oaId,
      keyring: { currentId: 'sandbox', keys: new Map([['sandbox', randomBytes(32)]]) },
      apiRoot: oa.url,
      oauthRoot: oa.url,
      webhookPath: ZALO_OA_WEBHOOK_PATH,
      redirectUri: undefined,
      templateId: undefined,
    },
  };
  oa.setWebhook(`${pageUrl.replace(/\/$/, '')}${ZALO_OA_WEBHOOK_PATH}`);
  return {
    args,
    config: sandboxConfig,
    time,
    platforms: { telegram, zalo, oa },
    pageUrl,
    async wipeRedis(redisUrl) {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
      try {
        await redis.connect();
        let removed = 0;
        for await (const keys of redis.scanStream({ match: `${queuePrefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
          if (keys.length > 0) removed += await redis.unlink(...keys);
        }
        return removed;
      } finally {
        redis.disconnect();
      }
    },
    async close() {
      await telegram.close();
      await zalo.close();
      await oa.close();
    },
  };
}

export interface PopulateDeps {
  db: PrismaClient;
  app: Pick<AppContext, 'invalidate' | 'stores'>;
  time: { now(): Date };
  platforms: SandboxMode['platforms'];
}

/**
 * The sample district when the database has no organisation yet, then every active official linked on the three built-in
 * platforms the way a person links (an invite code sent from the chat). Officials already linked are only made known
 * to the platforms again (their names), so a restart is quick.
 */
export async function populateSandbox(d: PopulateDeps): Promise<{ imported: boolean; officials: number }> {
  let imported = false;
  if ((await d.db.unit.count()) === 0) {
    const r = await importOrganisation(d.app, { file: await readFile(SAMPLE_DISTRICT), now: d.time.now(), source: path.basename(SAMPLE_DISTRICT) });
    if (!r.ok) throw new Error(`the sample district could not be imported: ${JSON.stringify(r.errors)}`);
    d.app.invalidate();
    imported = true;
  }
  const codes = (await d.db.official.findMany({ where: { active: true }, select: { code: true }, orderBy: { code: 'asc' } })).map((o) => o.code);
  // Straight in the database: through invite codes (one chat round trip per official and channel) the first start
  // took minutes on a busy machine; a restart finds everyone linked and only tells the platforms who is who again.
  await linkEveryoneDirectly(
    { db: d.db, time: { now: () => d.time.now() }, telegram: d.platforms.telegram, zalo: d.platforms.zalo, oa: d.platforms.oa },
    codes,
  );
  return { imported, officials: codes.length };
}

/**
 * The built-in OA starts afresh at every start, knowing no token: mint a pair there, as its console's API Explorer does,
 * and store it as `zalo-oa authorize` would.
 */
export async function seedSandboxOaTokens(
  oa: Pick<ZaloOaPlatform, 'issueTokens'>,
  tokens: { save(pair: OaTokenPair): Promise<unknown> },
  now: Date,
): Promise<void> {
  const issued = oa.issueTokens();
  await tokens.save({
    accessToken: issued.accessToken,
    refreshToken: issued.refreshToken,
    accessExpiresAt: new Date(now.getTime() + Number(issued.expiresIn) * 1000),
    refreshExpiresAt: new Date(now.getTime() + 90 * 86_400_000),
  });
}

interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date | null;
}
