// Demands for explanation as the person and the superior read them.
import type { OutboundMessage } from '../ports/channel.js';
import type { ExplanationDemand } from '../ports/stores/explanations.js';
import { OfficialId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { Translate } from '../../i18n/catalogue.js';
import { cbtn } from './consultation-views.js';
import { personLabel } from './people.js';
import type { SignalItem } from './signal-views.js';
import type { ViewTools } from './tools.js';

export function questionText(t: Translate, v: ViewTools, d: Pick<ExplanationDemand, 'question'>, item: SignalItem | undefined): string {
  return d.question ? v.block(d.question, 1000) : t('explain-default-question', { code: item?.code ?? '—' });
}

export function demandMessage(t: Translate, v: ViewTools, d: ExplanationDemand, item: SignalItem | undefined, org: OrgDirectory): OutboundMessage {
  const lines = [
    t('explain-new-title', { code: d.code }),
    t('explain-line-requester', { who: personLabel(t, org.official(OfficialId(d.requesterId))) }),
    ...(item ? [t('explain-line-item', { code: item.code, title: v.quote(item.title, 120) })] : []),
    t('explain-line-question', { question: questionText(t, v, d, item) }),
    t('explain-line-deadline', { deadline: v.dateTime(d.deadline) }),
    t('explain-new-ask'),
  ];
  return { text: lines.join('\n'), buttons: [[cbtn(t, 'btn-explain-answer', 'explain.answer', d.id)]] };
}

export function demandCard(
  t: Translate,
  v: ViewTools,
  d: ExplanationDemand,
  item: SignalItem | undefined,
  org: OrgDirectory,
  viewerId: number,
): OutboundMessage {
  const lines = [
    t('explain-card-title', { code: d.code, status: t(`explain-status-${d.status}`) }),
    t('explain-line-person', { who: personLabel(t, org.official(OfficialId(d.officialId))) }),
    t('explain-line-requester', { who: personLabel(t, org.official(OfficialId(d.requesterId))) }),
    ...(item ? [t('explain-line-item', { code: item.code, title: v.quote(item.title, 120) })] : []),
    t('explain-line-question', { question: questionText(t, v, d, item) }),
    t('explain-line-deadline', { deadline: v.dateTime(d.deadline) }),
  ];
  if (d.answer) lines.push(t('explain-line-answer', { text: v.block(d.answer, 3000), at: v.dateTime(d.answeredAt ?? d.createdAt) }));
  const buttons = d.status === 'OPEN' && d.officialId === viewerId ? [[cbtn(t, 'btn-explain-answer', 'explain.answer', d.id)]] : [];
  return { text: lines.join('\n'), buttons };
}
