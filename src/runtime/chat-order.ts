// Every channel's updates through one router whose handling of a chat waits for that chat's lock (ChatLock): with
// several bot processes behind a load balancer, a chat's updates are handled one after the other wherever they land.
import type { Router } from '../app/interaction/router.js';
import type { ChatLock } from '../app/ports/chat-lock.js';

export function chatOrderedRouter(router: Router, lock: ChatLock): Router {
  return { handle: (envelope) => lock.run(envelope.channel, envelope.chatId, () => router.handle(envelope)) };
}
