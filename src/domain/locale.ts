export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

export function asLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'vi';
}
