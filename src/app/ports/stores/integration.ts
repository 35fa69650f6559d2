import type { Consultation } from '../../../domain/consultation/types.js';
import type { Task } from '../../../domain/task/types.js';
import type { TaskEventKind } from './tasks.js';

/** An API key as stored: never the secret, only its hash. */
export interface ApiKeyRecord {
  id: number;
  name: string;
  prefix: string;
  unitId: number;
  scopes: string[];
  ratePerMinute: number;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface NewApiKeyRow {
  name: string;
  prefix: string;
  secretHash: string;
  unitId: number;
  scopes: string[];
  ratePerMinute: number;
  createdAt: Date;
}

/** A POST remembered under its Idempotency-Key; `status` is null while the first request runs. */
export interface IdempotencyRecord {
  route: string;
  bodyHash: string;
  status: number | null;
  response: unknown;
}

/** Which items a list asks for: the units of a subtree, a status, a creation period, a page. */
export interface ItemFilter {
  unitIds: readonly number[];
  status?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Items with an id below this one (newest first). */
  beforeId?: number | undefined;
  limit: number;
}

export interface TaskEventRow {
  kind: TaskEventKind;
  actorId: number | null;
  at: Date;
  reason: string | null;
  note: string | null;
  percent: number | null;
  newDeadline: Date | null;
}

export interface ConsultationTimeline {
  respondents: { officialId: number; stance: string | null; stanceText: string | null; answeredAt: Date | null }[];
  entries: { authorId: number; kind: string; stance: string | null; text: string | null; at: Date }[];
}

/** What the integration API keeps (tables api_key, api_idempotency) and reads across the items for it. */
export interface IntegrationStore {
  createKey(row: NewApiKeyRow): Promise<ApiKeyRecord>;
  listKeys(): Promise<ApiKeyRecord[]>;
  /** Marks the key revoked; false when no active key has that name. */
  revokeKey(name: string, at: Date): Promise<boolean>;
  /** The key whose secret hashes to this, revoked or not. */
  keyBySecretHash(secretHash: string): Promise<ApiKeyRecord | undefined>;
  touchKey(id: number, at: Date): Promise<void>;

  /** Inserts the record when the key is new (true); false when a request already holds it. */
  claimIdempotency(apiKeyId: number, key: string, row: { route: string; bodyHash: string; createdAt: Date }): Promise<boolean>;
  findIdempotency(apiKeyId: number, key: string): Promise<IdempotencyRecord | undefined>;
  finishIdempotency(apiKeyId: number, key: string, status: number, response: unknown): Promise<void>;
  /** Forgets a claim whose request failed on our side, so that a retry runs again. */
  releaseIdempotency(apiKeyId: number, key: string): Promise<void>;

  taskByCode(code: string): Promise<Task | undefined>;
  consultationByCode(code: string): Promise<Consultation | undefined>;
  taskEvents(taskId: number): Promise<TaskEventRow[]>;
  consultationTimeline(consultationId: number): Promise<ConsultationTimeline>;
  pendingExtension(taskId: number): Promise<{ id: number; newDeadline: Date; reason: string } | undefined>;
  tasks(filter: ItemFilter): Promise<Task[]>;
  consultations(filter: ItemFilter): Promise<Consultation[]>;
  /** Phone numbers of officials, by official id (only read when the key's scope allows). */
  phones(officialIds: readonly number[]): Promise<Map<number, string>>;
}
