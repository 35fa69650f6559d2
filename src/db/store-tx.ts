// The one place the application's opaque transaction (StoreTx, src/app/ports/stores.ts) becomes Prisma's. Every
// StoreTx a store receives was handed out by `inTransaction` over this client, so the narrowing holds by construction;
// the repositories' store factories call these instead of casting per function.
import type { StoreTx } from '../app/ports/stores.js';
import type { PrismaClient, Tx } from './client.js';

export function prismaTx(tx: StoreTx): Tx {
  return tx as unknown as Tx;
}

/** For a read that may join the caller's transaction: the transaction when given, else the client. */
export function readerOf(db: PrismaClient, tx: StoreTx | undefined): PrismaClient | Tx {
  return tx ? prismaTx(tx) : db;
}
