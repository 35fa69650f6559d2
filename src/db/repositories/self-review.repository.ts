// The self-review's queries (self_review_cycle, self_review, self_review_entry), behind SelfReviewStore
// (src/app/ports/stores/self-review.ts).
import type { SelfReviewCycleRow, SelfReviewEntryRow, SelfReviewRow, SelfReviewStore } from '../../app/ports/stores/self-review.js';
import type { Rating } from '../../domain/review/self-review.js';
import type { PrismaClient } from '../client.js';
import type { Prisma, SelfReview as FormModel, SelfReviewCycle as CycleModel } from '../generated/client.js';
import { appendAudit } from './audit.repository.js';
import { startClock, stopClocks } from './clock.repository.js';
import { txOf } from './review.repository.js';

const toCycle = (c: CycleModel): SelfReviewCycleRow => ({
  id: c.id,
  periodFrom: c.periodFrom,
  periodTo: c.periodTo,
  openedAt: c.openedAt,
  openedById: c.openedById,
});
const toForm = (f: FormModel): SelfReviewRow => ({ ...f, rating: f.rating as Rating | null, headRating: f.headRating as Rating | null });

export function selfReviewStore(db: PrismaClient): SelfReviewStore {
  return {
    async cycle(periodFrom, periodTo, tx) {
      const row = await (tx ? txOf(tx) : db).selfReviewCycle.findFirst({ where: { periodFrom, periodTo } });
      return row ? toCycle(row) : undefined;
    },
    async cycleById(id) {
      const row = await db.selfReviewCycle.findUnique({ where: { id } });
      return row ? toCycle(row) : undefined;
    },
    async latestCycleOf(officialId) {
      const row = await db.selfReview.findFirst({ where: { officialId }, orderBy: { cycleId: 'desc' }, include: { cycle: true } });
      return row ? toCycle(row.cycle) : undefined;
    },
    async createCycle(tx, cycle) {
      return toCycle(await txOf(tx).selfReviewCycle.create({ data: cycle }));
    },
    async createForms(tx, cycleId, people) {
      if (people.length === 0) return [];
      const rows = await txOf(tx).selfReview.createManyAndReturn({
        data: people.map((p) => ({ cycleId, officialId: p.officialId, unitId: p.unitId })),
        skipDuplicates: true,
      });
      return rows.map(toForm);
    },
    async form(cycleId, officialId) {
      const row = await db.selfReview.findUnique({ where: { cycleId_officialId: { cycleId, officialId } } });
      return row ? toForm(row) : undefined;
    },
    async formById(id, tx) {
      const row = await (tx ? txOf(tx) : db).selfReview.findUnique({ where: { id } });
      return row ? toForm(row) : undefined;
    },
    async lockForm(tx, id) {
      const rows = await txOf(tx).$queryRaw<FormModel[]>`SELECT * FROM self_review WHERE id = ${id} FOR UPDATE`;
      return rows[0] ? toForm(rows[0]) : undefined;
    },
    async saveSelf(tx, id, v) {
      const t = txOf(tx);
      await t.selfReviewEntry.create({
        data: {
          selfReviewId: id,
          authorId: (await t.selfReview.findUniqueOrThrow({ where: { id } })).officialId,
          role: 'SELF',
          text: v.text,
          rating: v.rating,
          figures: v.figures as Prisma.InputJsonValue,
          at: v.at,
        },
      });
      return toForm(await t.selfReview.update({ where: { id }, data: { assessment: v.text, rating: v.rating, submittedAt: v.at } }));
    },
    async saveHead(tx, id, v) {
      const t = txOf(tx);
      await t.selfReviewEntry.create({ data: { selfReviewId: id, authorId: v.headId, role: 'HEAD', text: v.text, rating: v.rating, at: v.at } });
      return toForm(await t.selfReview.update({ where: { id }, data: { headId: v.headId, headComment: v.text, headRating: v.rating, headAt: v.at } }));
    },
    async history(formId): Promise<SelfReviewEntryRow[]> {
      const rows = await db.selfReviewEntry.findMany({ where: { selfReviewId: formId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
      return rows.map((r) => ({ id: r.id, authorId: r.authorId, role: r.role as 'SELF' | 'HEAD', text: r.text, rating: r.rating as Rating, at: r.at }));
    },
    async formsOfUnits(cycleId, unitIds) {
      return (await db.selfReview.findMany({ where: { cycleId, unitId: { in: [...unitIds] } }, orderBy: { id: 'asc' } })).map(toForm);
    },
    async signalExplanations(signalIds) {
      const rows = await db.signal.findMany({
        where: { id: { in: [...signalIds] }, explanation: { not: null } },
        select: { id: true, explanation: true, explainedAt: true },
      });
      return new Map(rows.map((r) => [r.id, { text: r.explanation!, at: r.explainedAt }]));
    },
    startClock: (tx, clock) => startClock(txOf(tx), clock),
    stopClocks: (tx, formId, at, reason, officialId) => stopClocks(txOf(tx), 'SELF_REVIEW', formId, at, reason, ['SELF_REVIEW'], officialId),
    audit: (tx, entries) => appendAudit(txOf(tx), entries),
  };
}
