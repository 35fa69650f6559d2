// An OA webhook event as the shared router sees it. OA user ids are scoped to the OA, so the identity is the pair
// (OA id, user id): `externalUserId` is "<oa id>:<user id>", while `chatId` stays the bare user id (what the Open
// API sends to). Follow, unfollow, echoes and receipts are not router input (inbound.ts handles follows).
import type { InboundEnvelope, InboundEvent } from '../../app/ports/channel.js';
import type { OaEvent } from './webhook-event.js';

/** The identity key of an OA user: ids are per OA, so the OA is part of it. */
export function oaExternalUserId(oaId: string, userId: string): string {
  return `${oaId}:${userId}`;
}

export function oaToEnvelope(event: OaEvent): InboundEnvelope | undefined {
  let inbound: InboundEvent;
  switch (event.kind) {
    case 'text':
      inbound = { type: 'text', text: event.text };
      break;
    case 'action':
      inbound = { type: 'action', data: event.action };
      break;
    case 'image':
      inbound = { type: 'file', file: { kind: 'photo', ref: event.url }, caption: event.caption ?? '' };
      break;
    case 'file':
      inbound = { type: 'file', file: { kind: 'document', ref: event.url, ...(event.name ? { name: event.name } : {}) }, caption: event.caption ?? '' };
      break;
    case 'unsupported':
      inbound = { type: 'unsupported' };
      break;
    default:
      return undefined;
  }
  return {
    channel: 'ZALO_OA',
    // Zalo retries a webhook it got no 200 for, with the same msg_id: the router's processed_update claim dedupes it.
    updateKey: event.dedupeKey,
    externalUserId: oaExternalUserId(event.oaId, event.userId),
    chatId: event.userId,
    // OA events carry no name (user/detail would cost a call per person); the invite names the official anyway.
    displayName: '',
    event: inbound,
  };
}
