// The digest as a head reads it (PRODUCT.md §5, §6): numbers first, empty sections left out, one line when there is
// nothing to say, split to the channel's limit between items, each listed task with "open" and "explain" buttons.
import type { ActionButton, ChannelCapabilities, OutboundMessage } from '../ports/channel.js';
import { packBlocks, type Block } from '../../domain/digest/split.js';
import { isEmptyDigest, OVERDUE_BUCKET_DAYS, type Digest } from '../../domain/digest/types.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { formatIsoDay } from '../../domain/time/local-time.js';
import type { Translate } from '../../i18n/catalogue.js';
import { encodeAction } from '../actions.js';
import type { ViewTools } from '../views/tools.js';
import { nameOf, unitNameOf } from '../views/people.js';

/** Unreachable officials named one by one, up to this many; the rest are counted. */
export const UNREACHABLE_LISTED = 20;

export interface DigestViewContext {
  t: Translate;
  v: ViewTools;
  org: OrgDirectory;
  capabilities: ChannelCapabilities;
  dueSoonWorkingDays: number;
  /** The working day's length, for "overdue by 2 days 3 hours". */
  workingDayMs: number;
  /** "Ghi nhận" and the open notices (issue 15): recognition goes before the signals, never after. */
  extras?: { praise: Block<ActionButton>[]; notices: Block<ActionButton>[] };
}

function overdueAge(t: Translate, ms: number, dayMs: number): string {
  const days = Math.floor(ms / dayMs);
  if (days >= 1) return t('digest-age-days', { count: days });
  const hours = Math.floor(ms / 3_600_000);
  return hours >= 1 ? t('digest-age-hours', { count: hours }) : t('digest-age-less');
}

/** The digest as blocks: what the splitter packs into messages. */
export function digestBlocks(d: Digest, c: DigestViewContext): Block<ActionButton>[] {
  const { t, v, org } = c;
  const unitName = (id: number) => unitNameOf(org.unit(UnitId(id)));
  const root = unitName(d.rootUnitId);
  const date = formatIsoDay(d.window.date);
  const extras = c.extras ?? { praise: [], notices: [] };
  if (isEmptyDigest(d) && extras.praise.length + extras.notices.length === 0) return [{ text: t('digest-empty', { date, unit: root }) }];

  const person = (officialId: number, unitId: number) => {
    const name = nameOf(org.official(OfficialId(officialId)));
    return unitId === d.rootUnitId ? t('digest-person', { name }) : t('digest-person-unit', { name, unit: unitName(unitId) });
  };

  const blocks: Block<ActionButton>[] = [];
  const title = [t('digest-title', { date, unit: root })];
  if (d.subunits > 0) title.push(t('digest-scope', { count: d.subunits }));
  blocks.push({ text: title.join('\n') });

  const k = d.tasks;
  const open = k.grey + k.blue + k.red;
  if (open > 0) {
    const lines = [t('digest-tasks-title', { count: open })];
    if (k.grey) lines.push(t('digest-tasks-grey', { count: k.grey }));
    if (k.blue) lines.push(t('digest-tasks-blue', { count: k.blue }));
    if (k.dueSoon) lines.push(t('digest-tasks-due-soon', { count: k.dueSoon, days: c.dueSoonWorkingDays }));
    if (k.red) {
      const parts: string[] = [];
      if (k.redShort) parts.push(t('digest-red-short', { count: k.redShort, days: OVERDUE_BUCKET_DAYS.short }));
      if (k.redMedium) parts.push(t('digest-red-medium', { count: k.redMedium, from: OVERDUE_BUCKET_DAYS.short, to: OVERDUE_BUCKET_DAYS.medium }));
      if (k.redLong) parts.push(t('digest-red-long', { count: k.redLong, days: OVERDUE_BUCKET_DAYS.medium }));
      lines.push(t('digest-tasks-red', { count: k.red, breakdown: parts.join(' · ') }));
    }
    blocks.push({ text: lines.join('\n'), gap: true });
  }

  blocks.push(...extras.praise, ...extras.notices);

  const others: string[] = [];
  if (d.consultationsOverdue) others.push(t('digest-consultations-overdue', { count: d.consultationsOverdue }));
  const r = d.reminders;
  if (r.reminders + r.escalations > 0) {
    const w = d.window;
    const counts = { reminders: r.reminders, escalations: r.escalations };
    others.push(
      w.previousWorkingDay === w.lastDayBefore
        ? t('digest-reminders-day', { ...counts, date: formatIsoDay(w.previousWorkingDay) })
        : t('digest-reminders-range', { ...counts, from: formatIsoDay(w.previousWorkingDay), to: formatIsoDay(w.lastDayBefore) }),
    );
  }
  if (d.signalsPending) {
    others.push(
      d.signalsForRecipient > 0
        ? t('digest-signals-mine', { count: d.signalsPending, mine: d.signalsForRecipient })
        : t('digest-signals', { count: d.signalsPending }),
    );
  }
  others.forEach((text, i) => blocks.push({ text, gap: i === 0 }));

  if (d.unreachable.length > 0) {
    blocks.push({ text: t('digest-unreachable-title', { count: d.unreachable.length }), gap: true });
    for (const p of d.unreachable.slice(0, UNREACHABLE_LISTED)) {
      blocks.push({ text: t('digest-unreachable-item', { person: person(p.officialId, p.unitId), since: p.since ? v.date(p.since) : '—' }) });
    }
    if (d.unreachable.length > UNREACHABLE_LISTED) blocks.push({ text: t('digest-unreachable-more', { count: d.unreachable.length - UNREACHABLE_LISTED }) });
  }
  if (d.unlinked > 0) blocks.push({ text: t('digest-unlinked', { count: d.unlinked }), gap: d.unreachable.length === 0 });

  if (d.oldest.length > 0) {
    blocks.push({ text: t('digest-oldest-title', { count: d.oldest.length }), gap: true });
    d.oldest.forEach((o, i) => {
      const line = t(o.notAccepted ? 'digest-oldest-item-not-accepted' : 'digest-oldest-item', {
        n: i + 1,
        code: o.code,
        title: v.quote(o.title, 70),
        person: person(o.assigneeId, o.unitId),
        age: overdueAge(t, o.overdueMs, c.workingDayMs),
        deadline: v.dateTime(o.deadline),
      });
      blocks.push({
        text: line,
        actions: [
          [
            { label: t('btn-digest-view', { code: o.code }), action: encodeAction('task.view', o.id) },
            { label: t('btn-digest-explain', { code: o.code }), action: encodeAction('task.explain', o.id) },
          ],
        ],
      });
    });
  }
  return blocks;
}

/** The digest as messages for one channel: split to its limit, never inside an item. */
export function digestMessages(d: Digest, c: DigestViewContext): OutboundMessage[] {
  const root = unitNameOf(c.org.unit(UnitId(d.rootUnitId)));
  const date = formatIsoDay(d.window.date);
  const parts = packBlocks(digestBlocks(d, c), {
    max: c.capabilities.maxTextLength,
    continuation: (part, parts) => c.t('digest-title-continued', { date, unit: root, part, parts }),
    // Without buttons each action is a numbered line "3 – Xem NV-2026-0006 (/xem NV-2026-0006)" under the text.
    ...(c.capabilities.buttons ? {} : { actionsAsText: (rows: ActionButton[][]) => rows.flat().reduce((n, b) => n + b.label.length + 40, 80) }),
  });
  return parts.map((p) => (p.actions.length > 0 ? { text: p.text, buttons: p.actions } : { text: p.text }));
}
