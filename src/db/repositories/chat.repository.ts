// The application's ChatStore: what the channel adapters ask about a chat, over the prompt, outbox and identity queries.
import type { ChatStore } from '../../app/ports/stores/chats.js';
import type { PrismaClient } from '../client.js';
import { markUnreachable } from './identity.repository.js';
import { attemptsOfChatHead } from './outbox.repository.js';
import { identityOfChat, savePrompt } from './prompt.repository.js';

export function chatStore(db: PrismaClient): ChatStore {
  return {
    identityOfChat: (channel, chatId) => identityOfChat(db, channel, chatId),
    savePrompt: (identityId, actions, now, expiresAt) => savePrompt(db, identityId, actions, now, expiresAt),
    attemptsOfHead: (channel, chatId) => attemptsOfChatHead(db, channel, chatId),
    markUnreachable: (channel, chatId, reason, at) => markUnreachable(db, channel, chatId, reason, at),
  };
}
