// POST /tasks, /tasks/{code}/cancel, /tasks/{code}/extension: tasks from the office's document system, through the
// same use cases as the chat (src/app/tasks), so the "5 rõ" rule and who may assign to whom hold as there.
import { createRoute, z } from '@hono/zod-openapi';
import { cancelTask } from '../../../app/tasks/assigner-decisions.js';
import { type AssignTaskInput, assignTask, assignTaskOnce } from '../../../app/tasks/assign-task.js';
import { decideExtension } from '../../../app/tasks/respond-to-task.js';
import { OfficialId } from '../../../domain/ids.js';
import type { Official } from '../../../domain/org/types.js';
import type { Task } from '../../../domain/task/types.js';
import { requireScope, officialInReach, requireUnit } from './auth.js';
import type { ApiApp, ApiDeps } from './env.js';
import { idempotent } from './idempotent.js';
import { ApiProblem } from './problems.js';
import { ERROR_RESPONSES, IdempotencyHeaders, json, PrioritySchema, TaskSchema } from './schemas.js';
import { taskView } from './views.js';

const OfficialCode = z.string().min(1).max(50).openapi({ example: 'TCKH-03' });

/** The "5 rõ" parts may be left out here: the rule itself refuses them, naming the part (problem `field`). */
export const CreateTaskRequest = z
  .object({
    assigner: OfficialCode.optional().openapi({ description: 'The official code of whoever gives the task (rõ trách nhiệm).' }),
    assignees: z.array(OfficialCode).max(20).default([]).openapi({ description: 'Official codes; one task each (rõ người).' }),
    content: z.string().max(5000).default('').openapi({ description: 'What to do (rõ việc), one line.', example: 'Tổng hợp dự toán ngân sách năm 2027' }),
    expectedResult: z
      .string()
      .max(5000)
      .default('')
      .openapi({ description: 'What counts as done (rõ hiệu quả).', example: 'Bảng dự toán theo mẫu, trình UBND huyện' }),
    deadline: z.iso.datetime({ offset: true }).optional().openapi({ description: 'ISO 8601 with offset (rõ tiến độ).', example: '2026-12-11T17:00:00+07:00' }),
    priority: PrioritySchema.default('NORMAL'),
    details: z.string().max(3000).optional(),
    documentUrl: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .optional()
      .openapi({ description: 'A link to the document the task comes from.' }),
    sourceDocument: z
      .object({ number: z.string().min(1).max(60).openapi({ example: '123/UBND-VP' }), date: z.iso.date().openapi({ example: '2026-12-01' }) })
      .optional()
      .openapi({ description: "The source document's number/symbol and date: unique per key, so a retry never makes a second task." }),
  })
  .openapi('CreateTaskRequest');

const CreateTaskResponse = z.object({ created: z.boolean(), tasks: z.array(TaskSchema) }).openapi('CreateTaskResponse');
const CodeParam = z.object({ code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'NV-2026-0001' }) });
const CancelRequest = z.object({ reason: z.string().max(1000).default('') }).openapi('CancelTaskRequest');
const ExtensionRequest = z.object({ decision: z.enum(['approve', 'refuse']) }).openapi('ExtensionDecisionRequest');
const TaskResponse = z.object({ task: TaskSchema }).openapi('TaskResponse');

