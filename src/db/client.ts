import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.js';

export type { PrismaClient };
export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Prisma Client on the pg driver adapter: no native query engine is needed. */
export function createPrismaClient(databaseUrl: string, options: { poolSize?: number; transactionWaitMs?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // The embedded database runs one connection's work at a time (src/db/password-gate.ts): a transaction may wait for
  // others longer than Prisma's default 2 s before it starts, and run longer than 5 s on a busy machine.
  const wait = options.transactionWaitMs;
  return new PrismaClient({ adapter, ...(wait ? { transactionOptions: { maxWait: wait, timeout: wait * 2 } } : {}) });
}
