// /tusoi in the chat: the person's own form (figures with the items behind them, their self-assessment, the head's
// comment, history) with "write"; for someone with people under them, the list of their people's forms and the
// unit's XLSX. Writing is a short dialog: the text, then one of the four levels.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../domain/errors.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import { isRating, mayCommentSelfReview } from '../../domain/review/self-review.js';
import { z } from 'zod';
import { idArg } from '../actions.js';
import type { FeatureActions, VerbHandler } from '../interaction/action-table.js';
import { ask, defineFlow, flowReply, textOf } from '../interaction/dialog.js';
import type { CommandHandler } from '../interaction/router.js';
import { text, type Session } from '../interaction/session.js';
import type { OutboundMessage, RouterResult } from '../ports/channel.js';
import { REPORTS_DIR, XLSX_MIME } from '../reports/report-command.js';
import { personFigures, unitReport } from './figures.js';
import { formMessage, ratingButtons, teamMessage } from './self-review-views.js';
import { writeSelfReviewXlsx } from './self-review-xlsx.js';
import { commentSelfReview, periodOf, readableForm, submitSelfReview } from './write-form.js';

/** The people this head comments on by default: those whose superior they are. */
async function team(s: Session) {
  const org = await s.app.org();
  return org.activeOfficials().filter((o) => o.id !== s.officialId && org.superiorOf(o.id)?.id === s.officialId);
}

async function formView(s: Session, formId: number): Promise<OutboundMessage> {
  const { form, cycle } = await readableForm(s.app, s.officialId, formId);
  const org = await s.app.org();
  const report = await unitReport(s.app, periodOf(cycle), form.unitId);
  return formMessage(s.t, s.v, org, {
    cycle,
    form,
    figures: await personFigures(s.app, report, form.officialId),
    history: await s.app.stores.selfReview.history(form.id),
    viewerId: s.officialId,
    mayComment: mayCommentSelfReview(org, s.officialId, OfficialId(form.officialId)),
  });
}

export const selfReviewCommand: CommandHandler = async (s) => {
  const cycle = await s.app.stores.selfReview.latestCycleOf(s.officialId);
  if (!cycle) return { replies: [text(s.t('self-review-none'))] };
  const replies: OutboundMessage[] = [];
  const own = await s.app.stores.selfReview.form(cycle.id, s.officialId);
  if (own) replies.push(await formView(s, own.id));
  const people = await team(s);
  if (people.length > 0) {
    const ids = new Set(people.map((p) => p.id as number));
    const forms = (await s.app.stores.selfReview.formsOfUnits(cycle.id, [...new Set(people.map((p) => p.unitId as number))])).filter((f) =>
      ids.has(f.officialId),
    );
    replies.push(teamMessage(s.t, await s.app.org(), cycle, forms, s.official.unitId));
  }
  return { replies };
};

/** The unit's XLSX: one row per official of the unit (the head's own unit, or one they oversee). */
async function unitFile(s: Session, arg: string): Promise<RouterResult> {
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(arg);
  const cycle = m ? await s.app.stores.selfReview.cycleById(Number(m[1])) : undefined;
  const org = await s.app.org();
  const unit = m ? org.unit(UnitId(Number(m[2]))) : undefined;
  if (!cycle || !unit) throw new DomainError('self-review-not-found');
  const head = org.headOf(unit.id);
  if (!(head?.id === s.officialId || (head && mayCommentSelfReview(org, s.officialId, head.id)) || s.official.isAdmin))
    throw new DomainError('self-review-not-yours');
  const file = await writeUnitFile(s, cycle.id, unit.id);
  return {
    replies: [
      {
        text: s.t('self-review-file-caption', { unit: unit.name, count: file.count }),
        attachment: { type: 'document', source: { kind: 'local-file', path: file.path, filename: file.filename, mime: XLSX_MIME }, caption: file.filename },
      },
    ],
  };
}

export async function unitRows(app: Session['app'], cycleId: number, unitId: number) {
  const cycle = (await app.stores.selfReview.cycleById(cycleId))!;
  const report = await unitReport(app, periodOf(cycle), unitId);
  const forms = await app.stores.selfReview.formsOfUnits(cycleId, [unitId]);
  const rows = [];
  for (const form of forms) rows.push({ form, figures: await personFigures(app, report, form.officialId) });
  return { cycle, rows };
}

async function writeUnitFile(s: Session, cycleId: number, unitId: number) {
  const org = await s.app.org();
  const { cycle, rows } = await unitRows(s.app, cycleId, unitId);
  const unit = org.unit(UnitId(unitId))!;
  const dir = path.join(REPORTS_DIR, randomUUID());
  await mkdir(dir, { recursive: true });
  const filename = `${s.t('self-review-file-prefix')}_${unit.code.replace(/[^A-Za-z0-9_-]+/g, '-')}_${cycle.periodFrom}_${cycle.periodTo}.xlsx`;
  const file = path.join(dir, filename);
  await writeSelfReviewXlsx(cycle, unit.name, rows, org, s.t, s.app.policy.calendar.timezone, file);
  return { path: file, filename, count: rows.length };
}

/** "Write" on one's own form, "comment" on a form of someone one may comment on: the text, then the level. */
function writes(role: 'self' | 'head'): VerbHandler {
  return async (s, action) => {
    const id = idArg(action) ?? 0;
    const { form } = await readableForm(s.app, s.officialId, id);
    const allowed = role === 'self' ? form.officialId === s.officialId : mayCommentSelfReview(await s.app.org(), s.officialId, OfficialId(form.officialId));
    if (!allowed) throw new DomainError('self-review-not-yours');
    return flowReply(s, { replies: [ask(s, s.t('self-review-ask-text', { role }))], next: selfReviewFlow.at('text', { formId: id, role }) });
  };
}

/** The buttons of the self-review, one handler per verb. */
export const SELF_REVIEW_ACTIONS = {
  'self.view': async (s, action) => ({ replies: [await formView(s, idArg(action) ?? 0)] }),
  'self.write': writes('self'),
  'self.comment': writes('head'),
  'self.xlsx': (s, action) => unitFile(s, action.arg),
} satisfies FeatureActions;

export const selfReviewFlow = defineFlow({
  name: 'self-review',
  /** The form written on, by whom (its official or their superior), the text once given. */
  data: z.object({ formId: z.number().int().positive(), role: z.enum(['self', 'head']), text: z.string().optional() }),
  steps: {
    async text(s, d, input, { stay, at }) {
      const raw = textOf(input);
      if (raw === undefined || raw.trim() === '') return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      return { replies: [ask(s, s.t('self-review-ask-rating', { role: d.role }), ratingButtons(s.t))], next: at('rating', { ...d, text: raw }) };
    },
    async rating(s, d, input, { stay }) {
      const value = input.kind === 'pick' ? input.value.replace(/^r/, '') : '';
      if (!isRating(value)) return { replies: [ask(s, s.t('dialog-pick-invalid'), ratingButtons(s.t))], next: stay };
      if (d.role === 'self') await submitSelfReview(s.app, s.officialId, d.formId, d.text ?? '', value);
      else await commentSelfReview(s.app, s.officialId, d.formId, d.text ?? '', value);
      return { replies: [text(s.t('self-review-saved-reply', { role: d.role, rating: value })), await formView(s, d.formId)], next: null };
    },
  },
});
