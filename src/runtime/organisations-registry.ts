// The organisations this process runs besides 'default' (README "A province"). At start and every ORG_REFRESH_MS it
// lists the organisations (through the owner's client: the application role sees only its own organisation) and
// starts each new one that has a bot token, stops one that is gone or lost its tokens, and starts again one whose
// tokens or policy changed: `org create` takes effect without a restart. Each runs as its own composed instance
// (organisation-runtime.ts) on a database client of its own. Starting one never waits for another: a bot whose
// platform does not answer yet keeps retrying on its own while the others run.
import type { Logger } from 'pino';
import { createHash } from 'node:crypto';
import { TelegramTokenRefused } from '../channels/telegram/start.js';
import { ZaloTokenRefused } from '../channels/zalo/start.js';
import type { PrismaClient } from '../db/client.js';
import { loadPolicy } from '../domain/policy/load-policy.js';
import type { Policy } from '../domain/policy/types.js';
import { StopRequested } from '../channels/retry.js';
import { organisationQueuePrefix, prepareOrganisation, type OrganisationRuntime, type SharedRuntime } from './organisation-runtime.js';
import { DEFAULT_ORGANISATION, organisationSecret, organisationWebhookPath, organisationWebhookUrl } from './organisation-webhooks.js';
import { TELEGRAM_WEBHOOK_PATH } from '../channels/telegram/webhook.js';
import { ZALO_WEBHOOK_PATH } from '../channels/zalo/webhook.js';

/** An organisation as listed (tokens already opened). */
export interface OrganisationRow {
  id: string;
  name: string;
  telegramToken?: string | undefined;
  zaloToken?: string | undefined;
  policyText?: string | undefined;
  /** Its stored token does not open (no ORG_TOKEN_KEY, or another key): not started; kept running if it runs. */
  problem?: 'no-token-key' | 'token-does-not-open' | undefined;
}

export interface RegistryOptions {
  shared: SharedRuntime;
  /** Every organisation, 'default' included (which is skipped: it runs from the environment). */
  list(): Promise<OrganisationRow[]>;
  /** A client that connects as the organisation (row-level security), ORG_DB_POOL_SIZE connections. */
  openDatabase(orgId: string): PrismaClient;
  /** Its client on the read replica (DATABASE_REPLICA_URL), where its digests and reports read; none without one. */
  openReplica?(orgId: string): PrismaClient;
  /** The process's policy (POLICY_FILE or the defaults): an organisation without a policy of its own runs on it. */
  policy: Policy;
  everyMs: number;
}

interface Entry {
  fingerprint: string;
  row: OrganisationRow;
  stopping: AbortController;
  db: PrismaClient | undefined;
  replica: PrismaClient | undefined;
  runtime: OrganisationRuntime | undefined;
  /** Settles when its start has ended, well or not. */
  launched: Promise<void>;
  state: 'starting' | 'running' | 'failed';
}

/** What makes a running organisation out of date: its tokens and policy (hashed, nothing kept in clear). */
function fingerprintOf(row: OrganisationRow): string {
  return createHash('sha256')
    .update(JSON.stringify([row.telegramToken ?? null, row.zaloToken ?? null, row.policyText ?? null]))
    .digest('hex');
}

export class OrganisationsRegistry {
  readonly #o: RegistryOptions;
  readonly #logger: Logger;
  readonly #entries = new Map<string, Entry>();
  #timer: NodeJS.Timeout | undefined;
  #refreshing: Promise<void> | undefined;
  #halted = false;

  constructor(o: RegistryOptions) {
    this.#o = o;
    this.#logger = o.shared.logger;
  }

