// What the process still waits for while it starts, for /healthz: a load balancer or an operator with curl sees
// "waiting for Telegram: no answer … attempt 3" instead of a port that does not answer or a process that says nothing.
import type { HealthCheck, HealthResult } from '../http/server.js';

export class Readiness {
  readonly #waiting = new Map<string, string>();

  /** `name` is not ready; `reason` says what it waits for, in plain words. */
  waitFor(name: string, reason: string): void {
    this.#waiting.set(name, reason);
  }

  ready(name: string): void {
    this.#waiting.delete(name);
  }

  /** A /healthz check that is fine once `name` is ready and gives the reason until then. */
  check(name: string): HealthCheck {
    return {
      name,
      check: async (): Promise<HealthResult> => {
        const reason = this.#waiting.get(name);
        return reason === undefined ? true : { ok: false, reason };
      },
    };
  }
}
