// Ids that say what they identify, so a task id cannot be passed where an official id is meant.
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type UnitId = Brand<number, 'UnitId'>;
export type OfficialId = Brand<number, 'OfficialId'>;
export type IdentityId = Brand<number, 'IdentityId'>;
export type TaskId = Brand<number, 'TaskId'>;
export type ConsultationId = Brand<number, 'ConsultationId'>;
export type ExplanationId = Brand<number, 'ExplanationId'>;
export type SignalId = Brand<number, 'SignalId'>;
export type ClockId = Brand<number, 'ClockId'>;

export const UnitId = (n: number) => n as UnitId;
export const OfficialId = (n: number) => n as OfficialId;
export const IdentityId = (n: number) => n as IdentityId;
export const TaskId = (n: number) => n as TaskId;
export const ConsultationId = (n: number) => n as ConsultationId;
export const ExplanationId = (n: number) => n as ExplanationId;
export const SignalId = (n: number) => n as SignalId;
export const ClockId = (n: number) => n as ClockId;
