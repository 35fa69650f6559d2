// Housekeeping the maintenance queue runs: updates remembered for deduplication are forgotten after a week.
export { pruneUpdates } from '../db/repositories/update.repository.js';
