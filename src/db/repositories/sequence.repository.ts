import type { SequenceStore } from '../../app/ports/stores/sequences.js';
import type { Tx } from '../client.js';
import { prismaTx } from '../store-tx.js';

/** The next number of a named sequence ("NV-2026"), gap-free within committed transactions. */
export async function nextSequence(tx: Tx, name: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO sequence (name, value) VALUES (${name}, 1)
    ON CONFLICT ("orgId", name) DO UPDATE SET value = sequence.value + 1
    RETURNING value`;
  return rows[0]!.value;
}

/** The application's SequenceStore. */
export function sequenceStore(): SequenceStore {
  return { next: (tx, name) => nextSequence(prismaTx(tx), name) };
}
