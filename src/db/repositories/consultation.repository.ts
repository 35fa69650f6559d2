// Consultations (YK-…): rows → domain shapes, reading and locking. Writes stay in the use cases for now.
import type { Consultation, Entry, Respondent } from '../../domain/consultation/types.js';
import { DomainError } from '../../domain/errors.js';
import { ConsultationId, OfficialId, UnitId } from '../../domain/ids.js';
import { parseItemCode } from '../../domain/task/types.js';
import type { ConsultationFile, ConsultationStore } from '../../app/ports/stores/consultations.js';
import type { PrismaClient, Tx } from '../client.js';
import { prismaTx, readerOf } from '../store-tx.js';
import type { Consultation as ConsultationRow, ConsultationEntry as EntryRow, ConsultationRespondent as RespondentRow } from '../generated/client.js';

type Db = PrismaClient | Tx;

export function toConsultation(row: ConsultationRow): Consultation {
  return { ...row, id: ConsultationId(row.id), askerId: OfficialId(row.askerId), unitId: UnitId(row.unitId) };
}

export function toRespondent(row: RespondentRow): Respondent {
  return {
    ...row,
    officialId: OfficialId(row.officialId),
    answeredById: row.answeredById === null ? null : OfficialId(row.answeredById),
    delegateId: row.delegateId === null ? null : OfficialId(row.delegateId),
  };
}

export function toEntry(row: EntryRow): Entry {
  return { ...row, authorId: OfficialId(row.authorId) };
}

/** The round that followed this consultation, if one was opened. */
export async function nextRoundOf(db: Db, consultationId: number): Promise<{ code: string } | undefined> {
  return (await db.consultation.findUnique({ where: { previousId: consultationId }, select: { code: true } })) ?? undefined;
}

/** The open consultations this person asked, soonest deadline first, each with its respondents in the order asked. */
export async function openConsultationsAskedBy(db: Db, askerId: number): Promise<{ c: Consultation; respondents: Respondent[] }[]> {
  const rows = await db.consultation.findMany({
    where: { askerId, status: 'OPEN' },
    include: { respondents: { orderBy: { id: 'asc' } } },
    orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
  });
  return rows.map(({ respondents, ...c }) => ({ c: toConsultation(c), respondents: respondents.map(toRespondent) }));
}

export type { ConsultationFile };

export async function loadConsultation(db: Db, id: number): Promise<ConsultationFile | undefined> {
  const row = await db.consultation.findUnique({
    where: { id },
    include: { respondents: { orderBy: { id: 'asc' } }, entries: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
  });
  if (!row) return undefined;
  const { respondents, entries, ...c } = row;
  return { consultation: toConsultation(c), respondents: respondents.map(toRespondent), entries: entries.map(toEntry) };
}

export async function loadConsultationOrFail(db: Db, id: number): Promise<ConsultationFile> {
  const file = await loadConsultation(db, id);
  if (!file) throw new DomainError('consult-not-found');
  return file;
}

/** Locks the consultation row until the transaction ends (two taps, two answers at once serialise), then reads it. */
export async function lockConsultation(tx: Tx, id: number): Promise<ConsultationFile> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM consultation WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw new DomainError('consult-not-found');
  return loadConsultationOrFail(tx, id);
}

/** The consultation a respondent row belongs to, locked. */
export async function lockByRespondent(tx: Tx, respondentId: number): Promise<{ file: ConsultationFile; respondent: Respondent }> {
  const row = await tx.consultationRespondent.findUnique({ where: { id: respondentId }, select: { consultationId: true } });
  if (!row) throw new DomainError('consult-not-found');
  const file = await lockConsultation(tx, row.consultationId);
  const respondent = file.respondents.find((r) => r.id === respondentId);
  if (!respondent) throw new DomainError('consult-not-found');
  return { file, respondent };
}

export async function findConsultationByCode(db: Db, code: string): Promise<Consultation | undefined> {
  const parsed = parseItemCode(code);
  if (!parsed || parsed.prefix !== 'YK') return undefined;
  const row = await db.consultation.findFirst({ where: { year: parsed.year, seq: parsed.seq } });
  return row ? toConsultation(row) : undefined;
}

/** The consultation another system created with this id (`consult create --ref`). */
export async function findConsultationByExternalRef(db: Db, externalRef: string): Promise<Consultation | undefined> {
  const row = await db.consultation.findFirst({ where: { externalRef } });
  return row ? toConsultation(row) : undefined;
}

/** Every round of a matter, oldest first. */
export async function roundsOfMatter(db: Db, matterId: number): Promise<Consultation[]> {
  const rows = await db.consultation.findMany({ where: { OR: [{ matterId }, { id: matterId }] }, orderBy: { round: 'asc' } });
  return rows.map(toConsultation);
}

/** Respondent rows that wait for this person's stance: their own, or a head's handed to them. */
export async function waitingForMe(db: Db, officialId: number): Promise<(Respondent & { consultation: Consultation })[]> {
  const rows = await db.consultationRespondent.findMany({
    where: { stance: null, consultation: { status: 'OPEN' }, OR: [{ officialId }, { delegateId: officialId }] },
    include: { consultation: true },
    orderBy: [{ consultation: { deadline: 'asc' } }, { id: 'asc' }],
  });
  return rows.map(({ consultation, ...r }) => ({ ...toRespondent(r), consultation: toConsultation(consultation) }));
}

/** The application's ConsultationStore over this client. */
export function consultationStore(db: PrismaClient): ConsultationStore {
  return {
    lock: (tx, id) => lockConsultation(prismaTx(tx), id),
    load: (id, tx) => loadConsultation(readerOf(db, tx), id),
    findByExternalRef: (externalRef) => findConsultationByExternalRef(db, externalRef),
    waitingFor: (officialId) => waitingForMe(db, officialId),
    nextRoundOf: (tx, id) => nextRoundOf(readerOf(db, tx), id),
    findByCode: (code) => findConsultationByCode(db, code),
    openAskedBy: (askerId) => openConsultationsAskedBy(db, askerId),
    roundsOfMatter: (tx, matterId) => roundsOfMatter(prismaTx(tx), matterId),
    async create(tx, row) {
      const t = prismaTx(tx);
      const created = await t.consultation.create({ data: row });
      return toConsultation(row.matterId === null ? await t.consultation.update({ where: { id: created.id }, data: { matterId: created.id } }) : created);
    },
    update: async (tx, id, patch) => toConsultation(await prismaTx(tx).consultation.update({ where: { id }, data: patch })),
    async addRespondents(tx, consultationId, officialIds) {
      const t = prismaTx(tx);
      await t.consultationRespondent.createMany({ data: officialIds.map((officialId) => ({ consultationId, officialId })) });
      return (await t.consultationRespondent.findMany({ where: { consultationId }, orderBy: { id: 'asc' } })).map(toRespondent);
    },
    updateRespondent: async (tx, id, patch) => toRespondent(await prismaTx(tx).consultationRespondent.update({ where: { id }, data: patch })),
    addEntry: async (tx, entry) => toEntry(await prismaTx(tx).consultationEntry.create({ data: entry })),
    async links(c, tx) {
      const r = readerOf(db, tx);
      const [previous, task] = await Promise.all([
        c.previousId ? r.consultation.findUnique({ where: { id: c.previousId }, select: { code: true } }) : null,
        c.taskId ? r.task.findUnique({ where: { id: c.taskId }, select: { code: true, title: true } }) : null,
      ]);
      return { previous: previous ?? undefined, task: task ?? undefined };
    },
  };
}
