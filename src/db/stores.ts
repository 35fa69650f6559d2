// Builds every store the application reads and writes through (src/app/ports/stores.ts) over one Prisma client.
import type { AppStores } from '../app/ports/stores.js';
import type { PrismaClient } from './client.js';
import { auditStore } from './repositories/audit.repository.js';
import { channelQuotaStore } from './repositories/channel-quota.repository.js';
import { oaUsageStore } from './repositories/oa-usage.repository.js';
import { reviewStore } from './repositories/review.repository.js';
import { selfReviewStore } from './repositories/self-review.repository.js';
import { noticeStore } from './repositories/notices.repository.js';
import { recognitionStore } from './repositories/recognition.repository.js';
import { chatStore } from './repositories/chat.repository.js';
import { clockStore } from './repositories/clock.repository.js';
import { consultationStore } from './repositories/consultation.repository.js';
import { dialogStore } from './repositories/dialog.repository.js';
import { digestStore, officialStore } from './repositories/digest.repository.js';
import { explanationStore } from './repositories/explanation.repository.js';
import { fileLinkStore } from './repositories/file-link.repository.js';
import { identityStore } from './repositories/identity.repository.js';
import { integrationEventStore } from './repositories/integration-event.repository.js';
import { inviteStore } from './repositories/invite.repository.js';
import { itemStore } from './repositories/item.repository.js';
import { orgStore } from './repositories/org.repository.js';
import { outboxStore, sendingStore } from './repositories/outbox.repository.js';
import { reportStore } from './repositories/report-facts.repository.js';
import { sequenceStore } from './repositories/sequence.repository.js';
import { signalStore } from './repositories/signal.repository.js';
import { taskStore } from './repositories/task.repository.js';
import { integrationStore } from './repositories/integration.repository.js';
import { isUniqueViolation } from './unique-violation.js';
import { replicaDigestStore, replicaReportStore } from './repositories/replica-reads.js';

export interface StoreOptions {
  /** DATABASE_REPLICA_URL's client: digests and reports read there; without it everything reads the primary. */
  replica?: PrismaClient;
}

export function createStores(db: PrismaClient, options: StoreOptions = {}): AppStores {
  const { replica } = options;
  return {
    transaction: (fn, o) => db.$transaction((tx) => fn(tx), { timeout: o.timeoutMs, maxWait: o.maxWaitMs }),
    audit: auditStore(),
    channelQuota: channelQuotaStore(db),
    oaUsage: oaUsageStore(db),
    review: reviewStore(db),
    selfReview: selfReviewStore(db),
    notices: noticeStore(db),
    recognition: recognitionStore(db),
    chats: chatStore(db),
    clocks: clockStore(db),
    consultations: consultationStore(db),
    dialogs: dialogStore(db),
    digest: replica ? replicaDigestStore(db, replica) : digestStore(db),
    explanations: explanationStore(db),
    fileLinks: fileLinkStore(db),
    identities: identityStore(db),
    integrationEvents: integrationEventStore(db),
    invites: inviteStore(db),
    items: itemStore(db),
    officials: officialStore(db),
    org: orgStore(db),
    outbox: outboxStore(db),
    reports: replica ? replicaReportStore(replica) : reportStore(db),
    sending: sendingStore(db),
    sequences: sequenceStore(),
    signals: signalStore(db),
    tasks: taskStore(db),
    integration: integrationStore(db),
    isUniqueViolation,
  };
}
