// When Zalo refuses to refresh the OA's tokens, nothing more goes out on the OA until an admin authorises again.
// The admins (is_admin in the organisation file) are told on their other channels (Telegram, the Bot Platform): a
// message queued on the OA would wait behind the very problem it reports.
import type { Logger } from 'pino';
import type { ChannelServices } from '../../app/ports/channel-services.js';

/** Queues the re-authorisation alert to every active admin reachable outside the OA; returns how many. */
export async function alertAdminsToReauthorize(services: ChannelServices, logger: Logger, reason: string): Promise<number> {
  const told = await services.alertAdmins('ZALO_OA', 'zalo-oa-reauthorize', { reason: reason.slice(0, 200) });
  if (told === 0) logger.warn('zalo oa: no admin reachable outside the OA to tell about the re-authorisation (see /healthz)');
  return told;
}
