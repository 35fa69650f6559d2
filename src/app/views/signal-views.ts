// Signals as a head reviews them: which behaviour of the plan, who, which item, and the events behind it.
import type { ActionButton, OutboundMessage } from '../ports/channel.js';
import type { SignalRecord as SignalRow } from '../ports/stores/signals.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { OfficialId } from '../../domain/ids.js';
import { fromStored } from '../../domain/signals/evidence.js';
import { type Translate, dynamicKey } from '../../i18n/catalogue.js';
import { cbtn } from './consultation-views.js';
import { personLabel } from './people.js';
import type { ViewTools } from './tools.js';

/** The item a signal is about, as shown: "NV-2026-0003 "Tổng hợp …"". */
export interface SignalItem {
  code: string;
  title: string;
}

export function ruleLabel(t: Translate, rule: string): string {
  return t(dynamicKey(rule.startsWith('manual-') ? 'signal-rule-manual' : `signal-rule-${rule}`));
}

export function signalHeadline(t: Translate, s: Pick<SignalRow, 'behaviour' | 'rule'>): string {
  return t('signal-title', { behaviour: s.behaviour, rule: ruleLabel(t, s.rule) });
}

export function evidenceLines(t: Translate, v: ViewTools, evidence: unknown, org: OrgDirectory): string[] {
  const { events } = fromStored(evidence);
  return events.map((e) => {
    let what = t(dynamicKey(`signal-ev-${e.kind.replace('.', '-')}`), {
      who: e.actorId ? personLabel(t, org.official(OfficialId(e.actorId))) : '—',
      stance: e.stance ? t(dynamicKey(`stance-${e.stance}`)) : '',
      text: e.text ? v.quote(e.text, 200) : '',
    });
    // Reasons and replies are the person's own words: quoted after the event.
    if (e.text && e.kind !== 'consult.round') what = `${what} — "${v.quote(e.text, 200)}"`;
    return t('signal-ev-line', { at: v.dateTime(e.at), what });
  });
}

export function signalCard(
  t: Translate,
  v: ViewTools,
  s: SignalRow,
  item: SignalItem | undefined,
  org: OrgDirectory,
  options: { reviewButtons?: boolean; demandButton?: boolean } = {},
): OutboundMessage {
  const lines = [
    signalHeadline(t, s),
    t('signal-line-person', { who: personLabel(t, org.official(OfficialId(s.officialId))) }),
    t('signal-line-behaviour', { behaviour: s.behaviour, text: t(dynamicKey(`behaviour-${s.behaviour}`)) }),
  ];
  if (item) lines.push(t('signal-line-item', { code: item.code, title: v.quote(item.title, 120) }));
  const facts = fromStored(s.evidence).facts;
  if (typeof facts.bounces === 'number') lines.push(t('signal-line-bounces', { count: facts.bounces }));
  if (typeof facts.rounds === 'number') lines.push(t('signal-line-rounds', { count: facts.rounds }));
  const ev = evidenceLines(t, v, s.evidence, org);
  if (ev.length > 0) lines.push(t('signal-line-events'), ...ev);
  if (s.note) lines.push(t('signal-line-note', { note: v.block(s.note, 1000), who: personLabel(t, org.official(OfficialId(s.recordedById ?? 0))) }));
  lines.push(t('signal-line-raised', { at: v.dateTime(s.raisedAt), status: t(`signal-status-${s.status}`) }));
  if (s.reviewedAt && s.reviewReason && !s.rule.startsWith('manual-')) {
    lines.push(
      t('signal-line-review', {
        who: personLabel(t, org.official(OfficialId(s.reviewedById ?? 0))),
        at: v.dateTime(s.reviewedAt),
        reason: v.block(s.reviewReason, 500),
      }),
    );
  }
  if (s.explanation) lines.push(t('signal-line-explanation', { text: v.block(s.explanation, 2000), at: v.dateTime(s.explainedAt ?? s.raisedAt) }));
  const buttons: ActionButton[][] = [];
  if (options.reviewButtons && s.status === 'PENDING')
    buttons.push([cbtn(t, 'btn-signal-confirm', 'signal.confirm', s.id), cbtn(t, 'btn-signal-dismiss', 'signal.dismiss', s.id)]);
  if (options.demandButton) buttons.push([cbtn(t, 'btn-explain', 'signal.demand', s.id)]);
  return { text: lines.join('\n'), buttons };
}
