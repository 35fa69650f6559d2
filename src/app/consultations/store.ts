// Reading and locking consultations: rows → domain shapes. Writes stay in the use cases.
import type { PrismaClient, Tx } from '../../db/client.js';
import { toConsultation, toEntry, toRespondent } from '../../db/repositories/consultation.repository.js';
import type { Consultation, Entry, Respondent } from '../../domain/consultation/types.js';
import { DomainError } from '../../domain/errors.js';
import { parseItemCode } from '../../domain/task/types.js';

type Db = PrismaClient | Tx;

// The row mappers live with the consultation queries; re-exported for the use cases that map rows they wrote.
export { toConsultation, toEntry, toRespondent };

/** A consultation with its respondents (in the order asked) and every entry (oldest first). */
export interface ConsultationFile {
  consultation: Consultation;
  respondents: Respondent[];
  entries: Entry[];
}

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
  const row = await db.consultation.findUnique({ where: { year_seq: { year: parsed.year, seq: parsed.seq } } });
  return row ? toConsultation(row) : undefined;
}

/** The consultation another system created with this id (`consult create --ref`). */
export async function findConsultationByExternalRef(db: Db, externalRef: string): Promise<Consultation | undefined> {
  const row = await db.consultation.findUnique({ where: { externalRef } });
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
