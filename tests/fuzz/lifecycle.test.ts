// A randomized life of tasks, consultations and demands for explanation, through the use cases, with time moving
// and the clocks firing in between (issue 19.4): whatever order people act in, afterwards nothing hangs on a closed
// item (tests/fuzz/invariants.ts). Refusals (DomainError) are part of the game; anything else fails the run with the
// seed and the steps that led there. FUZZ_SEED=<n> replays one run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsultation } from '../../src/app/consultations/answer.js';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { closeConsultation } from '../../src/app/consultations/close.js';
import { answerExplanation, demandExplanation } from '../../src/app/explanations/demand.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { cancelTask, insistOnTask, nudgeTask, reassignTask } from '../../src/app/tasks/assigner-decisions.js';
import { acceptTask, declineTask, decideExtension, requestExtension } from '../../src/app/tasks/respond-to-task.js';
import { completeTask, confirmTask, reopenTask, reportProgress } from '../../src/app/tasks/work-on-task.js';
import { STANCES } from '../../src/domain/consultation/types.js';
import { DomainError } from '../../src/domain/errors.js';
import { OfficialId, TaskId } from '../../src/domain/ids.js';
import { PRIORITIES } from '../../src/domain/priority.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { hangingItems } from './invariants.js';
import { Random, seedFrom } from './random.js';

const STEPS = 160;
// Only a guard against a hang: 160 use cases take a few seconds on a quiet machine and minutes on a loaded one.
const HANG_GUARD_MS = 15 * 60_000;
const HOUR = 3_600_000;
const PEOPLE = ['BTC-01', 'BTC-02', 'BTC-03', 'BTC-04', 'HU-01'];

