// One pino logger per process. JSON by default (one object a line, for journald or a log collector); with
// LOG_FORMAT=pretty, coloured lines for a person at a terminal through pino-pretty, a development dependency: where it
// is not installed (npm ci --omit=dev) the logger says so once and stays JSON rather than refusing to start.
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };
export type LogFormat = 'json' | 'pretty';

type PrettyFactory = (options: Record<string, unknown>) => DestinationStream;

export interface LoggerOptions {
  name?: string;
  format?: LogFormat;
  /** Where lines go (default stdout); tests capture them. */
  destination?: DestinationStream;
  /** How pino-pretty is found; tests pretend it is missing. */
  loadPretty?: () => PrettyFactory | undefined;
}

function loadPinoPretty(): PrettyFactory | undefined {
  try {
    return createRequire(import.meta.url)('pino-pretty') as PrettyFactory;
  } catch {
    return undefined;
  }
}

export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const settings = { level, name: options.name ?? 'dondoc', base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (options.format === 'pretty') {
    const pretty = (options.loadPretty ?? loadPinoPretty)();
    if (pretty) {
      const stream = pretty({
        colorize: !options.destination && process.stdout.isTTY,
        sync: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'name',
        ...(options.destination ? { destination: options.destination } : {}),
      });
      return pino(settings, stream);
    }
    const logger = options.destination ? pino(settings, options.destination) : pino(settings);
    logger.warn('LOG_FORMAT=pretty needs pino-pretty, which is not installed (npm install pino-pretty); logging JSON instead');
    return logger;
  }
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
