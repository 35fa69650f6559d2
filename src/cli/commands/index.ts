// Every CLI command, one file each. Add a command here to make `npm run cli -- <words>` find it.
import type { CliCommand } from '../context.js';
import { dbMigrateCommand } from './db-migrate.js';

export const commands: CliCommand[] = [dbMigrateCommand];
