// Items written straight into the database with the times a test needs (created last month, accepted late, answered
// after the deadline …), for digests and reports. Codes come from the same sequences the use cases use.
import type { PrismaClient } from '../../src/db/client.js';

/** "2026-12-08T07:30" in Hà Nội → the instant. */
export const hn = (local: string): Date => new Date(`${local}${local.length === 16 ? ':00' : ''}+07:00`);

type Priority = 'URGENT' | 'HIGH' | 'NORMAL';
type TaskStatus = 'ASSIGNED' | 'ACCEPTED' | 'IN_PROGRESS' | 'DONE' | 'CLOSED' | 'DECLINED' | 'CANCELLED';

export interface SeedTask {
  assignee: string;
  assigner: string;
  title: string;
  status: TaskStatus;
  createdAt: string;
  deadline: string;
  priority?: Priority;
  acceptedAt?: string;
  completedAt?: string;
  cancelledAt?: string;
  declinedAt?: string;
  /** When the time to accept ran out: writes the TASK_ACCEPT clock row (stopped) as the use cases leave it. */
  acceptDueAt?: string;
}

export interface SeedConsultation {
  asker: string;
  subject: string;
  createdAt: string;
  deadline: string;
  status?: 'OPEN' | 'CLOSED' | 'SUPERSEDED';
  closedAt?: string;
  respondents: {
    official: string;
    stance?: 'AGREE' | 'DISAGREE' | 'AGREE_WITH_AMENDMENTS';
    answeredAt?: string;
    /** Replies without a stance ("đã nhận"). */
    freeTextAt?: string[];
  }[];
}

export class ItemSeeder {
  private readonly ids = new Map<string, { id: number; unitId: number }>();
  private seq = { task: 0, consultation: 0, explanation: 0, notice: new Map<number, number>() };

  constructor(private readonly db: PrismaClient) {}

  async official(code: string): Promise<{ id: number; unitId: number }> {
    let o = this.ids.get(code);
    if (!o) {
      const row = await this.db.official.findFirstOrThrow({ where: { code }, select: { id: true, unitId: true } });
      o = row;
      this.ids.set(code, o);
    }
    return o;
  }

  async task(t: SeedTask): Promise<{ id: number; code: string }> {
    const assignee = await this.official(t.assignee);
    const assigner = await this.official(t.assigner);
    const seq = ++this.seq.task;
    const code = `NV-2026-${String(seq).padStart(4, '0')}`;
    const d = (s?: string) => (s ? hn(s) : null);
    const row = await this.db.task.create({
      data: {
        code,
        year: 2026,
        seq,
        title: t.title,
        expectedResult: 'Báo cáo kết quả bằng văn bản',
        priority: t.priority ?? 'NORMAL',
        status: t.status,
        deadline: hn(t.deadline),
        originalDeadline: hn(t.deadline),
        assignerId: assigner.id,
        assigneeId: assignee.id,
        unitId: assignee.unitId,
        acceptedAt: d(t.acceptedAt),
        completedAt: d(t.completedAt),
        cancelledAt: d(t.cancelledAt),
        declinedAt: d(t.declinedAt),
        createdAt: hn(t.createdAt),
      },
    });
    await this.db.sequence.upsert({
      where: { orgId_name: { orgId: 'default', name: 'NV-2026' } },
      create: { name: 'NV-2026', value: seq },
      update: { value: seq },
    });
    if (t.acceptDueAt) {
      await this.db.clock.create({
        data: {
          itemKind: 'TASK',
          itemId: row.id,
          kind: 'TASK_ACCEPT',
          officialId: assignee.id,
          priority: t.priority ?? 'NORMAL',
          state: 'STOPPED',
          dueAt: hn(t.acceptDueAt),
          stepMs: 7_200_000,
          nextAt: hn(t.acceptDueAt),
          stoppedAt: d(t.acceptedAt) ?? hn(t.acceptDueAt),
          stopReason: 'test',
        },
      });
    }
    return { id: row.id, code };
  }

  async consultation(c: SeedConsultation): Promise<{ id: number; code: string }> {
    const asker = await this.official(c.asker);
    const seq = ++this.seq.consultation;
    const code = `YK-2026-${String(seq).padStart(4, '0')}`;
    const row = await this.db.consultation.create({
      data: {
        code,
        year: 2026,
        seq,
        subject: c.subject,
        question: `Đề nghị cho ý kiến về ${c.subject}`,
        askerId: asker.id,
        unitId: asker.unitId,
        priority: 'NORMAL',
        deadline: hn(c.deadline),
        status: c.status ?? 'OPEN',
        closedAt: c.closedAt ? hn(c.closedAt) : null,
        createdAt: hn(c.createdAt),
      },
    });
    await this.db.consultation.update({ where: { id: row.id }, data: { matterId: row.id } });
    for (const r of c.respondents) {
      const o = await this.official(r.official);
      const lastFree = r.freeTextAt?.at(-1);
      const resp = await this.db.consultationRespondent.create({
        data: {
          consultationId: row.id,
          officialId: o.id,
          stance: r.stance ?? null,
          stanceText: r.stance ? 'Ý kiến của đồng chí' : null,
          answeredAt: r.answeredAt ? hn(r.answeredAt) : null,
          firstAnsweredAt: r.answeredAt ? hn(r.answeredAt) : null,
          lastFreeTextAt: lastFree ? hn(lastFree) : null,
        },
      });
      for (const at of r.freeTextAt ?? []) {
        await this.db.consultationEntry.create({
          data: { consultationId: row.id, respondentId: resp.id, authorId: o.id, kind: 'FREE_TEXT', text: 'Đã nhận', at: hn(at) },
        });
      }
      if (r.stance && r.answeredAt) {
        await this.db.consultationEntry.create({
          data: { consultationId: row.id, respondentId: resp.id, authorId: o.id, kind: 'ANSWER', stance: r.stance, text: 'Ý kiến', at: hn(r.answeredAt) },
        });
      }
    }
    return { id: row.id, code };
  }

