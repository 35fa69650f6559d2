// The application's view of the database. Each feature's queries sit behind one interface in ports/stores/<feature>.ts,
// implemented by src/db/repositories/<feature>.repository.ts and gathered by src/db/stores.ts, so a use case reads and
// writes through `app.stores.<feature>` and imports no Prisma. (Older use cases still call src/db directly; they are
// the app → db lines of tests/architecture/known-violations.json, moved here one feature at a time.)
import type { ChannelQuotaStore } from './stores/channel-quota.js';
import type { OaUsageStore } from './stores/oa-usage.js';
import type { ReviewStore } from './stores/review.js';
import type { SelfReviewStore } from './stores/self-review.js';
import type { NoticeStore } from './stores/notices.js';
import type { RecognitionStore } from './stores/recognition.js';

declare const storeTx: unique symbol;

/**
 * The transaction a use case runs in (the `tx` of `inTransaction`), as the application sees it: opaque; only src/db
 * knows what is inside. A store method that must join the use case's transaction takes it as its first argument; one
 * that stands alone (a counter, a claim) takes none.
 */
export type StoreTx = object & { readonly [storeTx]?: never };

/** Every store, one field per feature. */
export interface AppStores {
  channelQuota: ChannelQuotaStore;
  oaUsage: OaUsageStore;
  review: ReviewStore;
  selfReview: SelfReviewStore;
  notices: NoticeStore;
  recognition: RecognitionStore;
}
