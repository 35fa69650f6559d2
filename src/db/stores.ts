// Builds every store the application reads and writes through (src/app/ports/stores.ts) over one Prisma client.
import type { AppStores } from '../app/ports/stores.js';
import type { PrismaClient } from './client.js';
import { channelQuotaStore } from './repositories/channel-quota.repository.js';
import { oaUsageStore } from './repositories/oa-usage.repository.js';
import { reviewStore } from './repositories/review.repository.js';
import { selfReviewStore } from './repositories/self-review.repository.js';
import { noticeStore } from './repositories/notices.repository.js';
import { recognitionStore } from './repositories/recognition.repository.js';

export function createStores(db: PrismaClient): AppStores {
  return {
    channelQuota: channelQuotaStore(db),
    oaUsage: oaUsageStore(db),
    review: reviewStore(db),
    selfReview: selfReviewStore(db),
    notices: noticeStore(db),
    recognition: recognitionStore(db),
  };
}
