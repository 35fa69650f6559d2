-- The wave's "also due" query orders ACTIVE clocks by ("nextAt", id) with a LIMIT: with id in the index PostgreSQL
-- reads the first rows of an index scan instead of reading and sorting every due clock. The new index serves every
-- query the old one did (same leading columns).
-- Edited after db:diff: the diff started from the audit_hash_version snapshot, which lacks the zalo_oa_channel
-- migration's changes (enum value, token table) that migration already made, so only the index change is kept.

-- DropIndex
DROP INDEX "clock_state_nextAt_idx";

-- CreateIndex
CREATE INDEX "clock_state_nextAt_id_idx" ON "clock"("state", "nextAt", "id");
