export type MessageArgs = Record<string, string | number | Date>;

/**
 * A rule said no. `key` names a message in the catalogue (locales/*), so the person gets a clear answer in their
 * language instead of a crash; nothing was written.
 */
export class DomainError extends Error {
  constructor(
    readonly key: string,
    readonly args: MessageArgs = {},
  ) {
    super(key);
    this.name = 'DomainError';
  }
}
