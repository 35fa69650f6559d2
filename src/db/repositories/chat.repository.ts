// The application's ChatStore: what the channel adapters ask about a chat, over the prompt, outbox and identity queries.
import type { ChatStore } from '../../app/ports/stores/chats.js';
import type { PrismaClient } from '../client.js';
import { markUnreachable } from './identity.repository.js';
import { attemptsOfChatHead } from './outbox.repository.js';
import { identityOfChat, promptAction, savePrompt } from './prompt.repository.js';
import { claimUpdate, pruneUpdates } from './update.repository.js';

export function chatStore(db: PrismaClient): ChatStore {
  return {
    identityOfChat: (channel, chatId) => identityOfChat(db, channel, chatId),
    savePrompt: (identityId, actions, now, expiresAt) => savePrompt(db, identityId, actions, now, expiresAt),
    promptAction: (identityId, number, now) => promptAction(db, identityId, number, now),
    claimUpdate: (channel, key) => claimUpdate(db, channel, key),
    pruneUpdates: (before) => pruneUpdates(db, before),
    attemptsOfHead: (channel, chatId) => attemptsOfChatHead(db, channel, chatId),
    markUnreachable: (channel, chatId, reason, at) => markUnreachable(db, channel, chatId, reason, at),
  };
}
