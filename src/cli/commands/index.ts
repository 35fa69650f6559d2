// Every CLI command, one file each. Add a command here to make `npm run cli -- <words>` find it.
import type { CliCommand } from '../context.js';
import { calendarCommand } from './calendar.js';
import { dbMigrateCommand } from './db-migrate.js';
import { inviteCommand } from './invite.js';
import { orgImportCommand } from './org-import.js';

export const commands: CliCommand[] = [dbMigrateCommand, orgImportCommand, inviteCommand, calendarCommand];
