/** A write refused by a unique index (Prisma P2002): someone else inserted the same key first. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'P2002';
}