describe('a randomized life of items leaves nothing hanging', () => {
  let h: Harness;
  let ids: OfficialId[];

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    await h.importSample();
    ids = await Promise.all(PEOPLE.map(async (c) => OfficialId(await h.officialId(c))));
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    'holds the invariants after every tenth step',
    async () => {
      const seed = seedFrom(process.env.FUZZ_SEED);
      const rnd = new Random(seed);
      console.log(`lifecycle fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it), ${STEPS} steps`);
      const log: string[] = [];
      const refused = new Map<string, number>();
      const who = () => rnd.pick(ids);
      const later = (days: number) => new Date(h.timeSource.now().getTime() + days * 24 * HOUR);
      const taskIds = async () => (await h.db.db.task.findMany({ select: { id: true } })).map((t) => TaskId(t.id));
      const anyTask = async () => {
        const all = await taskIds();
        return all.length === 0 || rnd.chance(0.05) ? TaskId(999_999) : rnd.pick(all);
      };
      // Mostly the person the step belongs to (else nearly every step would be refused), sometimes anyone.
      const taskAnd = async (role: 'assignee' | 'assigner'): Promise<[OfficialId, TaskId]> => {
        const id = await anyTask();
        const t = await h.db.db.task.findUnique({ where: { id } });
        return [t && rnd.chance(0.8) ? OfficialId(role === 'assignee' ? t.assigneeId : t.assignerId) : who(), id];
      };
      const consultAnd = async (role: 'asker' | 'respondent'): Promise<[OfficialId, number] | undefined> => {
        const c = await h.db.db.consultation.findMany({ include: { respondents: true } });
        if (c.length === 0) return undefined;
        const k = rnd.pick(c);
        const person = role === 'asker' ? k.askerId : rnd.pick(k.respondents).officialId;
        return [rnd.chance(0.8) ? OfficialId(person) : who(), k.id];
      };
      const ops: [number, string, () => Promise<unknown>][] = [
        [
          6,
          'assign',
          () =>
            assignTask(h.app, rnd.chance(0.8) ? ids[0]! : who(), {
              assigneeId: rnd.chance(0.8) ? rnd.pick(ids.slice(1, 4)) : who(),
              title: `Việc ${rnd.int(1, 999)}`,
              expectedResult: 'Báo cáo kết quả',
              deadline: later(rnd.int(-1, 30)),
              priority: rnd.pick(PRIORITIES),
            }),
        ],
        [5, 'accept', async () => acceptTask(h.app, ...(await taskAnd('assignee')))],
        [3, 'decline', async () => declineTask(h.app, ...(await taskAnd('assignee')), 'Không thuộc chức trách')],
        [4, 'extension', async () => requestExtension(h.app, ...(await taskAnd('assignee')), later(rnd.int(1, 60)), 'Chờ số liệu')],
        [
          4,
          'decide-extension',
          async () => {
            const reqs = await h.db.db.extensionRequest.findMany({ include: { task: true } });
            if (reqs.length === 0) return undefined;
            const r = rnd.pick(reqs);
            return decideExtension(h.app, rnd.chance(0.8) ? OfficialId(r.task.assignerId) : who(), r.id, rnd.chance(0.5));
          },
        ],
        [4, 'progress', async () => reportProgress(h.app, ...(await taskAnd('assignee')), rnd.int(0, 100), 'Đang làm')],
        [4, 'complete', async () => completeTask(h.app, ...(await taskAnd('assignee')), 'Đã hoàn thành')],
        [3, 'confirm', async () => confirmTask(h.app, ...(await taskAnd('assigner')))],
        [2, 'reopen', async () => reopenTask(h.app, ...(await taskAnd('assigner')), 'Bổ sung thêm')],
        [3, 'cancel', async () => cancelTask(h.app, ...(await taskAnd('assigner')), 'Không còn cần')],
        [2, 'reassign', async () => reassignTask(h.app, ...(await taskAnd('assigner')), who())],
        [2, 'insist', async () => insistOnTask(h.app, ...(await taskAnd('assigner')))],
        [1, 'nudge', async () => nudgeTask(h.app, ...(await taskAnd('assigner')))],
        [
          3,
          'ask',
          () =>
            askForOpinion(h.app, who(), {
              respondentIds: [who(), who()],
              subject: 'Xin ý kiến',
              question: 'Đề nghị cho ý kiến',
              deadline: later(rnd.int(-1, 10)),
              priority: rnd.pick(PRIORITIES),
            }),
        ],
        [
          4,
          'answer',
          async () => {
            const c = await consultAnd('respondent');
            return c ? answerConsultation(h.app, ...c, rnd.pick(STANCES), 'Có ý kiến như sau') : undefined;
          },
        ],
        [
          2,
          'close-consultation',
          async () => {
            const c = await consultAnd('asker');
            return c ? closeConsultation(h.app, ...c, 'Kết luận thống nhất') : undefined;
          },
        ],
        [
          2,
          'new-round',
          async () => {
            const c = await consultAnd('asker');
            return c
              ? askForOpinion(h.app, c[0], {
                  respondentIds: [who()],
                  subject: 'Vòng mới',
                  question: 'Cho ý kiến lại',
                  deadline: later(3),
                  priority: 'NORMAL',
                  previousId: c[1],
                })
              : undefined;
          },
        ],
        [
          2,
          'demand',
          async () => {
            const [by, taskId] = await taskAnd('assigner');
            return demandExplanation(h.app, by, { kind: 'TASK', taskId }, 'Đề nghị giải trình');
          },
        ],
        [
          2,
          'answer-demand',
          async () => {
            const d = await h.db.db.explanationDemand.findMany();
            if (d.length === 0) return undefined;
            const x = rnd.pick(d);
            return answerExplanation(h.app, rnd.chance(0.8) ? OfficialId(x.officialId) : who(), x.id, 'Giải trình như sau');
          },
        ],
        [4, 'time', () => h.advance(rnd.int(1, 72) * HOUR)],
      ];
      const weighted = ops.map(([w, name, run]) => [w, { name, run }] as const);
      for (let step = 1; step <= STEPS; step++) {
        const op = rnd.weighted(weighted);
        log.push(`${step}. ${op.name}`);
        try {
          await op.run();
        } catch (e) {
          if (!(e instanceof DomainError)) throw new Error(`seed ${seed}, step ${step} (${op.name}) failed: ${(e as Error).stack}\nsteps:\n${log.join('\n')}`);
          refused.set(e.key, (refused.get(e.key) ?? 0) + 1);
        }
        if (step % 10 === 0 || step === STEPS) {
          await h.idle();
          const problems = await hangingItems(h.db.db);
          if (problems.length > 0) throw new Error(`seed ${seed}, after step ${step}:\n${problems.join('\n')}\nsteps:\n${log.join('\n')}`);
        }
      }
      const counts = await Promise.all([h.db.db.task.count(), h.db.db.extensionRequest.count({ where: { status: 'VOIDED' } }), h.db.db.consultation.count()]);
      console.log(
        `lifecycle fuzz: seed ${seed}: ${counts[0]} tasks, ${counts[1]} extension requests voided, ${counts[2]} consultations; refusals ${JSON.stringify(Object.fromEntries(refused))}`,
      );
      expect(counts[0]).toBeGreaterThan(0);
    },
    HANG_GUARD_MS,
  );
});
