// What an API key may do (issue 17): each route of /api/v1 needs one of these; a key has the ones its admin gave it.

export const API_SCOPES = ['tasks:write', 'consultations:write', 'items:read', 'org:read', 'org:phones', 'reports:read', 'events:replay'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(s: string): s is ApiScope {
  return (API_SCOPES as readonly string[]).includes(s);
}

/** The scopes of a comma-separated list, or the words that are no scope. */
export function parseScopes(list: string): { ok: true; scopes: ApiScope[] } | { ok: false; unknown: string[] } {
  const words = [
    ...new Set(
      list
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = words.filter((w) => !isApiScope(w));
  if (unknown.length > 0 || words.length === 0) return { ok: false, unknown };
  return { ok: true, scopes: words as ApiScope[] };
}
