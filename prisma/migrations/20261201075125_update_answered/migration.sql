-- An update's answer handed over (issue 18, several bot processes): a claim without it, found by the chat's next holder
-- of the shared chat lock, was made by a process that died mid-update, and the platform's repeated delivery is
-- handled instead of dropped. Written by `npm run db:diff -- update_answered`; the UPDATE by hand: the claims made
-- before this release were handled (or are beyond help) and must never be taken over, so they count as answered.

-- AlterTable
ALTER TABLE "processed_update" ADD COLUMN     "answeredAt" TIMESTAMP(3);

-- Hand-written: every claim before this release counts as answered. Run by the migrating role, which row-level
-- security (FORCE) keeps to the organisation of its connection ('default' when none is set) unless it is a superuser;
-- another organisation's old claims left NULL could be taken over only by a repeated delivery under the chat lock.
UPDATE "processed_update" SET "answeredAt" = "at" WHERE "answeredAt" IS NULL;
