// The sandbox's clock: real time, shifted forward by the trainer's moves. Between moves it runs like a wall clock (a
// reminder due in ten minutes arrives in ten minutes); a move shifts it, never backwards. Every use case, worker and
// built-in platform reads this one clock.
import type { TimeSource } from '../domain/time/time-source.js';

export class SandboxTimeSource implements TimeSource {
  #offsetMs: number;

  /** @param start the sandbox's "now" at creation (default: the real now). */
  constructor(
    start?: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    this.#offsetMs = start ? start.getTime() - this.realNow() : 0;
  }

  now(): Date {
    return new Date(this.realNow() + this.#offsetMs);
  }

  /** Moves to `to`; an instant already behind (the clock ran on meanwhile) leaves it where it is. */
  set(to: Date): void {
    const shift = to.getTime() - this.now().getTime();
    if (shift > 0) this.#offsetMs += shift;
  }

  /** How far the sandbox is ahead of real time, in ms (kept across a restart in the data directory by the wiring). */
  get offsetMs(): number {
    return this.#offsetMs;
  }
}
