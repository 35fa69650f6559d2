// Consultations (YK-…): rows → domain shapes, and the reads the chat handlers make. Locking and whole-file reads are
// in src/app/consultations/store.ts for now.
import type { Consultation, Entry, Respondent } from '../../domain/consultation/types.js';
import { ConsultationId, OfficialId, UnitId } from '../../domain/ids.js';
import type { PrismaClient, Tx } from '../client.js';
import type {
  Consultation as ConsultationRow,
  ConsultationEntry as EntryRow,
  ConsultationRespondent as RespondentRow,
} from '../generated/client.js';

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
