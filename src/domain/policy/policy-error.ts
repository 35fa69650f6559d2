/** A policy file that cannot be used: one line per problem, each starting with the setting's path. */
export class PolicyError extends Error {
  constructor(
    readonly problems: string[],
    readonly source?: string,
  ) {
    super(`Invalid policy${source ? ` in ${source}` : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PolicyError';
  }
}
