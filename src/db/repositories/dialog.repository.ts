import type { DialogStore, StoredDialog } from '../../app/ports/stores/dialogs.js';
import type { PrismaClient, Tx } from '../client.js';

export async function loadDialog(db: PrismaClient | Tx, identityId: number, now: Date): Promise<StoredDialog | undefined> {
  const row = await db.dialogState.findUnique({ where: { identityId } });
  if (!row) return undefined;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await db.dialogState.deleteMany({ where: { identityId } });
    return undefined;
  }
  return { flow: row.flow, step: row.step, data: row.data as Record<string, unknown> };
}

export async function saveDialog(db: PrismaClient | Tx, identityId: number, dialog: StoredDialog, expiresAt: Date): Promise<void> {
  const data = { flow: dialog.flow, step: dialog.step, data: dialog.data as never, expiresAt };
  await db.dialogState.upsert({ where: { identityId }, create: { identityId, ...data }, update: data });
}

export async function clearDialog(db: PrismaClient | Tx, identityId: number): Promise<boolean> {
  const r = await db.dialogState.deleteMany({ where: { identityId } });
  return r.count > 0;
}

/** The application's DialogStore over this client. */
export function dialogStore(db: PrismaClient): DialogStore {
  return {
    load: (identityId, now) => loadDialog(db, identityId, now),
    save: (identityId, dialog, expiresAt) => saveDialog(db, identityId, dialog, expiresAt),
    clear: (identityId) => clearDialog(db, identityId),
  };
}
