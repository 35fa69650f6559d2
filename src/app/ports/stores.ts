// The application's view of the database. Each feature's queries sit behind one interface in ports/stores/<feature>.ts,
// implemented by src/db/repositories/<feature>.repository.ts and gathered by src/db/stores.ts, so a use case reads and
// writes through `app.stores.<feature>` and imports no Prisma (AppContext holds no database client).
import type { AuditStore } from './stores/audit.js';
import type { ChannelQuotaStore } from './stores/channel-quota.js';
import type { OaUsageStore } from './stores/oa-usage.js';
import type { ReviewStore } from './stores/review.js';
import type { SelfReviewStore } from './stores/self-review.js';
import type { NoticeStore } from './stores/notices.js';
import type { RecognitionStore } from './stores/recognition.js';
import type { ChatStore } from './stores/chats.js';
import type { ClockStore } from './stores/clocks.js';
import type { ConsultationStore } from './stores/consultations.js';
import type { DialogStore } from './stores/dialogs.js';
import type { DigestStore } from './stores/digest.js';
import type { ExplanationStore } from './stores/explanations.js';
import type { FileLinkStore } from './stores/file-links.js';
import type { IdentityStore } from './stores/identities.js';
import type { IntegrationEventStore } from './stores/integration-events.js';
import type { InviteStore } from './stores/invites.js';
import type { ItemStore } from './stores/items.js';
import type { OfficialStore } from './stores/officials.js';
import type { OrgStore } from './stores/org.js';
import type { OutboxStore } from './stores/outbox.js';
import type { ReportStore } from './stores/reports.js';
import type { SendingStore } from './stores/sending.js';
import type { SequenceStore } from './stores/sequences.js';
import type { SignalStore } from './stores/signals.js';
import type { TaskStore } from './stores/tasks.js';
import type { IntegrationStore } from './stores/integration.js';

declare const storeTx: unique symbol;

/**
 * The transaction a use case runs in (the `tx` of `inTransaction`), as the application sees it: opaque; only src/db
 * knows what is inside. A store method that must join the use case's transaction takes it as its first argument; one
 * that stands alone (a counter, a claim) takes none; a read that may run either way takes it last and optional.
 */
export type StoreTx = object & { readonly [storeTx]?: never };

/** Every store, one field per feature. */
export interface AppStores {
  /**
   * Runs `fn` in one database transaction (committed when it resolves, rolled back when it throws). Use cases go
   * through `inTransaction` (src/app/transaction.ts), which adds the retry on conflict and the after-commit effects.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>, options: { timeoutMs: number; maxWaitMs: number }): Promise<T>;
  audit: AuditStore;
  channelQuota: ChannelQuotaStore;
  oaUsage: OaUsageStore;
  review: ReviewStore;
  selfReview: SelfReviewStore;
  notices: NoticeStore;
  recognition: RecognitionStore;
  chats: ChatStore;
  clocks: ClockStore;
  consultations: ConsultationStore;
  dialogs: DialogStore;
  digest: DigestStore;
  explanations: ExplanationStore;
  fileLinks: FileLinkStore;
  identities: IdentityStore;
  integrationEvents: IntegrationEventStore;
  invites: InviteStore;
  items: ItemStore;
  officials: OfficialStore;
  org: OrgStore;
  outbox: OutboxStore;
  reports: ReportStore;
  sending: SendingStore;
  sequences: SequenceStore;
  signals: SignalStore;
  tasks: TaskStore;
  integration: IntegrationStore;
  /** A write refused by a unique index: someone else inserted the same key first (a race the caller settles). */
  isUniqueViolation(e: unknown): boolean;
}
