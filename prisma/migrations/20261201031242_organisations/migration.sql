-- Organisations (issue 18): every table of organisation data carries "orgId", filled by its default from the
-- connection's dondoc.org setting (the application never sets it), and row-level security keeps the application role
-- (dondoc_app) to the rows of its connection's organisation. Written by `npm run db:diff -- organisations`, then by
-- hand from "Hand-written" on (the schema engine knows nothing of roles, policies or partial indexes).
--
-- Upgrade in place: a district's existing rows get 'default' from the column default (no setting is set while the
-- migration runs), and the 'default' organisation row is inserted below, so nothing in its configuration changes.

-- DropIndex
DROP INDEX "unit_code_key";

-- DropIndex
DROP INDEX "official_code_key";

-- DropIndex
DROP INDEX "chat_identity_channel_externalUserId_key";

-- DropIndex
DROP INDEX "task_code_key";

-- DropIndex
DROP INDEX "task_externalRef_key";

-- DropIndex
DROP INDEX "task_year_seq_key";

-- DropIndex
DROP INDEX "consultation_code_key";

-- DropIndex
DROP INDEX "consultation_externalRef_key";

-- DropIndex
DROP INDEX "consultation_year_seq_key";

-- DropIndex
DROP INDEX "explanation_demand_code_key";

-- DropIndex
DROP INDEX "notice_code_key";

-- DropIndex
DROP INDEX "notice_year_seq_key";

-- DropIndex
DROP INDEX "review_code_key";

-- DropIndex
DROP INDEX "self_review_cycle_periodFrom_periodTo_key";

-- DropIndex
DROP INDEX "api_key_name_key";

-- DropIndex
DROP INDEX "webhook_subscription_name_key";

-- AlterTable
ALTER TABLE "unit" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "official" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "chat_identity" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "invite_code" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "invite_attempt" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "task" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "task_event" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "extension_request" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "consultation" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "consultation_respondent" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "consultation_entry" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "explanation_demand" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "notice" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "notice_scope" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "notice_recipient" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "notice_question" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "commendation" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "clock" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "reminder" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "signal" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "processed_update" DROP CONSTRAINT "processed_update_pkey",
ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'),
ADD CONSTRAINT "processed_update_pkey" PRIMARY KEY ("orgId", "channel", "key");

-- AlterTable
ALTER TABLE "dialog_state" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "chat_prompt" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "calendar_override" DROP CONSTRAINT "calendar_override_pkey",
ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'),
ADD CONSTRAINT "calendar_override_pkey" PRIMARY KEY ("orgId", "date");

-- AlterTable
ALTER TABLE "digest_sent" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "channel_quota" DROP CONSTRAINT "channel_quota_pkey",
ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'),
ADD CONSTRAINT "channel_quota_pkey" PRIMARY KEY ("orgId", "channel", "month");

-- AlterTable
ALTER TABLE "file_link" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "sequence" DROP CONSTRAINT "sequence_pkey",
ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'),
ADD CONSTRAINT "sequence_pkey" PRIMARY KEY ("orgId", "name");

-- AlterTable
ALTER TABLE "zalo_oa_token" DROP CONSTRAINT "zalo_oa_token_pkey",
ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'),
ADD CONSTRAINT "zalo_oa_token_pkey" PRIMARY KEY ("orgId", "oaId");

-- AlterTable
ALTER TABLE "setting" DROP CONSTRAINT "setting_pkey",
ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'),
ADD CONSTRAINT "setting_pkey" PRIMARY KEY ("orgId", "key");

-- AlterTable
ALTER TABLE "oa_send" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "oa_budget_warning" DROP CONSTRAINT "oa_budget_warning_pkey",
ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'),
ADD CONSTRAINT "oa_budget_warning_pkey" PRIMARY KEY ("orgId", "month");

-- AlterTable
ALTER TABLE "review" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "review_item" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "self_review_cycle" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "self_review" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "self_review_entry" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "api_key" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "api_idempotency" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "integration_event" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "webhook_subscription" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- AlterTable
ALTER TABLE "webhook_delivery" ADD COLUMN     "orgId" TEXT NOT NULL DEFAULT coalesce(nullif(current_setting('dondoc.org', true), ''), 'default');

-- CreateTable
CREATE TABLE "organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "telegramToken" TEXT,
    "zaloToken" TEXT,
    "policy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_orgId_code_key" ON "unit"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "official_orgId_code_key" ON "official"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "chat_identity_orgId_channel_externalUserId_key" ON "chat_identity"("orgId", "channel", "externalUserId");

