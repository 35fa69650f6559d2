// The digest's scope and query options (the queries are src/db/repositories/digest-facts.repository.ts, behind
// app.stores.digest.facts; the recipients are app.stores.officials.digestRecipients).
export type { DigestQueryOptions, DigestScope, QueryCounter } from '../ports/stores/digest.js';
