// GET /evaluation: the figures of a period for a unit subtree, from the same computation as the reports
// (src/app/reports/build-report.ts) and shown as the XLSX shows them (report-figures.ts: hours and percentages).
import { createRoute, z } from '@hono/zod-openapi';
import { buildReport } from '../../../app/reports/build-report.js';
import { FIGURE_COLUMNS } from '../../../app/reports/report-figures.js';
import type { IsoDate } from '../../../domain/calendar/types.js';
import { OfficialId, UnitId } from '../../../domain/ids.js';
import type { Figures } from '../../../domain/report/metrics.js';
import { requireScope, requireUnit } from './auth.js';
import type { ApiApp, ApiDeps } from './env.js';
import { ApiProblem } from './problems.js';
import { ERROR_RESPONSES, json } from './schemas.js';

const FiguresSchema = z
  .object(Object.fromEntries(FIGURE_COLUMNS.map((col) => [col.id, z.number().nullable()])))
  .openapi('Figures', { description: 'As in the evaluation XLSX: counts, rates in percent, medians in working hours; null when there is nothing to rate.' });

const EvaluationSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    unit: z.string(),
    total: FiguresSchema,
    units: z.array(z.object({ code: z.string(), name: z.string(), depth: z.number().int(), figures: FiguresSchema })),
    officials: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string(), figures: FiguresSchema })),
  })
  .openapi('Evaluation');

const read = createRoute({
  method: 'get',
  path: '/evaluation',
  tags: ['evaluation'],
  summary: 'Evaluation figures of a period for a unit subtree, as in the reports (scope reports:read)',
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      from: z.iso.date().openapi({ example: '2026-12-01' }),
      to: z.iso.date().openapi({ example: '2026-12-31' }),
      unit: z.string().max(50).optional().openapi({ description: "A unit code; default the key's unit." }),
    }),
  },
  responses: { 200: json(EvaluationSchema, 'The figures'), ...ERROR_RESPONSES },
});

function figures(f: Figures): Record<string, number | null> {
  return Object.fromEntries(FIGURE_COLUMNS.map((col) => [col.id, col.value(f)]));
}

export function registerEvaluation(api: ApiApp, deps: ApiDeps): void {
  const { app } = deps;
  api.openapi(read, async (c) => {
    const key = c.get('key');
    requireScope(key, 'reports:read');
    const q = c.req.valid('query');
    if (q.from > q.to) throw new ApiProblem(400, 'api-bad-period', {}, 'from');
    const org = await app.org();
    let root = org.unit(UnitId(key.unitId));
    if (q.unit !== undefined) {
      root = org.allUnits().find((u) => u.code === q.unit!.trim().toUpperCase());
      if (!root) throw new ApiProblem(404, 'api-unit-unknown', { code: q.unit }, 'unit');
      requireUnit(org, key, root.id, 'unit');
    }
    const period = { kind: 'range' as const, from: q.from as IsoDate, to: q.to as IsoDate, year: Number(q.from.slice(0, 4)) };
    const report = await buildReport({ stores: app.stores, calendar: await app.calendar(), org, policy: app.policy, now: app.time.now() }, period, root!.id);
    const unitCode = (id: number) => org.unit(UnitId(id))?.code ?? String(id);
    return c.json(
      {
        period: { from: q.from, to: q.to },
        unit: root!.code,
        total: figures(report.computed.total),
        units: report.units.map((u) => ({ code: u.code, name: u.name, depth: u.depth, figures: figures(report.rolledUp(u.id)) })),
        officials: report.officials
          .filter((o) => report.computed.byOfficial.has(o.id))
          .map((o) => ({
            code: o.code,
            name: o.fullName,
            unit: unitCode(org.official(OfficialId(o.id))?.unitId ?? o.unitId),
            figures: figures(report.computed.byOfficial.get(o.id)!),
          })),
      },
      200,
    );
  });
}
