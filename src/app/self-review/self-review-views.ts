// The self-review form as people read it in chat: the period, whose form, the note that figures are evidence and not
// a verdict, the evaluation figures (the report's own lines, report-summary.ts) with the items behind each, the
// person's self-assessment and proposed rating, the head's comment and proposed rating, and the history.
import type { ActionButton, OutboundMessage } from '../ports/channel.js';
import type { SelfReviewCycleRow, SelfReviewEntryRow, SelfReviewRow } from '../ports/stores/self-review.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { RATINGS } from '../../domain/review/self-review.js';
import type { Translate } from '../../i18n/catalogue.js';
import { figureLines, periodLabel } from '../reports/report-summary.js';
import { personLabel, unitNameOf } from '../views/people.js';
import { btn } from '../views/task-views.js';
import type { ViewTools } from '../views/tools.js';
import type { PersonFigures } from './figures.js';
import { periodOf } from './write-form.js';

/** Codes listed per line in chat; the XLSX of the evaluation report lists them all. */
const CODES_SHOWN = 12;

function codes(t: Translate, list: readonly string[]): string {
  const shown = list.slice(0, CODES_SHOWN).join(', ');
  return list.length > CODES_SHOWN ? t('self-review-more', { shown, more: list.length - CODES_SHOWN }) : shown;
}

export function ratingButtons(t: Translate): { label: string; value: string }[][] {
  return RATINGS.map((r) => [{ label: t('self-review-rating', { rating: r }), value: `r${r}` }]);
}

export interface FormView {
  cycle: SelfReviewCycleRow;
  form: SelfReviewRow;
  figures: PersonFigures;
  history: readonly SelfReviewEntryRow[];
  /** Who reads it: the person (may write) or a head (may comment). */
  viewerId: number;
  mayComment: boolean;
}

export function formMessage(t: Translate, v: ViewTools, org: OrgDirectory, x: FormView): OutboundMessage {
  const person = org.official(OfficialId(x.form.officialId));
  const own = x.viewerId === x.form.officialId;
  const { items } = x.figures;
  const lines = [
    t('self-review-form-title', { period: periodLabel(t, periodOf(x.cycle)) }),
    t('self-review-form-who', { who: personLabel(t, person), unit: unitNameOf(org.unit(UnitId(x.form.unitId))) }),
    t('self-review-evidence-note', { own: own ? 'yes' : 'no' }),
    '',
    ...figureLines(t, x.figures.figures),
  ];
  const listed: [string, readonly string[]][] = [
    ['on-time', items.onTime],
    ['late', items.late],
    ['overdue', items.overdue],
    ['answered', items.answeredWithStance],
    ['no-stance', items.noStance],
    ['unanswered', items.unanswered],
    ['explanations', items.explanations],
  ];
  const itemLines = listed.filter(([, l]) => l.length > 0).map(([kind, l]) => t('self-review-items', { kind, count: l.length, codes: codes(t, l) }));
  for (const s of items.signals)
    itemLines.push(
      t('self-review-signal', {
        behaviour: s.behaviour,
        item: s.itemCode ?? '—',
        explanation: s.explanation ? v.quote(s.explanation, 300) : '',
        explained: s.explanation ? 'yes' : 'no',
      }),
    );
  for (const [, f] of x.figures.extras) itemLines.push(t('self-review-extra', { label: f.label(t), count: f.count, codes: codes(t, f.items) }));
  if (itemLines.length > 0) lines.push(t('self-review-items-heading'), ...itemLines);
  lines.push('');
  lines.push(
    x.form.submittedAt && x.form.rating
      ? t('self-review-self', { at: v.dateTime(x.form.submittedAt), text: v.block(x.form.assessment ?? ''), rating: x.form.rating })
      : t('self-review-self-none'),
  );
  lines.push(
    x.form.headAt && x.form.headRating
      ? t('self-review-head', {
          who: personLabel(t, org.official(OfficialId(x.form.headId ?? 0))),
          at: v.dateTime(x.form.headAt),
          text: v.block(x.form.headComment ?? ''),
          rating: x.form.headRating,
        })
      : t('self-review-head-none'),
  );
  if (x.history.length > 1) {
    lines.push(t('self-review-history', { count: x.history.length }));
    for (const e of x.history)
      lines.push(
        t('self-review-history-line', { at: v.dateTime(e.at), who: personLabel(t, org.official(OfficialId(e.authorId))), role: e.role, rating: e.rating }),
      );
  }
  const buttons: ActionButton[][] = [];
  if (own) buttons.push([btn(t, x.form.submittedAt ? 'btn-self-rewrite' : 'btn-self-write', 'self.write', x.form.id)]);
  else if (x.mayComment) buttons.push([btn(t, 'btn-self-comment', 'self.comment', x.form.id)]);
  return { text: lines.join('\n'), buttons };
}

/** A head's list: the forms of the people they comment on, who wrote, who has the head's comment. */
export function teamMessage(t: Translate, org: OrgDirectory, cycle: SelfReviewCycleRow, forms: readonly SelfReviewRow[], unitId: number): OutboundMessage {
  const written = forms.filter((f) => f.submittedAt).length;
  const commented = forms.filter((f) => f.headAt).length;
  const buttons: ActionButton[][] = forms.map((f) => [
    {
      label: t('self-review-team-button', {
        name: org.official(OfficialId(f.officialId))?.fullName ?? '—',
        state: f.headAt ? 'commented' : f.submittedAt ? 'written' : 'none',
      }),
      action: btn(t, 'btn-self-open', 'self.view', f.id).action,
    },
  ]);
  buttons.push([btn(t, 'btn-self-xlsx', 'self.xlsx', `${cycle.id}-${unitId}`)]);
  return { text: t('self-review-team', { period: periodLabel(t, periodOf(cycle)), total: forms.length, written, commented }), buttons };
}
