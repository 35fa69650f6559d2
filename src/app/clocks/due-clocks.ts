// The open clocks whose next level falls before a moment, in pages by id: what the reconciler puts back on the fast
// path (BullMQ delayed jobs) after a start or a loss of Redis. The database stays the source of truth.
export { activeClocksDueBefore } from '../../db/repositories/clock.repository.js';
