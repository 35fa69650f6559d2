// A policy override file (YAML or JSON) merged over the defaults. Pure: the caller reads the file.
import { parseDocument } from 'yaml';
import { formatIssuePath, policyOverrideSchema } from './override-schema.js';
import { PolicyError } from './policy-error.js';
import { DEFAULT_TIMEZONE, resolvePolicy } from './resolve-policy.js';
import { DEFAULT_SETTINGS, type PolicySettings } from './settings.js';
import type { Policy } from './types.js';

export type PolicyFormat = 'json' | 'yaml';

export interface PolicySource {
  text: string;
  format: PolicyFormat;
  /** The organisation's time zone (APP_TIMEZONE); the file does not set it. */
  timezone?: string;
  /** A file name for error messages. */
  source?: string;
}

function parseText({ text, format, source }: PolicySource): unknown {
  if (format === 'json') {
    try {
      return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch (e) {
      throw new PolicyError([`policy: not valid JSON (${(e as Error).message})`], source);
    }
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0)
    throw new PolicyError(
      doc.errors.map((e) => `policy: not valid YAML: ${e.message.split('\n')[0]}`),
      source,
    );
  // An empty file (or one with only comments) overrides nothing.
  return doc.toJS() ?? {};
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; lists and values replace (an `extraHolidays` list replaces the default one). */
export function mergeSettings<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) if (v !== undefined) out[k] = mergeSettings(out[k], v);
  return out as T;
}

/** The settings of an override text merged over the defaults, before durations are resolved. */
export function readPolicySettings(input: PolicySource): PolicySettings {
  const raw = parseText(input);
  const parsed = policyOverrideSchema.safeParse(raw);
  if (!parsed.success)
    throw new PolicyError(
      parsed.error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`),
      input.source,
    );
  return mergeSettings<PolicySettings>(DEFAULT_SETTINGS as PolicySettings, parsed.data);
}

/** Defaults + override text → Policy; throws PolicyError with one line per problem. */
export function loadPolicy(input: PolicySource): Policy {
  return resolvePolicy(readPolicySettings(input), input.timezone ?? DEFAULT_TIMEZONE, input.source);
}
