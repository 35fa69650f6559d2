// One message catalogue for every channel and job: Fluent files under locales/<locale>/*.ftl, one file per feature.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { LOCALES, type Locale } from '../domain/locale.js';
import type { MessageKey } from './message-keys.js';

export type { MessageKey } from './message-keys.js';

export type MessageArgs = Record<string, FluentVariable | null | undefined>;

/**
 * A key composed at run time (`status-${task.status}`) from a value TypeScript only knows as a string. The name marks
 * the place: tests/architecture/message-keys.test.ts checks that the catalogue has keys with each such prefix.
 */
export function dynamicKey(key: string): MessageKey {
  return key as MessageKey;
}

export const localesDir = path.join(PROJECT_ROOT, 'locales');

export interface Translate {
  (key: MessageKey, args?: MessageArgs): string;
  locale: Locale;
}

/** The suffix of a key's variant for channels without buttons (Zalo Bot Platform). */
export const TYPED_SUFFIX = '-typed';

export class Catalogue {
  private constructor(
    private readonly bundles: Map<Locale, FluentBundle>,
    private readonly messageIds: Map<Locale, string[]>,
  ) {}

  static load(dir = localesDir): Catalogue {
    const bundles = new Map<Locale, FluentBundle>();
    const ids = new Map<Locale, string[]>();
    for (const locale of LOCALES) {
      // Isolation marks (U+2068/2069) around arguments would show up as boxes in some chat clients.
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const localeDir = path.join(dir, locale);
      const localeIds: string[] = [];
      for (const file of readdirSync(localeDir)
        .filter((f) => f.endsWith('.ftl'))
        .sort()) {
        const resource = new FluentResource(readFileSync(path.join(localeDir, file), 'utf8'));
        // A second definition of a key would silently lose to the first: refuse it.
        const errors = bundle.addResource(resource, { allowOverrides: false });
        if (errors.length > 0) throw new Error(`${locale}/${file}: ${errors.map((e) => e.message).join('; ')}`);
        for (const entry of resource.body) if (!entry.id.startsWith('-')) localeIds.push(entry.id);
      }
      bundles.set(locale, bundle);
      ids.set(locale, localeIds.sort());
    }
    return new Catalogue(bundles, ids);
  }

  /** The text of `key` in `locale`; a missing key shows as the key itself, never as an exception. */
  t(locale: Locale, key: MessageKey, args?: MessageArgs): string {
    const bundle = this.bundles.get(locale) ?? this.bundles.get('vi')!;
    const message = bundle.getMessage(key);
    if (!message?.value) return key;
    const clean: Record<string, FluentVariable> = {};
    for (const [k, v] of Object.entries(args ?? {})) if (v !== null && v !== undefined) clean[k] = v;
    // No blank at a line's end: a quoted block of several lines starts on the line after its label ("Lý do:").
    return bundle
      .formatPattern(message.value, clean)
      .normalize('NFC')
      .replace(/[ \t]+\n/g, '\n');
  }

  /**
   * A translator for one locale. For a channel without buttons (`buttons: false`), a text that names a button has a
   * variant `<key>-typed` that says what to type instead ("gõ số của lựa chọn "Xong""), used where it exists.
   */
  translator(locale: Locale, channel: { buttons: boolean } = { buttons: true }): Translate {
    const typed = !channel.buttons;
    const fn = ((key: MessageKey, args?: MessageArgs) =>
      this.t(locale, typed && this.has(locale, `${key}${TYPED_SUFFIX}`) ? dynamicKey(`${key}${TYPED_SUFFIX}`) : key, args)) as Translate;
    fn.locale = locale;
    return fn;
  }

  has(locale: Locale, key: string): boolean {
    return this.bundles.get(locale)?.hasMessage(key) ?? false;
  }

  keys(locale: Locale): string[] {
    return [...(this.messageIds.get(locale) ?? [])];
  }
}
