-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'ZALO_OA';

-- CreateTable
CREATE TABLE "zalo_oa_token" (
    "oaId" TEXT NOT NULL,
    "accessSealed" TEXT NOT NULL,
    "refreshSealed" TEXT,
    "accessExpiresAt" TIMESTAMP(3) NOT NULL,
    "refreshExpiresAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "failure" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "zalo_oa_token_pkey" PRIMARY KEY ("oaId")
);
