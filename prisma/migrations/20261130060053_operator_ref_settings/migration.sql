-- AlterTable
ALTER TABLE "task" ADD COLUMN     "externalRef" TEXT;

-- AlterTable
ALTER TABLE "consultation" ADD COLUMN     "externalRef" TEXT;

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "task_externalRef_key" ON "task"("externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_externalRef_key" ON "consultation"("externalRef");
