import type { Official } from '../../domain/org/types.js';
import type { Translate } from '../../i18n/catalogue.js';

/** "đ/c Phan Thị Thu, Trưởng Ban Tổ chức" */
export function personLabel(t: Translate, o: Pick<Official, 'fullName' | 'title'> | undefined): string {
  if (!o) return '—';
  return t('task-person', { name: o.fullName, title: o.title });
}
