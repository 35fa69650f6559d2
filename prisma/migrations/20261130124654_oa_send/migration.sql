-- Edited by hand after db:diff: the newest snapshot (audit_hash_version) was made beside zalo_oa_channel and lacks
-- its enum value and token table, which that migration already creates. Only the OA usage tables are new here.
-- CreateEnum
CREATE TYPE "OaSendKind" AS ENUM ('CS', 'TRANSACTION', 'MOVED', 'HELD');

-- CreateTable
CREATE TABLE "oa_send" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "month" TEXT NOT NULL,
    "identityId" INTEGER,
    "unitId" INTEGER,
    "kind" "OaSendKind" NOT NULL,
    "insideWindow" BOOLEAN NOT NULL,

    CONSTRAINT "oa_send_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oa_budget_warning" (
    "month" TEXT NOT NULL,
    "warnedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "oa_budget_warning_pkey" PRIMARY KEY ("month")
);

-- CreateIndex
CREATE INDEX "oa_send_month_idx" ON "oa_send"("month");

-- CreateIndex
CREATE INDEX "oa_send_identityId_at_idx" ON "oa_send"("identityId", "at");
