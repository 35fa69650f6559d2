import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.js';

export type { PrismaClient };
export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The implicit organisation of a single-district deployment (the migration inserts its row). */
export const DEFAULT_ORG = 'default';
/** An organisation's code: it goes into connection options, webhook paths and queue prefixes. */
export const ORG_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,31}$/;
/** The role every application connection switches to (created by the organisations migration). */
export const APP_ROLE = 'dondoc_app';

export function isOrgId(id: string): boolean {
  return id === DEFAULT_ORG || ORG_ID_PATTERN.test(id);
}

export interface ClientOptions {
  poolSize?: number;
  transactionWaitMs?: number;
  /** The organisation whose rows this client sees and writes (default 'default'). */
  orgId?: string;
  /**
   * Connect as the database user itself, without switching to dondoc_app: the embedded PGlite (which ignores
   * startup options) and the owner's work (migrations, `org create`).
   */
  owner?: boolean;
}

/**
 * Prisma Client on the pg driver adapter: no native query engine is needed. Every connection starts with
 * `-c dondoc.org=<org> -c role=dondoc_app`: the column defaults fill "orgId" from dondoc.org, and row-level security
 * (the organisations migration) shows the role that organisation's rows only, whatever a query forgets.
 */
export function createPrismaClient(databaseUrl: string, options: ClientOptions = {}): PrismaClient {
  const orgId = options.orgId ?? DEFAULT_ORG;
  if (!isOrgId(orgId)) throw new Error(`not an organisation id: ${JSON.stringify(orgId)} (a-z, 0-9 and '-', 2 to 32 characters)`);
  const startup = options.owner ? `-c dondoc.org=${orgId}` : `-c dondoc.org=${orgId} -c role=${APP_ROLE}`;
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10, options: startup });
  // Prisma's defaults (2 s to get a connection, 5 s to run) fail a person's action when the server is busy: at load 40
  // an invite's transaction could not start in 2 s while eight others held the pool. Waiting is better than failing;
  // use cases that set their own limits (inTransaction: 10 s / 20 s) keep them. The embedded database runs one
  // connection's work at a time (src/db/password-gate.ts) and passes a longer wait.
  const wait = options.transactionWaitMs ?? 10_000;
  return new PrismaClient({ adapter, transactionOptions: { maxWait: wait, timeout: wait * 2 } });
}

/** A client as the database user itself (no dondoc_app role): it sees every organisation (organisation admin). */
export function createOwnerClient(databaseUrl: string, options: Omit<ClientOptions, 'owner' | 'orgId'> = {}): PrismaClient {
  return createPrismaClient(databaseUrl, { poolSize: 2, ...options, owner: true });
}
