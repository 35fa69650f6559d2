-- AlterTable
-- Edited by hand after `npm run db:diff`: rows already in the log were hashed the old way (version 1), so the column
-- arrives with 1 on them, and only then does the default become 2, the version every new row is hashed with.
ALTER TABLE "audit_log" ADD COLUMN     "hashVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "audit_log" ALTER COLUMN "hashVersion" SET DEFAULT 2;
