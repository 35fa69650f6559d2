-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MEMBER', 'DEPUTY', 'HEAD');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('TELEGRAM', 'ZALO');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('URGENT', 'HIGH', 'NORMAL');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'DONE', 'CLOSED', 'DECLINED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskEventKind" AS ENUM ('CREATED', 'ACCEPTED', 'DECLINED', 'EXTENSION_REQUESTED', 'EXTENSION_APPROVED', 'EXTENSION_REFUSED', 'PROGRESS_REPORTED', 'COMPLETED', 'CONFIRMED', 'REOPENED', 'CANCELLED', 'REASSIGNED', 'INSISTED', 'NUDGED');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('OPEN', 'CLOSED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('AGREE', 'DISAGREE', 'AGREE_WITH_AMENDMENTS');

-- CreateEnum
CREATE TYPE "ConsultationEntryKind" AS ENUM ('ANSWER', 'FREE_TEXT', 'CLARIFICATION_QUESTION', 'CLARIFICATION_REPLY');

-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('TASK', 'CONSULTATION', 'EXPLANATION', 'SIGNAL');

-- CreateEnum
CREATE TYPE "ExplanationStatus" AS ENUM ('OPEN', 'ANSWERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ClockKind" AS ENUM ('TASK_ACCEPT', 'TASK_PROGRESS', 'TASK_BEFORE_DEADLINE', 'TASK_OVERDUE', 'CONSULTATION_ANSWER', 'EXPLANATION_ANSWER');

-- CreateEnum
CREATE TYPE "ClockState" AS ENUM ('ACTIVE', 'STOPPED');

-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('REMINDER', 'ESCALATION');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNREACHABLE');

-- CreateEnum
CREATE TYPE "SignalStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateTable
CREATE TABLE "unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" INTEGER,
    "path" TEXT NOT NULL DEFAULT '',
    "depth" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "official" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameFolded" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',
    "unitId" INTEGER NOT NULL,
    "superiorId" INTEGER,
    "phone" TEXT,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "preferredChannel" "Channel",
    "digestOptIn" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "official_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_identity" (
    "id" SERIAL NOT NULL,
    "officialId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "externalUserId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "displayName" TEXT,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unreachableAt" TIMESTAMP(3),
    "unreachableReason" TEXT,
    "lastInboundAt" TIMESTAMP(3),

    CONSTRAINT "chat_identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invite_code" (
    "id" SERIAL NOT NULL,
    "officialId" INTEGER NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedByIdentityId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invite_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "expectedResult" TEXT NOT NULL,
    "priority" "Priority" NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'ASSIGNED',
    "deadline" TIMESTAMP(3) NOT NULL,
    "originalDeadline" TIMESTAMP(3) NOT NULL,
    "assignerId" INTEGER NOT NULL,
    "assigneeId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "sourceDocRef" TEXT,
    "previousTaskId" INTEGER,
    "acceptedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "lastProgressAt" TIMESTAMP(3),
    "progressPercent" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "resultNote" TEXT,
    "closedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "bounceCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_event" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "kind" "TaskEventKind" NOT NULL,
    "actorId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    "percent" INTEGER,
    "newDeadline" TIMESTAMP(3),
    "attachmentKind" TEXT,
    "attachmentRef" TEXT,
    "attachmentChannel" "Channel",
    "data" JSONB,

    CONSTRAINT "task_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extension_request" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "requesterId" INTEGER NOT NULL,
    "newDeadline" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "extension_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askerId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "priority" "Priority" NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" "ConsultationStatus" NOT NULL DEFAULT 'OPEN',
    "round" INTEGER NOT NULL DEFAULT 1,
    "matterId" INTEGER,
    "previousId" INTEGER,
    "taskId" INTEGER,
    "decision" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_respondent" (
    "id" SERIAL NOT NULL,
    "consultationId" INTEGER NOT NULL,
    "officialId" INTEGER NOT NULL,
    "stance" "Stance",
    "stanceText" TEXT,
    "answeredAt" TIMESTAMP(3),
    "firstAnsweredAt" TIMESTAMP(3),
    "answeredById" INTEGER,
    "clarificationAskedAt" TIMESTAMP(3),
    "lastFreeTextAt" TIMESTAMP(3),

    CONSTRAINT "consultation_respondent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_entry" (
    "id" SERIAL NOT NULL,
    "consultationId" INTEGER NOT NULL,
    "respondentId" INTEGER,
    "authorId" INTEGER NOT NULL,
    "kind" "ConsultationEntryKind" NOT NULL,
    "stance" "Stance",
    "text" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "consultation_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "explanation_demand" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "itemKind" "ItemKind" NOT NULL,
    "itemId" INTEGER NOT NULL,
    "requesterId" INTEGER NOT NULL,
    "officialId" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "priority" "Priority" NOT NULL DEFAULT 'NORMAL',
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" "ExplanationStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "explanation_demand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clock" (
    "id" SERIAL NOT NULL,
    "itemKind" "ItemKind" NOT NULL,
    "itemId" INTEGER NOT NULL,
    "kind" "ClockKind" NOT NULL,
    "officialId" INTEGER NOT NULL,
    "priority" "Priority" NOT NULL,
    "state" "ClockState" NOT NULL DEFAULT 'ACTIVE',
    "generation" INTEGER NOT NULL DEFAULT 0,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "stepMs" INTEGER NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "cycle" INTEGER NOT NULL DEFAULT 0,
    "nextAt" TIMESTAMP(3) NOT NULL,
    "stoppedAt" TIMESTAMP(3),
    "stopReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "clock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder" (
    "id" SERIAL NOT NULL,
    "clockId" INTEGER NOT NULL,
    "generation" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "cycle" INTEGER NOT NULL DEFAULT 0,
    "itemKind" "ItemKind" NOT NULL,
    "itemId" INTEGER NOT NULL,
    "clockKind" "ClockKind" NOT NULL,
    "officialId" INTEGER NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "outboxId" BIGINT,
    "delivered" BOOLEAN,

    CONSTRAINT "reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "channel" "Channel" NOT NULL,
    "chatId" TEXT NOT NULL,
    "officialId" INTEGER,
    "mergeable" BOOLEAN NOT NULL DEFAULT false,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "externalMessageId" TEXT,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signal" (
    "id" SERIAL NOT NULL,
    "behaviour" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "officialId" INTEGER NOT NULL,
    "itemKind" "ItemKind",
    "itemId" INTEGER,
    "evidence" JSONB NOT NULL,
    "status" "SignalStatus" NOT NULL DEFAULT 'PENDING',
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" INTEGER,
    "note" TEXT,
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "reviewReason" TEXT,
    "explanation" TEXT,
    "explainedAt" TIMESTAMP(3),

    CONSTRAINT "signal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_update" (
    "channel" "Channel" NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_update_pkey" PRIMARY KEY ("channel","key")
);

-- CreateTable
CREATE TABLE "dialog_state" (
    "identityId" INTEGER NOT NULL,
    "flow" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dialog_state_pkey" PRIMARY KEY ("identityId")
);

-- CreateTable
CREATE TABLE "chat_prompt" (
    "identityId" INTEGER NOT NULL,
    "actions" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chat_prompt_pkey" PRIMARY KEY ("identityId")
);

-- CreateTable
CREATE TABLE "calendar_override" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_override_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "digest_sent" (
    "officialId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "digest_sent_pkey" PRIMARY KEY ("officialId","date")
);

-- CreateTable
CREATE TABLE "channel_quota" (
    "channel" "Channel" NOT NULL,
    "month" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "warnedAt" TIMESTAMP(3),

    CONSTRAINT "channel_quota_pkey" PRIMARY KEY ("channel","month")
);

-- CreateTable
CREATE TABLE "file_link" (
    "token" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "file_link_pkey" PRIMARY KEY ("token")
);

-- CreateTable
CREATE TABLE "sequence" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "sequence_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_code_key" ON "unit"("code");

-- CreateIndex
CREATE INDEX "unit_parentId_idx" ON "unit"("parentId");

-- CreateIndex
CREATE INDEX "unit_path_idx" ON "unit"("path");

-- CreateIndex
CREATE UNIQUE INDEX "official_code_key" ON "official"("code");

-- CreateIndex
CREATE INDEX "official_unitId_role_idx" ON "official"("unitId", "role");

-- CreateIndex
CREATE INDEX "official_superiorId_idx" ON "official"("superiorId");

-- CreateIndex
CREATE UNIQUE INDEX "chat_identity_channel_externalUserId_key" ON "chat_identity"("channel", "externalUserId");

-- CreateIndex
CREATE UNIQUE INDEX "chat_identity_officialId_channel_key" ON "chat_identity"("officialId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "invite_code_codeHash_key" ON "invite_code"("codeHash");

-- CreateIndex
CREATE INDEX "invite_code_officialId_idx" ON "invite_code"("officialId");

-- CreateIndex
CREATE UNIQUE INDEX "task_code_key" ON "task"("code");

-- CreateIndex
CREATE INDEX "task_assigneeId_status_idx" ON "task"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "task_assignerId_status_idx" ON "task"("assignerId", "status");

-- CreateIndex
CREATE INDEX "task_unitId_status_idx" ON "task"("unitId", "status");

-- CreateIndex
CREATE INDEX "task_status_deadline_idx" ON "task"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "task_year_seq_key" ON "task"("year", "seq");

-- CreateIndex
CREATE INDEX "task_event_taskId_at_idx" ON "task_event"("taskId", "at");

-- CreateIndex
CREATE INDEX "extension_request_taskId_status_idx" ON "extension_request"("taskId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_code_key" ON "consultation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_previousId_key" ON "consultation"("previousId");

-- CreateIndex
CREATE INDEX "consultation_askerId_status_idx" ON "consultation"("askerId", "status");

-- CreateIndex
CREATE INDEX "consultation_matterId_idx" ON "consultation"("matterId");

-- CreateIndex
CREATE INDEX "consultation_status_deadline_idx" ON "consultation"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_year_seq_key" ON "consultation"("year", "seq");

-- CreateIndex
CREATE INDEX "consultation_respondent_officialId_answeredAt_idx" ON "consultation_respondent"("officialId", "answeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_respondent_consultationId_officialId_key" ON "consultation_respondent"("consultationId", "officialId");

-- CreateIndex
CREATE INDEX "consultation_entry_consultationId_at_idx" ON "consultation_entry"("consultationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "explanation_demand_code_key" ON "explanation_demand"("code");

-- CreateIndex
CREATE INDEX "explanation_demand_officialId_status_idx" ON "explanation_demand"("officialId", "status");

-- CreateIndex
CREATE INDEX "explanation_demand_itemKind_itemId_idx" ON "explanation_demand"("itemKind", "itemId");

-- CreateIndex
CREATE INDEX "clock_state_nextAt_idx" ON "clock"("state", "nextAt");

-- CreateIndex
CREATE UNIQUE INDEX "clock_itemKind_itemId_kind_officialId_key" ON "clock"("itemKind", "itemId", "kind", "officialId");

-- CreateIndex
CREATE INDEX "reminder_recipientId_at_idx" ON "reminder"("recipientId", "at");

-- CreateIndex
CREATE INDEX "reminder_officialId_at_idx" ON "reminder"("officialId", "at");

-- CreateIndex
CREATE INDEX "reminder_at_idx" ON "reminder"("at");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_clockId_generation_level_cycle_key" ON "reminder"("clockId", "generation", "level", "cycle");

-- CreateIndex
CREATE INDEX "outbox_channel_chatId_status_id_idx" ON "outbox"("channel", "chatId", "status", "id");

-- CreateIndex
CREATE INDEX "outbox_status_notBefore_idx" ON "outbox"("status", "notBefore");

-- CreateIndex
CREATE INDEX "signal_officialId_status_idx" ON "signal"("officialId", "status");

-- CreateIndex
CREATE INDEX "signal_status_raisedAt_idx" ON "signal"("status", "raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "signal_rule_itemKind_itemId_officialId_key" ON "signal"("rule", "itemKind", "itemId", "officialId");

-- CreateIndex
CREATE INDEX "audit_log_entity_entityId_idx" ON "audit_log"("entity", "entityId");

-- CreateIndex
CREATE INDEX "processed_update_at_idx" ON "processed_update"("at");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official" ADD CONSTRAINT "official_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official" ADD CONSTRAINT "official_superiorId_fkey" FOREIGN KEY ("superiorId") REFERENCES "official"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_identity" ADD CONSTRAINT "chat_identity_officialId_fkey" FOREIGN KEY ("officialId") REFERENCES "official"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_code" ADD CONSTRAINT "invite_code_officialId_fkey" FOREIGN KEY ("officialId") REFERENCES "official"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_event" ADD CONSTRAINT "task_event_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_respondent" ADD CONSTRAINT "consultation_respondent_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_entry" ADD CONSTRAINT "consultation_entry_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
