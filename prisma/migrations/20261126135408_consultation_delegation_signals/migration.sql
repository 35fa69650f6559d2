-- AlterEnum
ALTER TYPE "ConsultationEntryKind" ADD VALUE 'DELEGATED';

-- AlterTable
ALTER TABLE "consultation_respondent" ADD COLUMN     "delegateId" INTEGER,
ADD COLUMN     "delegatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "explanation_demand" ADD COLUMN     "signalId" INTEGER;

-- CreateIndex
CREATE INDEX "consultation_respondent_delegateId_idx" ON "consultation_respondent"("delegateId");

-- CreateIndex
CREATE INDEX "explanation_demand_requesterId_status_idx" ON "explanation_demand"("requesterId", "status");

-- CreateIndex
CREATE INDEX "signal_itemKind_itemId_idx" ON "signal"("itemKind", "itemId");
