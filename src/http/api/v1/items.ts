// GET /items/{code}: a task or consultation with its timeline; GET /items: a unit subtree's items by status and
// creation period, newest first, a page at a time (keyset cursor on the id).
import { createRoute, z } from '@hono/zod-openapi';
import type { WorkingCalendar } from '../../../domain/calendar/types.js';
import type { IsoDate } from '../../../domain/calendar/types.js';
import { UnitId } from '../../../domain/ids.js';
import { nextDay } from '../../../domain/report/period.js';
import { requireScope, requireUnit } from './auth.js';
import type { ApiApp, ApiDeps } from './env.js';
import { ApiProblem } from './problems.js';
import { ConsultationSchema, ERROR_RESPONSES, ItemDetailSchema, json, TaskSchema } from './schemas.js';
import { consultationTimelineView, consultationView, taskEventView, taskView } from './views.js';

const ItemList = z
  .object({
    kind: z.enum(['task', 'consultation']),
    items: z.array(z.union([TaskSchema, ConsultationSchema])),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .openapi('ItemList');

export const ListQuery = z.object({
  kind: z.enum(['task', 'consultation']).default('task'),
  unit: z.string().max(50).optional().openapi({ description: "A unit code (its subtree); default the key's unit." }),
  status: z.string().max(20).optional().openapi({ description: 'A task status (ASSIGNED…) or consultation status (OPEN, CLOSED, SUPERSEDED).' }),
  from: z.iso.date().optional().openapi({ description: 'Created on or after this local day.' }),
  to: z.iso.date().optional().openapi({ description: 'Created on or before this local day.' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

const read = createRoute({
  method: 'get',
  path: '/items/{code}',
  tags: ['items'],
  summary: 'A task (NV-…) or consultation (YK-…) with its timeline (scope items:read)',
  security: [{ bearer: [] }],
  request: { params: z.object({ code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'NV-2026-0001' }) }) },
  responses: { 200: json(ItemDetailSchema, 'The item'), ...ERROR_RESPONSES },
});

const list = createRoute({
  method: 'get',
  path: '/items',
  tags: ['items'],
  summary: 'Items of a unit subtree by status and period, newest first (scope items:read)',
  security: [{ bearer: [] }],
  request: { query: ListQuery },
  responses: { 200: json(ItemList, 'One page'), ...ERROR_RESPONSES },
});

const TASK_STATUSES = new Set(['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'DONE', 'CLOSED', 'DECLINED', 'CANCELLED']);
const CONSULTATION_STATUSES = new Set(['OPEN', 'CLOSED', 'SUPERSEDED']);

function encodeCursor(kind: string, id: number): string {
  return Buffer.from(JSON.stringify({ k: kind, b: id })).toString('base64url');
}

function decodeCursor(cursor: string, kind: string): number {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; b?: unknown };
    if (c.k === kind && Number.isSafeInteger(c.b) && (c.b as number) > 0) return c.b as number;
  } catch {}
  throw new ApiProblem(400, 'api-bad-cursor', {}, 'cursor');
}

/** Local days to instants on the working calendar's zone: [from 00:00, the day after `to` 00:00). */
export function periodBounds(calendar: WorkingCalendar, from: IsoDate | undefined, to: IsoDate | undefined): { from?: Date; to?: Date } {
  if (from && to && from > to) throw new ApiProblem(400, 'api-bad-period', {}, 'from');
  return {
    ...(from ? { from: calendar.instantOf(from, '00:00') } : {}),
    ...(to ? { to: calendar.instantOf(nextDay(to), '00:00') } : {}),
  };
}

export function registerItems(api: ApiApp, deps: ApiDeps): void {
  const { app } = deps;
  const store = app.stores.integration;

  api.openapi(read, async (c) => {
    const key = c.get('key');
    requireScope(key, 'items:read');
    const code = c.req.valid('param').code.trim().toUpperCase();
    const org = await app.org();
    if (code.startsWith('NV-')) {
      const task = await store.taskByCode(code);
      if (task) {
        requireUnit(org, key, task.unitId, 'code');
        const events = await store.taskEvents(task.id);
        return c.json({ kind: 'task' as const, task: taskView(org, task), timeline: events.map((e) => taskEventView(org, e)) }, 200);
      }
    } else if (code.startsWith('YK-')) {
      const consultation = await store.consultationByCode(code);
      if (consultation) {
        requireUnit(org, key, consultation.unitId, 'code');
        const t = consultationTimelineView(org, await store.consultationTimeline(consultation.id));
        return c.json({ kind: 'consultation' as const, consultation: consultationView(org, consultation), ...t }, 200);
      }
    }
    throw new ApiProblem(404, 'api-item-unknown', { code }, 'code');
  });

  api.openapi(list, async (c) => {
    const key = c.get('key');
    requireScope(key, 'items:read');
    const q = c.req.valid('query');
    const org = await app.org();
    let root = key.unitId;
    if (q.unit !== undefined) {
      const unit = org.allUnits().find((u) => u.code === q.unit!.trim().toUpperCase());
      if (!unit) throw new ApiProblem(404, 'api-unit-unknown', { code: q.unit }, 'unit');
      requireUnit(org, key, unit.id, 'unit');
      root = unit.id;
    }
    const status = q.status?.trim().toUpperCase();
    if (status !== undefined && !(q.kind === 'task' ? TASK_STATUSES : CONSULTATION_STATUSES).has(status))
      throw new ApiProblem(400, 'api-invalid-field', { field: 'status', detail: status }, 'status');
    const filter = {
      unitIds: org.subtreeUnitIds(UnitId(root)),
      status,
      ...periodBounds(await app.calendar(), q.from as IsoDate | undefined, q.to as IsoDate | undefined),
      beforeId: q.cursor === undefined ? undefined : decodeCursor(q.cursor, q.kind),
      // One more than asked tells whether there is a next page.
      limit: q.limit + 1,
    };
    const rows = q.kind === 'task' ? await store.tasks(filter) : await store.consultations(filter);
    const page = rows.slice(0, q.limit);
    const nextCursor = rows.length > q.limit ? encodeCursor(q.kind, page[page.length - 1]!.id) : null;
    const items = page.map((row) => ('expectedResult' in row ? taskView(org, row) : consultationView(org, row)));
    return c.json({ kind: q.kind, items, nextCursor }, 200);
  });
}
