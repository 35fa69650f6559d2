import { verifyAudit } from '../../db/repositories/audit.repository.js';
import { defineCommand } from '../define-command.js';

export const auditVerifyCommand = defineCommand({
  path: ['audit', 'verify'],
  usage: 'audit verify',
  summary: 'check the audit log hash chain: finds any row edited or deleted',
  options: {},
  async run(ctx, { positionals }) {
    if (positionals.length > 0) {
      ctx.err('usage: npm run cli -- audit verify');
      return 2;
    }
    const opened = await ctx.openDatabase();
    try {
      const r = await verifyAudit(opened.db);
      if (r.brokenAt === null) {
        ctx.out(`audit log intact: ${r.rows} rows verified / nhật ký nguyên vẹn: đã kiểm tra ${r.rows} dòng`);
        return 0;
      }
      ctx.err(`audit log BROKEN at row ${r.brokenAt} (${r.rows} rows before it are intact): ${r.reason}`);
      ctx.err(`nhật ký BỊ SỬA hoặc XÓA tại dòng ${r.brokenAt}`);
      return 1;
    } finally {
      await opened.close();
    }
  },
});
