// Evidence as stored in signal.evidence (JSON), and merging: a later event of the same lapse (an answer after the
// deadline, a second missed report) is added to the signal already raised instead of raising another.
import type { EvidenceEvent } from './types.js';

export interface StoredEvidence {
  events: (Omit<EvidenceEvent, 'at'> & { at: string })[];
  facts: Record<string, string | number>;
}

export function toStored(events: readonly EvidenceEvent[], facts: Record<string, string | number>): StoredEvidence {
  return { events: sortEvents(events).map((e) => ({ ...e, at: e.at.toISOString() })), facts: { ...facts } };
}

export function fromStored(value: unknown): { events: EvidenceEvent[]; facts: Record<string, string | number> } {
  const v = (value ?? {}) as Partial<StoredEvidence>;
  const events = Array.isArray(v.events) ? v.events.map((e) => ({ ...e, at: new Date(e.at) })) : [];
  return { events, facts: v.facts && typeof v.facts === 'object' ? { ...v.facts } : {} };
}

function key(e: EvidenceEvent): string {
  return `${e.kind}|${e.ref ? `${e.ref.table}:${e.ref.id}` : ''}|${e.at.getTime()}`;
}

function sortEvents(events: readonly EvidenceEvent[]): EvidenceEvent[] {
  return [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The union of both, in time order; `changed` is false when nothing new was added. */
export function mergeEvidence(
  stored: { events: readonly EvidenceEvent[]; facts: Record<string, string | number> },
  added: { events: readonly EvidenceEvent[]; facts: Record<string, string | number> },
): { events: EvidenceEvent[]; facts: Record<string, string | number>; changed: boolean } {
  const seen = new Set(stored.events.map(key));
  const fresh = added.events.filter((e) => !seen.has(key(e)));
  const facts = { ...stored.facts, ...added.facts };
  const factsChanged = Object.keys(added.facts).some((k) => stored.facts[k] !== added.facts[k]);
  return { events: sortEvents([...stored.events, ...fresh]), facts, changed: fresh.length > 0 || factsChanged };
}
