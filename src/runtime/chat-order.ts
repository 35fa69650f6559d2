// Every channel's updates through one router whose handling of a chat waits for that chat's lock (ChatLock): with
// several bot processes behind a load balancer, a chat's updates are handled one after the other wherever they land.
//
// The lock is held until the update's answer is handed to the sending path (Router.handle's `answer`: sent to the
// platform, or queued in the outbox behind what the chat has due), not only until it is decided. Released earlier,
// the next update's answer, decided on another process, could reach the platform first: 1, 2, 3, 5, 4 (issue 18).
// This is the order one process already keeps (grammY's sequentialize and Zalo's per-chat chains wait for the answer
// too), and the cheapest one: no statement is added (the lock's two stay two), a Telegram reply never waits on the
// pacer (one whose turn is taken is queued, src/channels/telegram/replies.ts), and only the same chat's next update
// waits, for about one round trip to the platform (on Zalo, which has no outbox for replies, also for the chat's pace
// and a refused reply's retries): other chats hold locks of their own. A process that dies mid-send frees the
// lock with its connection, as before; a sequence number taken under the lock and honoured by the senders would need
// its own waiting and its own recovery from a process that took a number and died.
import type { Router } from '../app/interaction/router.js';
import type { ChatLock } from '../app/ports/chat-lock.js';

export function chatOrderedRouter(router: Router, lock: ChatLock): Router {
  // chatHeld: under the lock no other handling of the chat runs, so a claim left unanswered is a dead process's.
  return { handle: (envelope, answer) => lock.run(envelope.channel, envelope.chatId, () => router.handle({ ...envelope, chatHeld: true }, answer)) };
}
