// The pace of sending, seen from the application and the adapters: the delivery worker's pacer (jobs/delivery/pacer.ts)
// implements it, and a channel adapter takes its replies' turns in it too, so replies and queued notifications to one
// chat keep one pace.

/** Call once the platform answered: the send counts from then. */
export type SendDone = () => Promise<void>;

export interface SendPacer {
  /** Waits for this chat's and the whole bot's turn; call the result once the platform answered. */
  acquire(channel: string, chatId: string): Promise<SendDone>;
}
