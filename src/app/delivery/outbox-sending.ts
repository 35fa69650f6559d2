// What the delivery worker (jobs/delivery) and the outbox sweep may do with the outbox: find the chats with messages
// due, take a chat's next messages, hold them while they are sent, and record what became of them (sent, to retry,
// refused, the chat unreachable). Workers reach the rows only through here; the queries are the repositories'.
export {
  chatsWithDueMessages,
  claimForSending,
  markChatUnreachable,
  markFailed,
  markRetry,
  markSent,
  nextBatchForChat,
  nextDueAt,
  type PendingMessage,
} from '../../db/repositories/outbox.repository.js';
/** The identities behind a chat that refused us for good: nothing more is queued for them there. */
export { markUnreachable } from '../../db/repositories/identity.repository.js';
