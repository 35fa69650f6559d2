import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, options: { name?: string } = {}): Logger {
  return pino({ level, name: options.name ?? 'dondoc', base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
