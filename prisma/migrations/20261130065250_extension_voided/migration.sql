-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'VOIDED';
