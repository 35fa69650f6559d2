// The time source: where "now" comes from. Every rule that depends on "now" reads it from here (`app.time`), so tests
// and demos move time instead of sleeping. ("Clock" is the reminder ladder's word: the clock table, src/app/clocks.)

/** Where "now" comes from. */
export interface TimeSource {
  now(): Date;
}

export const systemTime: TimeSource = { now: () => new Date() };

/** A time source that only moves when told to (tests). */
export class ManualTime implements TimeSource {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
