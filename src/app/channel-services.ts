// The application's side of the ChannelServices port (src/app/ports/channel-services.ts), built once per process at
// wiring from the app context.
import type { ChannelName } from '../domain/org/types.js';
import type { AppContext } from './context.js';
import { ChannelQuotaCounter } from './delivery/channel-quota.js';
import { createFileLink, DEFAULT_FILE_LINK_TTL_MS, fileLinkUrl } from './file-links.js';
import { commandForAction } from './interaction/item-commands.js';
import { claimInbound, touchInbound } from './interaction/router.js';
import { alertAdminsOutside } from './notify.js';
import type { ChannelServices } from './ports/channel-services.js';
import { viewTools } from './views/tools.js';

export interface ChannelServicesOptions {
  /** Monthly message caps of the channels that have one (Zalo's plan); others are not counted. */
  monthlyCaps?: Partial<Record<ChannelName, number>>;
  fileLinkTtlMs?: number;
}

export function createChannelServices(app: AppContext, o: ChannelServicesOptions = {}): ChannelServices {
  const counters = new Map<ChannelName, ChannelQuotaCounter>();
  for (const [channel, cap] of Object.entries(o.monthlyCaps ?? {}) as [ChannelName, number][])
    counters.set(channel, new ChannelQuotaCounter(app, channel, cap));
  return {
    async recipient(channel, externalUserId) {
      const identity = await app.stores.identities.linkedOfficial(channel, externalUserId);
      return { identityId: identity?.identityId, locale: identity?.locale ?? 'vi' };
    },
    commandFor: (action, locale) => commandForAction(app.stores, action, locale),
    async savePrompt(channel, chatId, identityId, actions) {
      const id = identityId ?? (await app.stores.chats.identityOfChat(channel, chatId));
      if (id === undefined) return;
      const now = app.time.now();
      await app.stores.chats.savePrompt(id, actions, now, new Date(now.getTime() + app.policy.promptTtl.ms));
    },
    async fileLink(file, locale) {
      const base = app.links.publicBaseUrl;
      if (!base) return undefined;
      const link = await createFileLink(app, file, app.time.now(), o.fileLinkTtlMs ?? DEFAULT_FILE_LINK_TTL_MS);
      return { url: fileLinkUrl(base, link.token), until: viewTools(app, locale).dateTime(link.expiresAt) };
    },
    async countSent(channel, n) {
      await counters.get(channel)?.count(n);
    },
    attemptsOfHead: (channel, chatId) => app.stores.chats.attemptsOfHead(channel, chatId),
    claimEvent: (channel, key) => claimInbound(app, channel, key),
    touched: (identityId) => touchInbound(app, identityId),
    async unreachable(channel, chatId, reason) {
      await app.stores.chats.markUnreachable(channel, chatId, reason, app.time.now());
      await app.delivery.kick([{ channel, chatId }]);
    },
    alertAdmins: (channel, messageKey, args) => alertAdminsOutside(app, channel, (t) => ({ text: t(messageKey, args) })),
  };
}
