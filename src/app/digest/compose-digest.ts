// Builds digests: one head's on request (/tonghop), or every recipient's at once for the morning run. Either way the
// database answers a fixed number of set-based queries; the roll-up over each subtree happens in memory.
import { digestInstants } from '../../domain/digest/instants.js';
import { DigestFactsIndex, rollupDigest, type DigestRecipient } from '../../domain/digest/rollup.js';
import type { Digest } from '../../domain/digest/types.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import { loadDigestFacts, type QueryCounter } from './digest-facts.js';

/** The digest of one head or deputy over their unit's subtree, as of now. */
export async function composeDigest(app: AppContext, recipient: DigestRecipient, counter?: QueryCounter): Promise<Digest> {
  const [calendar, org] = await Promise.all([app.calendar(), app.org()]);
  const unit = await app.db.unit.findUnique({ where: { id: recipient.unitId }, select: { path: true } });
  if (counter) counter.queries++;
  if (!unit?.path) throw new DomainError('digest-no-unit');
  const { instants, window } = digestInstants(calendar, app.time.now(), app.policy.digest);
  const facts = await loadDigestFacts(app.db, { kind: 'subtree', path: unit.path }, { instants, oldest: app.policy.digest.oldestOverdue }, counter);
  return rollupDigest(new DigestFactsIndex(facts), recipient, { org, calendar, instants, window, oldest: app.policy.digest.oldestOverdue });
}

/** Every given recipient's digest from one load of the whole organisation's facts. */
export async function composeDigests(app: AppContext, recipients: readonly DigestRecipient[], counter?: QueryCounter): Promise<Map<number, Digest>> {
  const [calendar, org] = await Promise.all([app.calendar(), app.org()]);
  const { instants, window } = digestInstants(calendar, app.time.now(), app.policy.digest);
  const facts = await loadDigestFacts(app.db, { kind: 'all' }, { instants, oldest: app.policy.digest.oldestOverdue }, counter);
  const index = new DigestFactsIndex(facts);
  const ctx = { org, calendar, instants, window, oldest: app.policy.digest.oldestOverdue };
  return new Map(recipients.map((r) => [r.id, rollupDigest(index, r, ctx)]));
}
