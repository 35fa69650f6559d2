import { defineCommand } from '../define-command.js';

export const dbMigrateCommand = defineCommand({
  path: ['db', 'migrate'],
  usage: 'db migrate',
  summary: 'apply pending database migrations (npm start does this too)',
  options: {},
  async run(ctx, { positionals }) {
    if (positionals.length > 0) {
      ctx.err('usage: npm run cli -- db migrate');
      return 2;
    }
    const { applyMigrations } = await import('../../db/migrate/apply.js');
    const opened = await ctx.openDatabase();
    try {
      // openDatabase already migrated; run again to report what is pending (nothing, normally).
      const applied = await applyMigrations(opened.url);
      ctx.out(applied.length === 0 ? 'database is up to date' : `applied: ${applied.join(', ')}`);
      return 0;
    } finally {
      await opened.close();
    }
  },
});
