import type { StoreTx } from '../stores.js';

/** The officials of the organisation (table official), for what the cached OrgDirectory does not answer. */
export interface OfficialStore {
  /** The ids of the active admins; joins the transaction when given. */
  activeAdminIds(tx?: StoreTx): Promise<number[]>;
  /** Who gets the morning digest: every active head, and each active deputy who opted in. */
  digestRecipients(): Promise<{ id: number; unitId: number; role: string }[]>;
  /** A deputy's choice to get the morning digest (heads always get it). */
  setDigestOptIn(officialId: number, on: boolean): Promise<void>;
}
