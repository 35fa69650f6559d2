import type { Consultation, Entry, Respondent } from '../../../domain/consultation/types.js';
import type { StoreTx } from '../stores.js';

/** A consultation with its respondents (in the order asked) and every entry (oldest first). */
export interface ConsultationFile {
  consultation: Consultation;
  respondents: Respondent[];
  entries: Entry[];
}

export type NewConsultationRow = Pick<
  Consultation,
  | 'code'
  | 'year'
  | 'seq'
  | 'subject'
  | 'question'
  | 'askerId'
  | 'unitId'
  | 'priority'
  | 'deadline'
  | 'round'
  | 'matterId'
  | 'previousId'
  | 'taskId'
  | 'createdAt'
> & { externalRef: string | null };

export type ConsultationPatch = Partial<Pick<Consultation, 'status' | 'decision' | 'closedAt' | 'matterId'>>;
export type RespondentPatch = Partial<Omit<Respondent, 'id' | 'consultationId' | 'officialId'>>;
export type NewEntry = Omit<Entry, 'id' | 'stance'> & { stance?: Entry['stance'] };

/** Consultations (YK-…), their respondents and entries (tables consultation, consultation_respondent, consultation_entry). */
export interface ConsultationStore {
  /** Locks the consultation until the transaction ends (two answers at once serialise), then reads it; refused if absent. */
  lock(tx: StoreTx, id: number): Promise<ConsultationFile>;
  /** Reads a consultation; joins the transaction when one is given. */
  load(id: number, tx?: StoreTx): Promise<ConsultationFile | undefined>;
  findByExternalRef(externalRef: string): Promise<Consultation | undefined>;
  /** By code ("YK-2026-0003", any case); undefined for anything that is not a consultation's code. */
  findByCode(code: string): Promise<Consultation | undefined>;
  /** The open consultations this person asked, soonest deadline first, with their respondents. */
  openAskedBy(askerId: number): Promise<{ c: Consultation; respondents: Respondent[] }[]>;
  /** Respondent rows that wait for this person's stance: their own, or a head's handed to them. */
  waitingFor(officialId: number): Promise<(Respondent & { consultation: Consultation })[]>;
  /** The round that followed this consultation, if one was opened. */
  nextRoundOf(tx: StoreTx | undefined, consultationId: number): Promise<{ code: string } | undefined>;
  /** Every round of a matter, oldest first. */
  roundsOfMatter(tx: StoreTx, matterId: number): Promise<Consultation[]>;
  /** A new consultation; its own id becomes its matter when `matterId` is null (a first round). */
  create(tx: StoreTx, row: NewConsultationRow): Promise<Consultation>;
  update(tx: StoreTx, id: number, patch: ConsultationPatch): Promise<Consultation>;
  /** Adds the respondents, in this order; returns every respondent of the consultation. */
  addRespondents(tx: StoreTx, consultationId: number, officialIds: readonly number[]): Promise<Respondent[]>;
  updateRespondent(tx: StoreTx, respondentId: number, patch: RespondentPatch): Promise<Respondent>;
  addEntry(tx: StoreTx, entry: NewEntry): Promise<Entry>;
  /** The codes of the previous round and the task a consultation points to; joins the transaction when given. */
  links(c: Pick<Consultation, 'previousId' | 'taskId'>, tx?: StoreTx): Promise<{ previous?: { code: string }; task?: { code: string; title: string } }>;
}
