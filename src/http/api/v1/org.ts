// GET /org: the units of the key's subtree and their officials; phone numbers only for a key with org:phones.
import { createRoute, z } from '@hono/zod-openapi';
import { UnitId } from '../../../domain/ids.js';
import { hasScope, requireScope } from './auth.js';
import type { ApiApp, ApiDeps } from './env.js';
import { ERROR_RESPONSES, json } from './schemas.js';

const OrgSchema = z
  .object({
    units: z.array(z.object({ code: z.string(), name: z.string(), parent: z.string().nullable() })),
    officials: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        title: z.string(),
        role: z.enum(['HEAD', 'DEPUTY', 'MEMBER']),
        unit: z.string(),
        phone: z.string().optional().openapi({ description: 'Only for a key with the scope org:phones.' }),
      }),
    ),
  })
  .openapi('Organisation');

const read = createRoute({
  method: 'get',
  path: '/org',
  tags: ['organisation'],
  summary: "The units and active officials of the key's unit subtree (scope org:read; phones with org:phones)",
  security: [{ bearer: [] }],
  responses: { 200: json(OrgSchema, 'The organisation'), ...ERROR_RESPONSES },
});

export function registerOrg(api: ApiApp, deps: ApiDeps): void {
  api.openapi(read, async (c) => {
    const key = c.get('key');
    requireScope(key, 'org:read');
    const org = await deps.app.org();
    const unitIds = new Set<number>(org.subtreeUnitIds(UnitId(key.unitId)));
    const units = org.allUnits().filter((u) => unitIds.has(u.id));
    const officials = org.activeOfficials().filter((o) => unitIds.has(o.unitId));
    const phones = hasScope(key, 'org:phones') ? await deps.app.stores.integration.phones(officials.map((o) => o.id)) : new Map<number, string>();
    const unitCode = (id: number | null) => (id === null ? null : (org.unit(UnitId(id))?.code ?? null));
    return c.json(
      {
        units: units.map((u) => ({ code: u.code, name: u.name, parent: unitIds.has(u.parentId ?? -1) ? unitCode(u.parentId) : null })),
        officials: officials.map((o) => {
          const phone = phones.get(o.id);
          return { code: o.code, name: o.fullName, title: o.title, role: o.role, unit: unitCode(o.unitId) ?? '', ...(phone ? { phone } : {}) };
        }),
      },
      200,
    );
  });
}
