import type { Official } from '../../domain/org/types.js';
import { quoteInline } from '../../domain/text/quote.js';
import type { Translate } from '../../i18n/catalogue.js';

/** Names and titles come from the organisation file: always one line, whatever a row imported earlier holds. */
const NAME_MAX = 200;

/** "Phan Thị Thu", or "—" for nobody. */
export function nameOf(o: Pick<Official, 'fullName'> | undefined): string {
  return o ? quoteInline(o.fullName, NAME_MAX) : '—';
}

/** A unit's name ("Ban Tổ chức Huyện ủy"), or "—". */
export function unitNameOf(u: { name: string } | undefined): string {
  return u ? quoteInline(u.name, NAME_MAX) : '—';
}

/** "đ/c Phan Thị Thu, Trưởng Ban Tổ chức" */
export function personLabel(t: Translate, o: Pick<Official, 'fullName' | 'title'> | undefined): string {
  if (!o) return '—';
  return t('task-person', { name: quoteInline(o.fullName, NAME_MAX), title: quoteInline(o.title, NAME_MAX) });
}
