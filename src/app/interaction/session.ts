import type { ChannelCapabilities, ChannelName, OutboundMessage } from '../ports/channel.js';
import type { StoredDialog } from '../ports/stores/dialogs.js';
import type { OfficialId } from '../../domain/ids.js';
import type { Locale } from '../../domain/locale.js';
import type { Official } from '../../domain/org/types.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { AppContext } from '../context.js';
import type { ViewTools } from '../views/tools.js';

/** One linked person talking to the bot through one chat, for the length of one update. */
export interface Session {
  app: AppContext;
  official: Official;
  officialId: OfficialId;
  identityId: number;
  channel: ChannelName;
  chatId: string;
  capabilities: ChannelCapabilities;
  locale: Locale;
  t: Translate;
  v: ViewTools;
  /**
   * The chat's dialog row as last read or written during this update (dialog.ts), so one update reads it at most once
   * and a button press deletes it only when a dialog is open. Absent until first read.
   */
  dialog?: { open: StoredDialog | undefined };
}

export function text(message: string, buttons?: OutboundMessage['buttons']): OutboundMessage {
  return buttons && buttons.length > 0 ? { text: message, buttons } : { text: message };
}