  /** Lists now, then every `everyMs`. */
  async begin(): Promise<void> {
    await this.refresh();
    if (this.#halted) return;
    this.#timer = setInterval(() => void this.refresh(), this.#o.everyMs);
    this.#timer.unref();
  }

  /** One look at the list (a look already under way is joined, not doubled). */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#refresh().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  /** The organisations running now (started, not stopped). */
  runtimes(): OrganisationRuntime[] {
    return [...this.#entries.values()].flatMap((e) => (e.runtime ? [e.runtime] : []));
  }

  /** Every start under way, settled (tests wait for an organisation to be up). */
  async settled(): Promise<void> {
    await Promise.all([...this.#entries.values()].map((e) => e.launched));
  }

  /** A graceful stop's first step: no more refreshes, and every start still waiting on a platform stops waiting. */
  async halt(): Promise<void> {
    this.#halted = true;
    clearInterval(this.#timer);
    await this.#refreshing?.catch(() => {});
    for (const e of this.#entries.values()) e.stopping.abort();
    await this.settled();
  }

  /** The last step: every organisation's client closed (after its workers and queues). */
  async closeDatabases(): Promise<void> {
    await Promise.allSettled([...this.#entries.values()].flatMap((e) => [e.db?.$disconnect(), e.replica?.$disconnect()]));
  }

  async #refresh(): Promise<void> {
    if (this.#halted) return;
    let rows: OrganisationRow[];
    try {
      rows = await this.#o.list();
    } catch (err) {
      this.#logger.warn({ err }, 'organisations: could not list them; trying again at the next refresh');
      return;
    }
    // A row whose token does not open is reported and left as it is: running if it ran (with the tokens it had), not
    // started otherwise. One wrong row (a key rotated away) must not stop the others, nor itself.
    const unreadable = new Set<string>();
    for (const r of rows)
      if (r.problem && r.id !== DEFAULT_ORGANISATION) {
        unreadable.add(r.id);
        this.#logger.error(
          { org: r.id, problem: r.problem },
          `organisation ${r.id}: its bot token does not open (${r.problem === 'no-token-key' ? 'ORG_TOKEN_KEY is not set' : 'ORG_TOKEN_KEY is not the key it was sealed with; add the old key to ORG_TOKEN_OLD_KEYS'})`,
        );
      }
    const wanted = new Map(rows.filter((r) => r.id !== DEFAULT_ORGANISATION && !r.problem && (r.telegramToken || r.zaloToken)).map((r) => [r.id, r]));
    for (const [id, entry] of this.#entries) {
      if (unreadable.has(id)) continue;
      const row = wanted.get(id);
      if (row && fingerprintOf(row) === entry.fingerprint) continue;
      this.#logger.info(
        { org: id },
        row ? `organisation ${id}: its tokens or policy changed, starting it again` : `organisation ${id}: stopped (no longer listed with a bot token)`,
      );
      await this.#stop(id, entry);
    }
    for (const [id, row] of wanted) if (!this.#halted && !this.#entries.has(id)) this.#launch(row);
  }

  async #stop(id: string, entry: Entry): Promise<void> {
    this.#entries.delete(id);
    entry.stopping.abort();
    await entry.launched;
    await entry.runtime?.stop().catch((err: unknown) => this.#logger.warn({ err, org: id }, 'organisation: stopping failed'));
    await entry.db?.$disconnect().catch(() => {});
    await entry.replica?.$disconnect().catch(() => {});
  }

  #launch(row: OrganisationRow): void {
    const entry: Entry = {
      fingerprint: fingerprintOf(row),
      row,
      stopping: new AbortController(),
      db: undefined,
      replica: undefined,
      runtime: undefined,
      launched: Promise.resolve(),
      state: 'starting',
    };
    this.#entries.set(row.id, entry);
    entry.launched = this.#start(entry).catch((err: unknown) => {
      entry.state = 'failed';
      const stopped = err instanceof StopRequested || entry.stopping.signal.aborted;
      if (stopped) this.#logger.info({ org: row.id }, `organisation ${row.id}: stopped before its start was complete`);
      else if (err instanceof TelegramTokenRefused || err instanceof ZaloTokenRefused)
        this.#logger.error(
          { org: row.id },
          `organisation ${row.id}: ${err.message.split('\n')[0]} (fix it with org create/update; tried again when it changes)`,
        );
      else this.#logger.error({ err, org: row.id }, `organisation ${row.id}: could not start (tried again when its row changes)`);
      // What was built is taken down; the entry stays, so the same row is not tried at every refresh.
      const { runtime, db, replica } = entry;
      entry.runtime = undefined;
      entry.db = undefined;
      entry.replica = undefined;
      return (async () => {
        await runtime?.stop().catch(() => {});
        await db?.$disconnect().catch(() => {});
        await replica?.$disconnect().catch(() => {});
      })();
    });
  }

  async #start(entry: Entry): Promise<void> {
    const { shared } = this.#o;
    const { config } = shared;
    const row = entry.row;
    const id = row.id;
    const policy = row.policyText
      ? loadPolicy({ text: row.policyText, format: 'yaml', timezone: config.timezone, source: `organisation ${id}` })
      : this.#o.policy;
    const telegramWebhook = config.telegram.webhook;
    const zaloWebhook = config.zalo.webhook;
    entry.db = this.#o.openDatabase(id);
    entry.replica = this.#o.openReplica?.(id);
    entry.runtime = prepareOrganisation(
      {
        orgId: id,
        db: entry.db,
        ...(entry.replica ? { replica: entry.replica } : {}),
        policy,
        queuePrefix: organisationQueuePrefix(config.queuePrefix, id),
        telegram: row.telegramToken
          ? {
              token: row.telegramToken,
              apiRoot: config.telegram.apiRoot,
              webhook: telegramWebhook
                ? { url: organisationWebhookUrl(telegramWebhook.url, TELEGRAM_WEBHOOK_PATH, id), secret: organisationSecret(telegramWebhook.secret, id) }
                : undefined,
            }
          : undefined,
        zalo: row.zaloToken
          ? {
              token: row.zaloToken,
              apiRoot: config.zalo.apiRoot,
              webhook: zaloWebhook
                ? {
                    url: zaloWebhook.url ? organisationWebhookUrl(zaloWebhook.url, ZALO_WEBHOOK_PATH, id) : undefined,
                    secret: organisationSecret(zaloWebhook.secret, id),
                    path: organisationWebhookPath(ZALO_WEBHOOK_PATH, id),
                  }
                : undefined,
              monthlyCap: config.zalo.monthlyCap,
            }
          : undefined,
      },
      shared,
    );
    const { telegram, zaloBot } = await entry.runtime.start(entry.stopping.signal);
    if (entry.stopping.signal.aborted) throw new StopRequested();
    entry.state = 'running';
    const parts = [
      ...(telegram ? [`@${telegram.username} (${telegram.mode})`] : []),
      ...(entry.runtime.zalo && entry.runtime.zalo.mode !== 'send-only' ? [`Zalo ${zaloBot?.account_name ?? 'bot'} (${entry.runtime.zalo.mode})`] : []),
      ...(config.role === 'worker' ? ['worker'] : []),
    ];
    this.#logger.info({ org: id, bot: telegram?.username, zalo: zaloBot?.account_name }, `organisation ${id} ready: ${parts.join(', ')}`);
  }
}
