// The channel port: what every chat platform adapter (Telegram, Zalo, later Zalo OA) receives and sends.
// Use cases never see a platform; adapters translate to and from these shapes.
import type { ChannelName } from '../../domain/org/types.js';

export type { ChannelName };

/** An action a person can take on a message: a button on Telegram, a numbered reply on Zalo. */
export interface ActionButton {
  /** Already in the recipient's language. */
  label: string;
  /** Encoded action (src/app/actions.ts), at most 64 bytes: Telegram's callback_data limit. */
  action: string;
}

export type FileSource =
  /** A file already on a chat platform (evidence forwarded from one official to another). */
  | { kind: 'channel-file'; channel: ChannelName; fileRef: string }
  /** A file on this server (an XLSX report). */
  | { kind: 'local-file'; path: string; filename: string; mime: string };

export interface OutboundAttachment {
  type: 'photo' | 'document';
  source: FileSource;
  caption?: string;
}

export interface OutboundMessage {
  text: string;
  /** Rows of actions. */
  buttons?: ActionButton[][];
  attachment?: OutboundAttachment;
  /**
   * How a channel without buttons shows this message: as these messages in order, each whole items with their own
   * actions, numbered across all of them (a wave of reminders, src/app/delivery/compose.ts). `text` and `buttons`
   * hold the same as one message, for channels with buttons.
   */
  parts?: OutboundMessage[];
}

export interface InboundFile {
  kind: 'photo' | 'document';
  /** The platform's file id (Telegram) or URL (Zalo). */
  ref: string;
  name?: string;
  /** Bytes, when the platform says (Telegram's file_size): a file over a limit is refused before anything is stored. */
  size?: number;
}

export type InboundEvent =
  | { type: 'text'; text: string }
  | { type: 'action'; data: string }
  | { type: 'file'; file: InboundFile; caption?: string }
  | { type: 'unsupported' };

/** One update from a chat platform, normalised. */
export interface InboundEnvelope {
  channel: ChannelName;
  /** Unique per platform update, so a delivery repeated by the platform has one effect. */
  updateKey: string;
  externalUserId: string;
  chatId: string;
  displayName: string;
  /** The platform's language hint for people not linked yet. */
  languageHint?: string;
  /** This bot's username where the platform has one (Telegram): a command addressed to another bot is not ours. */
  botUsername?: string;
  event: InboundEvent;
  /**
   * Set by the runtime when no other handling of this chat runs anywhere while this one does (the shared chat lock of
   * several bot processes, src/runtime/chat-order.ts): a claim of this update left unanswered is then a process's that
   * died mid-update, and this delivery takes it over instead of being dropped as a repeat.
   */
  chatHeld?: boolean;
}

/** What the router answers to an inbound update, for the same chat. */
export interface RouterResult {
  replies: OutboundMessage[];
  /** A short notice for the tapped button (Telegram shows it as a toast). */
  toast?: string;
  /** The tapped message's buttons have served their purpose. */
  clearButtons?: boolean;
}

/** What a platform can show: the renderer adapts actions and splits text to these. */
export interface ChannelCapabilities {
  buttons: boolean;
  maxTextLength: number;
  /** Buttons, but a message whose actions do not fit them goes with numbered replies (the OA): read typed numbers. */
  numberedFallback?: boolean;
  /** The most buttons one message carries; more go as numbered replies (with `numberedFallback`). */
  maxButtons?: number;
  /**
   * What the platform lets us send depends on when the person last wrote (the OA's free window: 48 hours, 8 messages
   * since): every message they write is recorded at once, not at most once a minute as elsewhere.
   */
  replyWindow?: boolean;
}

export const CAPABILITIES: Record<ChannelName, ChannelCapabilities> = {
  TELEGRAM: { buttons: true, maxTextLength: 4096 },
  ZALO: { buttons: false, maxTextLength: 2000 },
  // Official Account: up to 5 query buttons a message (src/channels/zalo-oa/buttons.ts), 2,000 characters of text.
  ZALO_OA: { buttons: true, maxTextLength: 2000, numberedFallback: true, maxButtons: 5, replyWindow: true },
};
