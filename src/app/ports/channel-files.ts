// The downloading half of the channel port: the bytes of a file a person sent in a chat, for the use cases that keep
// a file on this server instead of forwarding the platform's reference (a notice's document reaches Zalo as a
// download link from here, and a Telegram file id opens only with our Telegram token).
import type { ChannelName } from './channel.js';

export type FileFetchFailure =
  /** The platform does not know the reference (a wrong or foreign file id). */
  | 'not-found'
  /** Bigger than the caller's limit, or than the platform lets a bot download (Telegram: 20 MB). */
  | 'too-large'
  /** The platform or the network failed: trying again later may work. */
  | 'unavailable';

export class FileFetchError extends Error {
  constructor(
    readonly failure: FileFetchFailure,
    reason: string,
    /** The platform's own ceiling for bot downloads, when that is what refused the file. */
    readonly platformMaxBytes?: number,
  ) {
    super(`${failure}: ${reason}`);
    this.name = 'FileFetchError';
  }
}

export interface ChannelFileSource {
  /**
   * The bytes of the file behind `ref` (the platform's file id, as it came in an InboundFile). Throws a
   * {@link FileFetchError}; never reads more than `maxBytes`.
   */
  fetchFile(ref: string, options: { maxBytes: number }): Promise<Uint8Array>;
}

/** One source per channel that can hand back what people sent; a channel without one keeps its references. */
export type ChannelFiles = Partial<Record<ChannelName, ChannelFileSource>>;
