// `--ref` on the create commands: the id another system gives an item so that a retried call cannot make two.

export const MAX_EXTERNAL_REF_LENGTH = 200;

/** undefined: not given; null: given but empty or too long (a usage error); else the trimmed id. */
export function readExternalRef(value: string | undefined): string | undefined | null {
  if (value === undefined) return undefined;
  const ref = value.trim();
  return ref === '' || ref.length > MAX_EXTERNAL_REF_LENGTH ? null : ref;
}
