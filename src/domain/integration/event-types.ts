// The events another system may subscribe to (issue 17 §4), and how a list of them is read from an operator.

export const INTEGRATION_EVENT_TYPES = [
  'task.accepted',
  'task.declined',
  'task.extension_requested',
  'task.completed',
  'task.confirmed',
  'task.overdue',
  'consultation.answered',
  'consultation.closed',
  'explanation.demanded',
] as const;

export type IntegrationEventType = (typeof INTEGRATION_EVENT_TYPES)[number];

export function isIntegrationEventType(s: string): s is IntegrationEventType {
  return (INTEGRATION_EVENT_TYPES as readonly string[]).includes(s);
}

/** "task.accepted, task.completed" → the types; the names it does not know are returned instead (all of them). */
export function parseEventTypes(text: string): { ok: true; types: IntegrationEventType[] } | { ok: false; unknown: string[] } {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !isIntegrationEventType(n));
  if (unknown.length > 0 || names.length === 0) return { ok: false, unknown };
  return { ok: true, types: [...new Set(names as IntegrationEventType[])] };
}
