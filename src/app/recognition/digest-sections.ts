// The digest's two sections of issue 15, for each head or deputy over their subtree: "Ghi nhận" (who met the
// recognition criteria last month, and who was commended in the last week), placed before the signals; and the
// open notices with their coverage among the reader's people. Loaded once for a morning run, then cut per reader.
import type { ActionButton } from '../ports/channel.js';
import type { NoticeRecipientFact } from '../ports/stores/notices.js';
import type { CommendationRecord } from '../ports/stores/recognition.js';
import type { Block } from '../../domain/digest/split.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { recognise, type Recognition } from '../../domain/recognition/criteria.js';
import { monthPeriod, type Period } from '../../domain/report/period.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { AppContext } from '../context.js';
import { coverageOf, namesUpTo, percent } from '../notices/notice-views.js';
import { buildReport } from '../reports/build-report.js';
import { periodLabel } from '../reports/report-summary.js';
import { nameOf } from '../views/people.js';
import type { ViewTools } from '../views/tools.js';

/** Commendations of the last this-many days are shown. */
const COMMENDATIONS_DAYS = 7;
/** Lines per section; the report has the rest. */
const MAX_LINES = 10;

export interface DigestExtras {
  praise: Block<ActionButton>[];
  notices: Block<ActionButton>[];
}

export type DigestExtrasFor = (reader: { id: number; unitId: number }, t: Translate, v: ViewTools) => DigestExtras;

/** The month before the one `today` is in. */
export function previousMonth(today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
}

/** `rootUnitId`: one reader's subtree (/tonghop), or null for everyone's at once (the morning run). */
export async function loadDigestExtras(app: AppContext, rootUnitId: number | null = null): Promise<DigestExtrasFor> {
  const [calendar, org] = await Promise.all([app.calendar(), app.org()]);
  const now = app.time.now();
  const period = previousMonth(calendar.localDate(now));
  const report = await buildReport({ stores: app.stores, calendar, org, policy: app.policy, now }, period, rootUnitId);
  const recognition = recognise(report.computed, app.policy.recognition);
  const since = new Date(now.getTime() - COMMENDATIONS_DAYS * 86_400_000);
  const allUnits = rootUnitId === null ? org.allUnits().map((u) => u.id as number) : org.subtreeUnitIds(UnitId(rootUnitId)).map(Number);
  const [commendations, noticeFacts] = await Promise.all([
    app.stores.recognition.between(rootUnitId === null ? null : allUnits, since, now),
    app.stores.notices.openFactsInUnits(allUnits),
  ]);
  return (reader, t, v) => {
    const units = new Set(org.subtreeUnitIds(UnitId(reader.unitId)).map(Number));
    return {
      praise: praiseSection(t, org, period, recognition, commendations, units),
      notices: noticeSection(t, v, org, noticeFacts, units, reader.id),
    };
  };
}

function praiseSection(
  t: Translate,
  org: OrgDirectory,
  period: Period,
  r: Recognition,
  commendations: readonly CommendationRecord[],
  units: ReadonlySet<number>,
): Block<ActionButton>[] {
  const lines: string[] = [];
  for (const c of commendations.filter((x) => units.has(x.unitId))) {
    lines.push(
      t('digest-praise-commendation', {
        name: nameOf(org.official(OfficialId(c.officialId))),
        by: nameOf(org.official(OfficialId(c.byId))),
        item: c.itemCode ? t('digest-praise-commendation-item', { code: c.itemCode }) : '',
      }),
    );
  }
  for (const o of r.officials.filter((x) => units.has(x.unitId))) {
    lines.push(
      t('digest-praise-official', {
        name: nameOf(org.official(OfficialId(o.officialId))),
        count: o.items.length,
        codes:
          o.items
            .slice(0, 5)
            .map((i) => i.code)
            .join(', ') + (o.items.length > 5 ? ', …' : ''),
      }),
    );
  }
  for (const u of r.units.filter((x) => units.has(x.unitId))) {
    lines.push(t('digest-praise-unit', { unit: org.unit(UnitId(u.unitId))?.name ?? '', percent: Math.round(u.onTimeRate * 100), rated: u.rated }));
  }
  if (lines.length === 0) return [];
  return [{ text: [t('digest-praise-title', { period: periodLabel(t, period) }), ...lines.slice(0, MAX_LINES)].join('\n'), gap: true }];
}

function noticeSection(
  t: Translate,
  v: ViewTools,
  org: OrgDirectory,
  facts: readonly NoticeRecipientFact[],
  units: ReadonlySet<number>,
  readerId: number,
): Block<ActionButton>[] {
  const mine = facts.filter((f) => units.has(f.unitId) && f.officialId !== readerId);
  if (mine.length === 0) return [];
  const byNotice = new Map<number, NoticeRecipientFact[]>();
  for (const f of mine) byNotice.set(f.noticeId, [...(byNotice.get(f.noticeId) ?? []), f]);
  const lines = [t('digest-notices-title', { count: byNotice.size })];
  for (const rows of [...byNotice.values()].slice(0, MAX_LINES)) {
    const c = coverageOf(rows);
    const first = rows[0]!;
    const deadline = rows.reduce((d, r) => (r.deadline.getTime() > d.getTime() ? r.deadline : d), first.deadline);
    lines.push(
      t('digest-notices-line', {
        code: first.code,
        title: v.quote(first.title, 70),
        confirmed: c.confirmed,
        total: c.total,
        percent: percent(c.confirmed, c.total),
        deadline: v.dateTime(deadline),
      }),
    );
    if (c.waiting.length > 0)
      lines.push(
        t('digest-notices-waiting', {
          names: namesUpTo(
            t,
            org,
            c.waiting.map((w) => w.officialId),
          ),
        }),
      );
  }
  return [{ text: lines.join('\n'), gap: true }];
}
