// Builds every store the application reads and writes through (src/app/ports/stores.ts) over one Prisma client.
import type { AppStores } from '../app/ports/stores.js';
import type { PrismaClient } from './client.js';
import { channelQuotaStore } from './repositories/channel-quota.repository.js';
import { noticeStore } from './repositories/notices.repository.js';
import { recognitionStore } from './repositories/recognition.repository.js';

export function createStores(db: PrismaClient): AppStores {
  return {
    channelQuota: channelQuotaStore(db),
    notices: noticeStore(db),
    recognition: recognitionStore(db),
  };
}
