// Requests refused for a wrong or missing secret are worth knowing about (a secret changed on one side, someone
// probing) but not one log line each: a flood of them would drown the log and cost more than the refusals. They are
// counted and told in one line per window (a minute by default), with the busiest sources.
import type { Context } from 'hono';
import type { Logger } from 'pino';

export const REFUSAL_WINDOW_MS = 60_000;
const MAX_SOURCES = 5;

export interface RefusalSummaryOptions {
  logger: Logger | undefined;
  /** What was refused, as the start of the line: "telegram webhook". */
  what: string;
  windowMs?: number;
}

export class RefusalSummary {
  readonly #o: RefusalSummaryOptions;
  readonly #windowMs: number;
  #count = 0;
  readonly #sources = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(o: RefusalSummaryOptions) {
    this.#o = o;
    this.#windowMs = o.windowMs ?? REFUSAL_WINDOW_MS;
  }

  /** One refused request from `source` (an address, or "unknown"). The line comes at the end of the window. */
  note(source: string): void {
    this.#count++;
    // Only a handful of sources are named; a spoofed X-Forwarded-For per request must not grow the map without end.
    if (this.#sources.has(source) || this.#sources.size < MAX_SOURCES * 4) this.#sources.set(source, (this.#sources.get(source) ?? 0) + 1);
    if (!this.#timer) {
      this.#timer = setTimeout(() => this.flush(), this.#windowMs);
      this.#timer.unref();
    }
  }

  /** Logs what was counted since the last line (at the end of each window, and at shutdown). */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const count = this.#count;
    if (count === 0) return;
    const sources = Object.fromEntries([...this.#sources].sort((a, b) => b[1] - a[1]).slice(0, MAX_SOURCES));
    this.#count = 0;
    this.#sources.clear();
    this.#o.logger?.warn(
      { count, windowSeconds: this.#windowMs / 1000, sources },
      `${this.#o.what}: ${count} request${count === 1 ? '' : 's'} refused for a wrong or missing secret in the last ${windowWords(this.#windowMs)}`,
    );
  }
}

function windowWords(ms: number): string {
  if (ms === 60_000) return 'minute';
  if (ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  return `${Math.round(ms / 100) / 10} s`;
}

/** Who sent the request: the proxy's X-Forwarded-For when there is one, else the socket's address. */
export function requestSource(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