-- CreateIndex
CREATE UNIQUE INDEX "task_orgId_year_seq_key" ON "task"("orgId", "year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "task_orgId_code_key" ON "task"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "task_orgId_externalRef_key" ON "task"("orgId", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_orgId_year_seq_key" ON "consultation"("orgId", "year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_orgId_code_key" ON "consultation"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "consultation_orgId_externalRef_key" ON "consultation"("orgId", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "explanation_demand_orgId_code_key" ON "explanation_demand"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "notice_orgId_year_seq_key" ON "notice"("orgId", "year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "notice_orgId_code_key" ON "notice"("orgId", "code");

-- CreateIndex
CREATE INDEX "audit_log_orgId_id_idx" ON "audit_log"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "review_orgId_code_key" ON "review"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "self_review_cycle_orgId_periodFrom_periodTo_key" ON "self_review_cycle"("orgId", "periodFrom", "periodTo");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_orgId_name_key" ON "api_key"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_subscription_orgId_name_key" ON "webhook_subscription"("orgId", "name");

-- ─── Hand-written ───────────────────────────────────────────────────────────

-- The implicit organisation of a single-district deployment: always there.
INSERT INTO "organisation" ("id", "name") VALUES ('default', 'default') ON CONFLICT ("id") DO NOTHING;

-- The application's role: without login (each app connection is the deployment's own user, switched to this role by
-- its startup options `-c role=dondoc_app`, src/db/client.ts), without the owner's right to pass row-level security.
-- A user that may not create roles (a managed PostgreSQL) leaves a NOTICE: the DBA creates it (README "A province").
-- The migration runner keeps this dollar-quoted block whole (src/db/migrate/split-sql.ts).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dondoc_app') THEN
    BEGIN
      CREATE ROLE dondoc_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- another database's migration created it just now
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'dondoc: cannot create role dondoc_app (%); ask the DBA: CREATE ROLE dondoc_app NOLOGIN; GRANT dondoc_app TO %', SQLERRM, current_user;
    END;
  END IF;
  BEGIN
    EXECUTE format('GRANT dondoc_app TO %I', current_user);
  EXCEPTION WHEN insufficient_privilege OR undefined_object THEN
    RAISE NOTICE 'dondoc: cannot grant dondoc_app to % (%)', current_user, SQLERRM;
  END;
END
$$;

-- Its rights: the rows of every table (row-level security narrows them) and the sequences, now and for the tables
-- later migrations create. No DDL: migrations run as the owner (src/db/migrate/apply.ts).
DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO dondoc_app', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO dondoc_app', current_schema());
  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO dondoc_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO dondoc_app', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO dondoc_app', current_schema());
END
$$;

-- The second wall: whatever a query forgets, the role sees and writes only its organisation's rows. FORCE applies it
-- to the table owner too; a superuser (the embedded PGlite, the migrations) passes it, and sees everything.
ALTER TABLE "unit" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "unit" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "official" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "official" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "chat_identity" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "chat_identity" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "invite_code" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "invite_code" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "invite_attempt" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "invite_attempt" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "task" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "task" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "task_event" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "task_event" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "extension_request" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "extension_request" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "consultation" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "consultation" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "consultation_respondent" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "consultation_respondent" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "consultation_entry" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "consultation_entry" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "explanation_demand" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "explanation_demand" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "notice" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "notice" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "notice_scope" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "notice_scope" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "notice_recipient" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "notice_recipient" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "notice_question" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "notice_question" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "commendation" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "commendation" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "clock" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "clock" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "reminder" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "reminder" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "outbox" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "outbox" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "signal" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "signal" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "audit_log" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "processed_update" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "processed_update" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "dialog_state" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "dialog_state" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "chat_prompt" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "chat_prompt" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "calendar_override" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "calendar_override" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "digest_sent" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "digest_sent" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "channel_quota" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "channel_quota" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "file_link" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "file_link" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "sequence" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "sequence" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "zalo_oa_token" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "zalo_oa_token" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "setting" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "setting" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "oa_send" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "oa_send" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "oa_budget_warning" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "oa_budget_warning" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "review" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "review" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "review_item" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "review_item" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "self_review_cycle" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "self_review_cycle" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "self_review" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "self_review" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "self_review_entry" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "self_review_entry" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "api_key" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "api_key" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "api_idempotency" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "api_idempotency" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "integration_event" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "integration_event" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "webhook_subscription" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "webhook_subscription" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));
ALTER TABLE "webhook_delivery" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "webhook_delivery" USING ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("orgId" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));

-- The organisation table: the application role sees its own row only; the owner (`org create`, the bot's list of
-- organisations) all of them, so ENABLE without FORCE.
ALTER TABLE "organisation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY org_wall ON "organisation" USING ("id" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')) WITH CHECK ("id" = coalesce(nullif(current_setting('dondoc.org', true), ''), 'default'));

-- Row-level security lets a query's condition be an index condition ahead of the policy only when its operator is
-- leakproof, and PostgreSQL does not mark enum equality so (enum_eq compares two OIDs: it cannot fail or leak). Every
-- index that leads with an enum (outbox (channel, "chatId", …), clock ("itemKind", "itemId", …), … (status, …)) would
-- turn into a scan for dondoc_app. A superuser running the migration marks the two operators leakproof in this
-- database; another user leaves a NOTICE (a DBA can run the two statements), and the hottest query keeps its own
-- partial index below either way.
DO $$
BEGIN
  ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) LEAKPROOF;
  ALTER FUNCTION pg_catalog.enum_ne(anyenum, anyenum) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'dondoc: enum equality is not leakproof here (%); as a superuser: ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) LEAKPROOF; ALTER FUNCTION pg_catalog.enum_ne(anyenum, anyenum) LEAKPROOF', SQLERRM;
END
$$;

-- The wave's "also due" query (lockClocks) as the application role: row-level security lets only leakproof conditions
-- be index conditions ahead of its policy, and an enum equality (state = 'ACTIVE') is not leakproof, so the
-- (state, "nextAt", id) index turned into a scan of every clock. A partial index answers it with the policy's "orgId"
-- as its condition, in ("nextAt", id) order (tests/integration/query-plans.test.ts, which EXPLAINs as dondoc_app), also
-- where the migration could not mark enum equality leakproof.
-- Not in schema.prisma (Prisma has no partial indexes): the next diffs start from the snapshot and leave it alone.
CREATE INDEX "clock_active_orgId_nextAt_id_idx" ON "clock" ("orgId", "nextAt", "id") WHERE "state" = 'ACTIVE';
