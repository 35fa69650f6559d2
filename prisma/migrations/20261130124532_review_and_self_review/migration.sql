-- Written by db:diff against the snapshot of 20261130094212_audit_hash_version, which lacks the ZALO_OA channel and
-- the zalo_oa_token table of 20261130093337_zalo_oa_channel: those two statements were taken out by hand.
-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('PENDING_OWNER', 'PENDING_HEAD', 'APPLIED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('DONE', 'KEEP', 'TRANSFER', 'DROP');

-- CreateEnum
CREATE TYPE "EvaluationRating" AS ENUM ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED');


-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ItemKind" ADD VALUE 'REVIEW_ITEM';
ALTER TYPE "ItemKind" ADD VALUE 'SELF_REVIEW';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ClockKind" ADD VALUE 'REVIEW_DECISION';
ALTER TYPE "ClockKind" ADD VALUE 'SELF_REVIEW';

-- CreateTable
CREATE TABLE "review" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "headId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "staleAfter" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_item" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "why" TEXT NOT NULL,
    "statusAtStart" TEXT NOT NULL,
    "deadlineAtStart" TIMESTAMP(3) NOT NULL,
    "outcome" "ReviewOutcome" NOT NULL DEFAULT 'PENDING_OWNER',
    "decision" "ReviewDecision",
    "note" TEXT,
    "newDeadline" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "deciderId" INTEGER,
    "headNote" TEXT,
    "headDecidedById" INTEGER,
    "headDecidedAt" TIMESTAMP(3),
    "applied" TEXT,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "review_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_review_cycle" (
    "id" SERIAL NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "openedById" INTEGER,

    CONSTRAINT "self_review_cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_review" (
    "id" SERIAL NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "officialId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "assessment" TEXT,
    "rating" "EvaluationRating",
    "submittedAt" TIMESTAMP(3),
    "headId" INTEGER,
    "headComment" TEXT,
    "headRating" "EvaluationRating",
    "headAt" TIMESTAMP(3),

    CONSTRAINT "self_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_review_entry" (
    "id" SERIAL NOT NULL,
    "selfReviewId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "rating" "EvaluationRating" NOT NULL,
    "figures" JSONB,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "self_review_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_code_key" ON "review"("code");

-- CreateIndex
CREATE INDEX "review_headId_closedAt_idx" ON "review"("headId", "closedAt");

-- CreateIndex
CREATE INDEX "review_item_ownerId_outcome_idx" ON "review_item"("ownerId", "outcome");

-- CreateIndex
CREATE INDEX "review_item_deciderId_outcome_idx" ON "review_item"("deciderId", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "review_item_reviewId_taskId_key" ON "review_item"("reviewId", "taskId");

-- CreateIndex
CREATE UNIQUE INDEX "self_review_cycle_periodFrom_periodTo_key" ON "self_review_cycle"("periodFrom", "periodTo");

-- CreateIndex
CREATE INDEX "self_review_unitId_idx" ON "self_review"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "self_review_cycleId_officialId_key" ON "self_review"("cycleId", "officialId");

-- CreateIndex
CREATE INDEX "self_review_entry_selfReviewId_at_idx" ON "self_review_entry"("selfReviewId", "at");

-- AddForeignKey
ALTER TABLE "review_item" ADD CONSTRAINT "review_item_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_review" ADD CONSTRAINT "self_review_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "self_review_cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_review_entry" ADD CONSTRAINT "self_review_entry_selfReviewId_fkey" FOREIGN KEY ("selfReviewId") REFERENCES "self_review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