  async reminder(r: { official: string; recipient: string; kind: 'REMINDER' | 'ESCALATION'; at: string; itemId: number; level?: number }): Promise<void> {
    const o = await this.official(r.official);
    const to = await this.official(r.recipient);
    const clockId = 900_000 + Math.floor(Math.random() * 99_999);
    await this.db.reminder.create({
      data: {
        clockId,
        generation: 0,
        level: r.level ?? 0,
        cycle: 0,
        itemKind: 'TASK',
        itemId: r.itemId,
        clockKind: 'TASK_OVERDUE',
        officialId: o.id,
        recipientId: to.id,
        kind: r.kind,
        at: hn(r.at),
        delivered: true,
      },
    });
  }

  async signal(s: {
    official: string;
    behaviour: number;
    status: 'PENDING' | 'CONFIRMED' | 'DISMISSED';
    raisedAt: string;
    itemId?: number;
    rule?: string;
  }): Promise<void> {
    const o = await this.official(s.official);
    await this.db.signal.create({
      data: {
        behaviour: s.behaviour,
        rule: s.rule ?? `test-${s.behaviour}-${Math.random().toString(36).slice(2, 8)}`,
        officialId: o.id,
        itemKind: s.itemId ? 'TASK' : null,
        itemId: s.itemId ?? null,
        evidence: {},
        status: s.status,
        raisedAt: hn(s.raisedAt),
      },
    });
  }

  async explanation(x: { official: string; requester: string; itemId: number; createdAt: string; status?: 'OPEN' | 'ANSWERED' | 'CANCELLED' }): Promise<void> {
    const o = await this.official(x.official);
    const by = await this.official(x.requester);
    const seq = ++this.seq.explanation;
    await this.db.explanationDemand.create({
      data: {
        code: `GT-2026-${String(seq).padStart(4, '0')}`,
        itemKind: 'TASK',
        itemId: x.itemId,
        requesterId: by.id,
        officialId: o.id,
        question: 'Đề nghị giải trình lý do chậm',
        deadline: new Date(hn(x.createdAt).getTime() + 2 * 86_400_000),
        status: x.status ?? 'OPEN',
        createdAt: hn(x.createdAt),
      },
    });
  }

  /** A notice (quán triệt) sent to people one by one, each confirming (or not) when the test says. */
  async notice(n: {
    sender: string;
    title: string;
    createdAt: string;
    deadline: string;
    recipients: { official: string; confirmedAt?: string; commitment?: string }[];
  }): Promise<{ id: number; code: string }> {
    const sender = await this.official(n.sender);
    const year = Number(n.createdAt.slice(0, 4));
    const seq = (this.seq.notice.get(year) ?? 0) + 1;
    this.seq.notice.set(year, seq);
    const code = `QT-${year}-${String(seq).padStart(4, '0')}`;
    const row = await this.db.notice.create({
      data: {
        code,
        year,
        seq,
        title: n.title,
        summary: 'Quán triệt đến từng cán bộ.',
        senderId: sender.id,
        unitId: sender.unitId,
        confirmBy: hn(n.deadline),
        createdAt: hn(n.createdAt),
      },
    });
    await this.db.sequence.upsert({
      where: { orgId_name: { orgId: 'default', name: `QT-${year}` } },
      create: { name: `QT-${year}`, value: seq },
      update: { value: seq },
    });
    for (const r of n.recipients) {
      const o = await this.official(r.official);
      await this.db.noticeScope.create({ data: { noticeId: row.id, officialId: o.id } });
      await this.db.noticeRecipient.create({
        data: {
          noticeId: row.id,
          officialId: o.id,
          unitId: o.unitId,
          addedAt: hn(n.createdAt),
          deadline: hn(n.deadline),
          confirmedAt: r.confirmedAt ? hn(r.confirmedAt) : null,
          commitment: r.commitment ?? null,
        },
      });
    }
    return { id: row.id, code };
  }

  /** A head's commendation, on a task or not. */
  async commendation(c: { official: string; by: string; text: string; at: string; taskId?: number }): Promise<void> {
    const o = await this.official(c.official);
    const by = await this.official(c.by);
    await this.db.commendation.create({
      data: { officialId: o.id, unitId: o.unitId, byId: by.id, text: c.text, itemKind: c.taskId ? 'TASK' : null, itemId: c.taskId ?? null, at: hn(c.at) },
    });
  }
}
