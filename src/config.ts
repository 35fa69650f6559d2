// Environment → typed configuration, validated once at start with one clear line per wrong variable.
import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from './domain/time/time-zone.js';
import { ConfigError } from './config/config-error.js';
import { keyringFromEnvironment, ORG_TOKEN_KEYS, TokenKeyError, WEBHOOK_SECRET_KEYS, type TokenKeyring } from './config/token-keyring.js';
import { hashTaggedPrefix, parseSentinels, type RedisTarget, type SentinelAddress } from './config/redis-settings.js';

export { ConfigError };

/** The queues a worker process consumes (WORKER_QUEUES): clock levels, outbound delivery, maintenance (reconciler, sweeps, digests), webhooks (events out). */
export const WORKER_QUEUE_NAMES = ['clocks', 'delivery', 'maintenance', 'webhooks'] as const;
export type WorkerQueueName = (typeof WORKER_QUEUE_NAMES)[number];

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const url = (what: string) => optionalText.refine((s) => s === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(s), { message: `must be a URL (${what})` });

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return fallback;
      const n = Number(s);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be a positive whole number, got "${s}"` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  DATABASE_URL: url('postgresql://user@host:5432/db'),
  // Digests and reports read here when set (README "A province"); the primary otherwise.
  DATABASE_REPLICA_URL: optionalText.refine((s) => s === undefined || /^postgres(ql)?:\/\/[^/\s]+\/[^\s]*$/i.test(s), {
    message: 'must be a PostgreSQL URL such as postgresql://reader@replica-host:5432/dondoc (the same database, read from a replica)',
  }),
  REDIS_URL: url('redis://host:6379').transform((s) => s ?? 'redis://127.0.0.1:6379'),
  REDIS_SENTINELS: optionalText.transform((s, ctx) => {
    if (s === undefined) return undefined;
    try {
      return parseSentinels(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  }),
  REDIS_SENTINEL_NAME: optionalText.refine((s) => s === undefined || /^[A-Za-z0-9._-]+$/.test(s), {
    message: 'must be the primary group name the Sentinels watch (e.g. mymaster)',
  }),
  REDIS_SENTINEL_PASSWORD: optionalText,
  REDIS_HASH_TAG: optionalText
    .transform((s) => s?.toLowerCase() ?? 'false')
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }))
    .transform((s) => ['true', '1', 'yes'].includes(s)),
  DATA_DIR: optionalText.transform((s) => path.resolve(s ?? './data')),
  TELEGRAM_BOT_TOKEN: optionalText.refine((s) => s === undefined || /^\d+:[\w-]{20,}$/.test(s), {
    message: 'does not look like a bot token from BotFather (digits, a colon, then at least 20 letters, digits, - or _)',
  }),
  TELEGRAM_BOT_USERNAME: optionalText,
  TELEGRAM_API_ROOT: url('https://api.telegram.org').transform((s) => s ?? 'https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: url('https://your.domain/telegram/webhook'),
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine((s) => s === undefined || /^[A-Za-z0-9_-]{12,256}$/.test(s), {
    message: 'must be 12–256 characters of A–Z, a–z, 0–9, _ or -',
  }),
  ZALO_BOT_TOKEN: optionalText,
  ZALO_API_ROOT: url('https://bot-api.zaloplatforms.com').transform((s) => s ?? 'https://bot-api.zaloplatforms.com'),
  ZALO_WEBHOOK_URL: url('https://your.domain/zalo/webhook'),
  ZALO_WEBHOOK_SECRET: optionalText.refine((s) => s === undefined || (s.length >= 8 && s.length <= 256), {
    message: 'must be 8–256 characters',
  }),
  ZALO_MONTHLY_CAP: positiveInt(3000),
  // Zalo Official Account (README "Zalo Official Account"): wired when ZALO_OA_APP_ID is set.
  ZALO_OA_APP_ID: optionalText.refine((s) => s === undefined || /^\d{5,25}$/.test(s), { message: 'must be the App ID from developers.zalo.me (digits)' }),
  ZALO_OA_APP_SECRET: optionalText,
  ZALO_OA_SECRET_KEY: optionalText,
  ZALO_OA_ID: optionalText.refine((s) => s === undefined || /^\d{5,25}$/.test(s), { message: 'must be the OA id (digits)' }),
  ZALO_OA_TOKEN_KEY: optionalText,
  ZALO_OA_TOKEN_KEY_ID: optionalText,
  ZALO_OA_TOKEN_OLD_KEYS: optionalText,
  ZALO_OA_API_ROOT: url('https://openapi.zalo.me').transform((s) => s ?? 'https://openapi.zalo.me'),
  ZALO_OA_OAUTH_ROOT: url('https://oauth.zaloapp.com').transform((s) => s ?? 'https://oauth.zaloapp.com'),
  ZALO_OA_WEBHOOK_PATH: optionalText
    .transform((s) => s ?? '/zalo-oa/webhook')
    .refine((s) => /^\/[A-Za-z0-9/_-]*$/.test(s), { message: 'must be a path such as /zalo-oa/webhook' }),
  ZALO_OA_REDIRECT_URI: url('https://your.domain/zalo-oa/callback'),
  ZALO_OA_OUTSIDE_WINDOW: optionalText,
  ZALO_OA_TEMPLATE_ID: optionalText,
  // Webhooks out (README "Events (webhooks)"): the key their signing secrets are sealed with.
  WEBHOOK_SECRET_KEY: optionalText,
  WEBHOOK_SECRET_KEY_ID: optionalText,
  WEBHOOK_SECRET_OLD_KEYS: optionalText,
  // Organisations (README "A province"): the key their bot tokens are sealed with; optional.
  ORG_TOKEN_KEY: optionalText,
  ORG_TOKEN_KEY_ID: optionalText,
  ORG_TOKEN_OLD_KEYS: optionalText,
  APP_TIMEZONE: optionalText
    .transform((s) => s ?? 'Asia/Ho_Chi_Minh')
    .refine((tz) => isTimeZone(tz), { message: 'is not an IANA time zone such as Asia/Ho_Chi_Minh' }),
  POLICY_FILE: optionalText,
  PUBLIC_BASE_URL: url('https://your.domain'),
  HTTP_PORT: positiveInt(8080),
  HTTP_HOST: optionalText.transform((s) => s ?? '0.0.0.0'),
  LOG_LEVEL: optionalText.transform((s) => s ?? 'info').pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  LOG_FORMAT: optionalText.transform((s) => s?.toLowerCase() ?? 'json').pipe(z.enum(['json', 'pretty'])),
  METRICS_TOKEN: optionalText.refine((s) => s === undefined || s.length >= 16, { message: 'must be at least 16 characters (e.g. openssl rand -hex 32)' }),
  DB_POOL_SIZE: positiveInt(10),
  // Organisations other than 'default' (README "A province"): each one's own connections, and how often the processes
  // look for organisations added (or changed) with `org create`.
  ORG_DB_POOL_SIZE: positiveInt(3),
  ORG_REFRESH_MS: positiveInt(30_000),
  // How long a stop (SIGTERM) may take to answer the requests and finish the jobs in hand: below the orchestrator's
  // own grace (compose stop_grace_period 30 s, Kubernetes terminationGracePeriodSeconds 30 s).
  SHUTDOWN_GRACE_MS: positiveInt(25_000),
  DELIVERY_RATE_GLOBAL: positiveInt(30),
  DELIVERY_RATE_PER_CHAT: positiveInt(1),
  QUEUE_PREFIX: optionalText
    .transform((s) => s ?? 'dondoc')
    .refine((s) => /^(\{[A-Za-z0-9_-]+\}|[A-Za-z0-9_-]+)$/.test(s), {
      message: 'may use only letters, digits, _ and - (optionally inside one pair of braces: {dondoc})',
    }),
  ROLE: optionalText.transform((s) => s ?? 'all').pipe(z.enum(['all', 'bot', 'worker'])),
  WORKER_QUEUES: optionalText.transform((s, ctx) => {
    const names = (s ?? WORKER_QUEUE_NAMES.join(','))
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter((n) => n !== '');
    const unknown = names.filter((n) => !(WORKER_QUEUE_NAMES as readonly string[]).includes(n));
    if (unknown.length > 0 || names.length === 0) {
      ctx.addIssue({ code: 'custom', message: `must list queues among ${WORKER_QUEUE_NAMES.join(', ')} separated by commas, got "${s}"` });
      return z.NEVER;
    }
    return [...new Set(names)] as WorkerQueueName[];
  }),
});

/** Every variable the configuration reads (compose.yaml's test checks it names no other). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Rules across variables, checked on the raw input so they are reported together with every other problem. */
function crossProblems(input: Record<string, string | undefined>): string[] {
  const set = (k: string) => (input[k] ?? '').trim() !== '';
  const problems: string[] = [];
  if (set('TELEGRAM_WEBHOOK_URL') && !set('TELEGRAM_WEBHOOK_SECRET')) problems.push('TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set');
  if (set('REDIS_SENTINELS') && !set('REDIS_SENTINEL_NAME'))
    problems.push('REDIS_SENTINEL_NAME is required when REDIS_SENTINELS is set (the primary group the Sentinels watch, e.g. mymaster)');
  if (!set('REDIS_SENTINELS') && (set('REDIS_SENTINEL_NAME') || set('REDIS_SENTINEL_PASSWORD')))
    problems.push('REDIS_SENTINELS is required when REDIS_SENTINEL_NAME or REDIS_SENTINEL_PASSWORD is set');
  if (set('ZALO_WEBHOOK_URL') && !set('ZALO_WEBHOOK_SECRET')) problems.push('ZALO_WEBHOOK_SECRET is required when ZALO_WEBHOOK_URL is set');
  const oa = ['ZALO_OA_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_ID', 'ZALO_OA_TOKEN_KEY'];
  if (set('ZALO_OA_APP_ID')) {
    for (const k of oa) if (!set(k)) problems.push(`${k} is required when ZALO_OA_APP_ID is set (README "Zalo Official Account")`);
    if (set('ZALO_OA_TOKEN_KEY')) {
      try {
        keyringFromEnvironment(input);
      } catch (e) {
        if (!(e instanceof TokenKeyError)) throw e;
        problems.push(e.message);
      }
    }
  } else if (oa.some(set)) {
    problems.push('ZALO_OA_APP_ID is required when other ZALO_OA_* variables are set');
  }
  if (set('WEBHOOK_SECRET_KEY')) {
    try {
      keyringFromEnvironment(input, WEBHOOK_SECRET_KEYS);
    } catch (e) {
      if (!(e instanceof TokenKeyError)) throw e;
      problems.push(e.message);
    }
  } else if (set('WEBHOOK_SECRET_KEY_ID') || set('WEBHOOK_SECRET_OLD_KEYS')) {
    problems.push('WEBHOOK_SECRET_KEY is required when WEBHOOK_SECRET_KEY_ID or WEBHOOK_SECRET_OLD_KEYS is set');
  }
  if (set('ORG_TOKEN_KEY')) {
    try {
      keyringFromEnvironment(input, ORG_TOKEN_KEYS);
    } catch (e) {
      if (!(e instanceof TokenKeyError)) throw e;
      problems.push(e.message);
    }
  } else if (set('ORG_TOKEN_KEY_ID') || set('ORG_TOKEN_OLD_KEYS')) {
    problems.push('ORG_TOKEN_KEY is required when ORG_TOKEN_KEY_ID or ORG_TOKEN_OLD_KEYS is set');
  }
  // What happens outside the OA's free window is policy now (one place with the window's values and prices).
  if (set('ZALO_OA_OUTSIDE_WINDOW'))
    problems.push(
      'ZALO_OA_OUTSIDE_WINDOW moved to the policy file: write zaloOa.outsideWindow (transaction, other-channel or hold) in POLICY_FILE and remove the variable',
    );
  return problems;
}

export type Env = z.infer<typeof envSchema>;

export type { RedisTarget, SentinelAddress };

export interface Config {
  databaseUrl: string | undefined;
  /** A read replica of the same database: digests and reports read there (lag tolerated, README "A province"). */
  databaseReplicaUrl: string | undefined;
  redisUrl: string;
  /** REDIS_URL with the Sentinels, when REDIS_SENTINELS is set: what every Redis connection is made from. */
  redis: RedisTarget;
  dataDir: string;
  timezone: string;
  policyFile: string | undefined;
  publicBaseUrl: string | undefined;
  httpPort: number;
  /** The address the HTTP server listens on: 127.0.0.1 behind a reverse proxy on the same machine. */
  httpHost: string;
  logLevel: Env['LOG_LEVEL'];
  /** json (one object a line, for log collectors) or pretty (for a person at a terminal; needs pino-pretty). */
  logFormat: Env['LOG_FORMAT'];
  /** When set, /metrics asks for it as a bearer token. */
  metricsToken: string | undefined;
  dbPoolSize: number;
  /** Connections of each organisation other than 'default' (ORG_DB_POOL_SIZE). */
  orgPoolSize: number;
  /** How often the organisations are listed, so one added takes effect without a restart (ORG_REFRESH_MS). */
  orgRefreshMs: number;
  /** SIGTERM: how long answering the requests in flight and finishing the jobs in hand may take before leaving. */
  shutdownGraceMs: number;
  role: Env['ROLE'];
  /** The queues this process works on when it runs workers (default all three); processes may split them. */
  workerQueues: WorkerQueueName[];
  /**
   * Redis key prefix of every BullMQ queue: two deployments (or test files) can share one Redis. Inside braces
   * ({dondoc}) with REDIS_HASH_TAG, for Redis Cluster.
   */
  queuePrefix: string;
  telegram: {
    token: string | undefined;
    username: string | undefined;
    apiRoot: string;
    webhook: { url: string; secret: string } | undefined;
  };
  zalo: {
    token: string | undefined;
    apiRoot: string;
    webhook: { url: string | undefined; secret: string } | undefined;
    monthlyCap: number;
  };
  /** The Zalo Official Account channel, when ZALO_OA_APP_ID is set. */
  zaloOa: ZaloOaConfig | undefined;
  delivery: { globalPerSecond: number; perChatPerSecond: number };
  /** The keyring the webhook signing secrets are sealed with (WEBHOOK_SECRET_KEY); unset: webhooks cannot be added or signed. */
  webhookKeyring: TokenKeyring | undefined;
  /** The keyring the organisations' bot tokens are sealed with (ORG_TOKEN_KEY); unset: no token can be stored. */
  orgKeyring: TokenKeyring | undefined;
}

export interface ZaloOaConfig {
  appId: string;
  secretKey: string;
  oaSecretKey: string;
  oaId: string;
  keyring: TokenKeyring;
  apiRoot: string;
  oauthRoot: string;
  webhookPath: string;
  redirectUri: string | undefined;
  /** The approved ZBS template a transaction message goes as (policy zaloOa.outsideWindow: transaction). */
  templateId: string | undefined;
}

/** Pure: the same input gives the same config or the same list of problems. */
export function createConfig(input: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(input);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`)), ...crossProblems(input)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    redisUrl: e.REDIS_URL,
    redis: {
      url: e.REDIS_URL,
      ...(e.REDIS_SENTINELS && e.REDIS_SENTINEL_NAME
        ? {
            sentinel: {
              addresses: e.REDIS_SENTINELS,
              name: e.REDIS_SENTINEL_NAME,
              ...(e.REDIS_SENTINEL_PASSWORD ? { password: e.REDIS_SENTINEL_PASSWORD } : {}),
            },
          }
        : {}),
    },
    dataDir: e.DATA_DIR,
    timezone: e.APP_TIMEZONE,
    policyFile: e.POLICY_FILE,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    httpPort: e.HTTP_PORT,
    httpHost: e.HTTP_HOST,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    metricsToken: e.METRICS_TOKEN,
    dbPoolSize: e.DB_POOL_SIZE,
    orgPoolSize: e.ORG_DB_POOL_SIZE,
    orgRefreshMs: e.ORG_REFRESH_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    role: e.ROLE,
    workerQueues: e.WORKER_QUEUES,
    queuePrefix: hashTaggedPrefix(e.QUEUE_PREFIX, e.REDIS_HASH_TAG),
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      username: e.TELEGRAM_BOT_USERNAME?.replace(/^@/, ''),
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      webhook: e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET } : undefined,
    },
    zalo: {
      token: e.ZALO_BOT_TOKEN,
      apiRoot: e.ZALO_API_ROOT.replace(/\/+$/, ''),
      webhook: e.ZALO_WEBHOOK_SECRET ? { url: e.ZALO_WEBHOOK_URL, secret: e.ZALO_WEBHOOK_SECRET } : undefined,
      monthlyCap: e.ZALO_MONTHLY_CAP,
    },
    zaloOa: e.ZALO_OA_APP_ID
      ? {
          appId: e.ZALO_OA_APP_ID,
          secretKey: e.ZALO_OA_APP_SECRET!,
          oaSecretKey: e.ZALO_OA_SECRET_KEY!,
          oaId: e.ZALO_OA_ID!,
          keyring: keyringFromEnvironment(e),
          apiRoot: e.ZALO_OA_API_ROOT.replace(/\/+$/, ''),
          oauthRoot: e.ZALO_OA_OAUTH_ROOT.replace(/\/+$/, ''),
          webhookPath: e.ZALO_OA_WEBHOOK_PATH,
          redirectUri: e.ZALO_OA_REDIRECT_URI,
          templateId: e.ZALO_OA_TEMPLATE_ID,
        }
      : undefined,
    delivery: { globalPerSecond: e.DELIVERY_RATE_GLOBAL, perChatPerSecond: e.DELIVERY_RATE_PER_CHAT },
    webhookKeyring: e.WEBHOOK_SECRET_KEY ? keyringFromEnvironment(e, WEBHOOK_SECRET_KEYS) : undefined,
    orgKeyring: e.ORG_TOKEN_KEY ? keyringFromEnvironment(e, ORG_TOKEN_KEYS) : undefined,
  };
}