const createTask = createRoute({
  method: 'post',
  path: '/tasks',
  tags: ['tasks'],
  summary: 'Assign a task (scope tasks:write)',
  security: [{ bearer: [] }],
  request: { headers: IdempotencyHeaders, body: { content: { 'application/json': { schema: CreateTaskRequest } }, required: true } },
  responses: {
    201: json(CreateTaskResponse, 'Created, one task per assignee; each assignee is told on their chat'),
    200: json(CreateTaskResponse, 'This key already created the tasks of this source document: they are returned, nothing new'),
    ...ERROR_RESPONSES,
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/tasks/{code}/cancel',
  tags: ['tasks'],
  summary: 'Cancel a task on behalf of its assigner (scope tasks:write)',
  security: [{ bearer: [] }],
  request: { params: CodeParam, headers: IdempotencyHeaders, body: { content: { 'application/json': { schema: CancelRequest } }, required: true } },
  responses: { 200: json(TaskResponse, 'Cancelled; the assignee is told'), ...ERROR_RESPONSES },
});

const extension = createRoute({
  method: 'post',
  path: '/tasks/{code}/extension',
  tags: ['tasks'],
  summary: "Approve or refuse the assignee's pending request for more time, on behalf of the assigner (scope tasks:write)",
  security: [{ bearer: [] }],
  request: { params: CodeParam, headers: IdempotencyHeaders, body: { content: { 'application/json': { schema: ExtensionRequest } }, required: true } },
  responses: {
    200: json(TaskResponse.extend({ approved: z.boolean() }).openapi('ExtensionDecisionResponse'), 'Decided; the assignee is told'),
    ...ERROR_RESPONSES,
  },
});

/** "123/UBND-VP, 01/12/2026": how the task names its source document in chat (task-line-doc). */
function sourceDocRef(doc: { number: string; date: string }): string {
  const [y, m, d] = doc.date.split('-');
  return `${doc.number.trim()}, ${d}/${m}/${y}`;
}

export function registerTasks(api: ApiApp, deps: ApiDeps): void {
  const { app } = deps;

  api.openapi(createTask, async (c) => {
    const key = c.get('key');
    requireScope(key, 'tasks:write');
    const body = c.req.valid('json');
    const org = await app.org();
    const byCode = (code: string, field: string): Official => officialInReach(org, key, code, field);
    const assigner = body.assigner ? byCode(body.assigner, 'assigner') : undefined;
    const assignees = body.assignees.map((code, i) => byCode(code, `assignees.${i}`));
    return idempotent(c, deps, body, async () => {
      const details = [body.details?.trim(), body.documentUrl ? `📎 ${body.documentUrl}` : undefined].filter(Boolean).join('\n') || null;
      const input = (assignee: Official | undefined): AssignTaskInput => ({
        assigneeId: assignee ? OfficialId(assignee.id) : null,
        title: body.content,
        expectedResult: body.expectedResult,
        deadline: body.deadline ? new Date(body.deadline) : null,
        priority: body.priority,
        description: details,
        sourceDocRef: body.sourceDocument ? sourceDocRef(body.sourceDocument) : null,
      });
      // The "5 rõ" rule speaks first, for the first part missing, even with nobody named (rõ người).
      if (!assigner || assignees.length === 0) {
        await assignTask(app, assigner ? OfficialId(assigner.id) : (null as never), input(assignees[0]));
      }
      for (const [i, a] of assignees.entries())
        if (!org.canAssign(OfficialId(assigner!.id), OfficialId(a.id))) throw new ApiProblem(422, 'assign-not-allowed', {}, `assignees.${i}`);
      const tasks: Task[] = [];
      let created = false;
      for (const a of assignees) {
        if (body.sourceDocument) {
          const ref = `api:${key.id}:${body.sourceDocument.number.trim()}|${body.sourceDocument.date}:${a.code}`;
          const once = await assignTaskOnce(app, OfficialId(assigner!.id), { ...input(a), externalRef: ref });
          created ||= once.created;
          tasks.push(once.created ? once.result.task : once.task);
        } else {
          tasks.push((await assignTask(app, OfficialId(assigner!.id), input(a))).task);
          created = true;
        }
      }
      c.get('items').push(...tasks.map((t) => t.code));
      return { status: created ? 201 : 200, body: { created, tasks: tasks.map((t) => taskView(org, t)) } };
    });
  });

  /** The task named in the path, within the key's unit subtree. */
  async function taskInReach(code: string, key: Parameters<typeof requireUnit>[1]): Promise<Task> {
    const task = await app.stores.integration.taskByCode(code);
    if (!task) throw new ApiProblem(404, 'api-item-unknown', { code }, 'code');
    requireUnit(await app.org(), key, task.unitId, 'code');
    return task;
  }

  api.openapi(cancel, async (c) => {
    const key = c.get('key');
    requireScope(key, 'tasks:write');
    const task = await taskInReach(c.req.valid('param').code, key);
    const body = c.req.valid('json');
    c.get('items').push(task.code);
    return idempotent(c, deps, body, async () => {
      const done = await cancelTask(app, task.assignerId, task.id, body.reason);
      return { status: 200, body: { task: taskView(await app.org(), done) } };
    });
  });

  api.openapi(extension, async (c) => {
    const key = c.get('key');
    requireScope(key, 'tasks:write');
    const task = await taskInReach(c.req.valid('param').code, key);
    const body = c.req.valid('json');
    c.get('items').push(task.code);
    return idempotent(c, deps, body, async () => {
      const pending = await app.stores.integration.pendingExtension(task.id);
      if (!pending) throw new ApiProblem(409, 'api-extension-none', { code: task.code });
      const r = await decideExtension(app, task.assignerId, pending.id, body.decision === 'approve');
      return { status: 200, body: { task: taskView(await app.org(), r.task), approved: r.approved } };
    });
  });
}
