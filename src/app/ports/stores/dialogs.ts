/** A chat's open dialog as stored: the flow, the step it waits at and the data kept between steps. */
export interface StoredDialog {
  flow: string;
  step: string;
  data: Record<string, unknown>;
}

/** The one open dialog per chat identity (table dialog_state), kept until it ends or expires. */
export interface DialogStore {
  /** The open dialog; an expired one is removed as it is read. */
  load(identityId: number, now: Date): Promise<StoredDialog | undefined>;
  save(identityId: number, dialog: StoredDialog, expiresAt: Date): Promise<void>;
  /** Ends the dialog; false when there was none. */
  clear(identityId: number): Promise<boolean>;
}
