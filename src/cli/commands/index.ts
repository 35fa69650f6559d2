// Every CLI command, one file each. Add a command here to make `npm run cli -- <words>` find it.
import type { CliCommand } from '../context.js';
import { auditVerifyCommand } from './audit-verify.js';
import { calendarCommand } from './calendar.js';
import { consultCreateCommand } from './consult-create.js';
import { dbMigrateCommand } from './db-migrate.js';
import { inviteCommand } from './invite.js';
import { orgCreateCommand } from './org-create.js';
import { orgImportCommand } from './org-import.js';
import { reportCommand } from './report.js';
import { reportPlanCommand } from './report-plan.js';
import { reviewExportCommand, reviewStartCommand } from './review.js';
import { selfReviewExportCommand, selfReviewOpenCommand } from './self-review.js';
import { taskCreateCommand } from './task-create.js';
import { zaloOaAuthorizeCommand, zaloOaStatusCommand } from './zalo-oa.js';
import { zaloOaUsageCommand } from './zalo-oa-usage.js';
import { noticeCreateCommand } from './notice-create.js';
import { apiKeyCreateCommand, apiKeyListCommand, apiKeyRevokeCommand } from './api-key.js';
import { webhookAddCommand, webhookListCommand, webhookRemoveCommand, webhookReplayCommand } from './webhook.js';

export const commands: CliCommand[] = [
  dbMigrateCommand,
  orgCreateCommand,
  orgImportCommand,
  inviteCommand,
  calendarCommand,
  taskCreateCommand,
  consultCreateCommand,
  noticeCreateCommand,
  auditVerifyCommand,
  reportCommand,
  reportPlanCommand,
  reviewStartCommand,
  reviewExportCommand,
  selfReviewOpenCommand,
  selfReviewExportCommand,
  zaloOaAuthorizeCommand,
  zaloOaStatusCommand,
  zaloOaUsageCommand,
  apiKeyCreateCommand,
  apiKeyListCommand,
  apiKeyRevokeCommand,
  webhookAddCommand,
  webhookListCommand,
  webhookRemoveCommand,
  webhookReplayCommand,
];
