import type { Priority } from '../../../domain/priority.js';
import type { StoreTx } from '../stores.js';

/** The code and title of an item, for a line that names it. */
export interface ItemSummary {
  code: string;
  title: string;
}

/** The kinds of item that carry a code (NV-, YK-, GT-). */
export type CodedKind = 'task' | 'consultation' | 'explanation';

/** The items that carry a code (tasks, consultations, demands), read across their tables. */
export interface ItemStore {
  /** The code and title of the item a signal or demand is about (`kind` as stored); joins the transaction when given. */
  summary(kind: string | null, id: number | null, tx?: StoreTx): Promise<ItemSummary | undefined>;
  /** The priority of the task or consultation (`kind` as stored), NORMAL when it has none or is gone. */
  priority(kind: string | null, id: number | null, tx?: StoreTx): Promise<Priority>;
  /** The id of the item of this kind with this code (as written: upper case, four-digit sequence). */
  idByCode(kind: CodedKind, code: string): Promise<number | undefined>;
  codeById(kind: CodedKind, id: number): Promise<string | undefined>;
}
