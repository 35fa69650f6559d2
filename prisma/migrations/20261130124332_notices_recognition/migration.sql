-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('OPEN', 'CLOSED');

-- Edited by hand: the Channel value ZALO_OA and the table zalo_oa_token are left out. Migration
-- 20261130093337_zalo_oa_channel made them, but the schema snapshot of 20261130094212_audit_hash_version
-- was taken without them, so the diff proposed them again

-- AlterEnum
ALTER TYPE "ItemKind" ADD VALUE 'NOTICE';

-- AlterEnum
ALTER TYPE "ClockKind" ADD VALUE 'NOTICE_CONFIRM';

-- CreateTable
CREATE TABLE "notice" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "senderId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'OPEN',
    "confirmBy" TIMESTAMP(3) NOT NULL,
    "documentName" TEXT,
    "documentMime" TEXT,
    "documentSize" INTEGER,
    "documentSha256" TEXT,
    "documentData" BYTEA,
    "documentChannel" "Channel",
    "documentRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_scope" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "subtree" BOOLEAN NOT NULL DEFAULT false,
    "officialId" INTEGER,

    CONSTRAINT "notice_scope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_recipient" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "officialId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "commitment" TEXT,

    CONSTRAINT "notice_recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_question" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "officialId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notice_question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commendation" (
    "id" SERIAL NOT NULL,
    "officialId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "byId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "itemKind" "ItemKind",
    "itemId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "commendation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notice_code_key" ON "notice"("code");

-- CreateIndex
CREATE INDEX "notice_senderId_status_idx" ON "notice"("senderId", "status");

-- CreateIndex
CREATE INDEX "notice_status_idx" ON "notice"("status");

-- CreateIndex
CREATE UNIQUE INDEX "notice_year_seq_key" ON "notice"("year", "seq");

-- CreateIndex
CREATE INDEX "notice_scope_noticeId_idx" ON "notice_scope"("noticeId");

-- CreateIndex
CREATE INDEX "notice_recipient_officialId_confirmedAt_idx" ON "notice_recipient"("officialId", "confirmedAt");

-- CreateIndex
CREATE UNIQUE INDEX "notice_recipient_noticeId_officialId_key" ON "notice_recipient"("noticeId", "officialId");

-- CreateIndex
CREATE INDEX "notice_question_noticeId_at_idx" ON "notice_question"("noticeId", "at");

-- CreateIndex
CREATE INDEX "commendation_officialId_at_idx" ON "commendation"("officialId", "at");

-- CreateIndex
CREATE INDEX "commendation_at_idx" ON "commendation"("at");

-- AddForeignKey
ALTER TABLE "notice_scope" ADD CONSTRAINT "notice_scope_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_recipient" ADD CONSTRAINT "notice_recipient_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_question" ADD CONSTRAINT "notice_question_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
