import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.js';

export type { PrismaClient };
export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Prisma Client on the pg driver adapter: no native query engine is needed. */
export function createPrismaClient(databaseUrl: string, options: { poolSize?: number; transactionWaitMs?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // Prisma's defaults (2 s to get a connection, 5 s to run) fail a person's action when the server is busy: at load 40
  // an invite's transaction could not start in 2 s while eight others held the pool. Waiting is better than failing;
  // use cases that set their own limits (inTransaction: 10 s / 20 s) keep them. The embedded database runs one
  // connection's work at a time (src/db/password-gate.ts) and passes a longer wait.
  const wait = options.transactionWaitMs ?? 10_000;
  return new PrismaClient({ adapter, transactionOptions: { maxWait: wait, timeout: wait * 2 } });
}
