// A configuration that cannot be used, with every problem found. Its own file so that src/config/ (the environment
// loader) and src/config.ts (which reads the keyring from src/config/) depend in one direction only.
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
