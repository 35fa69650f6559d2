// Organisations (issue 18): the tenants of one deployment, in the table `organisation`. Read and written through the
// owner's client (createOwnerClient), which sees every organisation; an application client (createPrismaClient with
// an orgId) sees only its own row, which is how `--org` checks that an organisation exists.
//
// Bot tokens are sealed at rest with the ORG_TOKEN_KEY keyring (AES-256-GCM, the OA tokens' format): pass
// `createTokenCipher(config.orgKeyring)` (src/channels/zalo-oa/token-crypto.ts) as the sealer. The database layer
// takes it as this small interface, so it imports no adapter.
import { DEFAULT_ORG, ORG_ID_PATTERN, type PrismaClient } from './client.js';
import { isUniqueViolation } from './unique-violation.js';

/** Seals and opens a token, binding `context` (which row and column) as associated data. */
export interface OrgTokenSealer {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

export type OrgTokenKind = 'telegram' | 'zalo';

export interface Organisation {
  id: string;
  name: string;
  /** The Telegram bot's token, opened; undefined: the organisation has none (the default one uses TELEGRAM_BOT_TOKEN). */
  telegramToken?: string;
  /** The Zalo Bot Platform token, opened. */
  zaloToken?: string;
  /** Its policy file's YAML text; undefined: the deployment's policy. */
  policyText?: string;
}

export interface NewOrganisation {
  id: string;
  name: string;
  telegramToken?: string | undefined;
  zaloToken?: string | undefined;
  policyText?: string | undefined;
}

/** Why an organisation cannot be created; `reason` picks the message (locales: cli-org-…). */
export class OrganisationError extends Error {
  constructor(
    readonly reason: 'bad-id' | 'exists' | 'no-token-key' | 'token-does-not-open',
    readonly orgId: string,
  ) {
    super(`organisation ${orgId}: ${reason}`);
  }
}

/** The associated data of a sealed token: it opens only in its own organisation's column. */
const tokenContext = (orgId: string, kind: OrgTokenKind) => `org:${orgId}:${kind}`;

function openToken(sealer: OrgTokenSealer | undefined, orgId: string, kind: OrgTokenKind, sealed: string | null): string | undefined {
  if (sealed === null) return undefined;
  if (!sealer) throw new OrganisationError('no-token-key', orgId);
  try {
    return sealer.open(sealed, tokenContext(orgId, kind));
  } catch {
    throw new OrganisationError('token-does-not-open', orgId);
  }
}

/** An organisation whose stored token could not be opened (no key, or another key): listed without its tokens. */
export interface UnreadableOrganisation {
  id: string;
  name: string;
  problem: 'no-token-key' | 'token-does-not-open';
}

/** Every organisation, 'default' first, tokens opened. A stored token without a sealer is an error, never skipped. */
export async function listOrganisations(owner: PrismaClient, sealer?: OrgTokenSealer): Promise<Organisation[]> {
  return (await listOrganisationsReadable(owner, sealer)).map((o) => {
    if ('problem' in o) throw new OrganisationError(o.problem, o.id);
    return o;
  });
}

/**
 * The same list for the process that runs them (src/runtime/organisations-registry.ts): an organisation whose token
 * does not open is listed with its problem instead of failing the whole list, so one wrong row never stops the
 * others from being started or refreshed.
 */
export async function listOrganisationsReadable(owner: PrismaClient, sealer?: OrgTokenSealer): Promise<(Organisation | UnreadableOrganisation)[]> {
  const rows = await owner.organisation.findMany({ orderBy: { createdAt: 'asc' } });
  rows.sort((a, b) => Number(b.id === DEFAULT_ORG) - Number(a.id === DEFAULT_ORG));
  return rows.map((r) => {
    let telegramToken: string | undefined;
    let zaloToken: string | undefined;
    try {
      telegramToken = openToken(sealer, r.id, 'telegram', r.telegramToken);
      zaloToken = openToken(sealer, r.id, 'zalo', r.zaloToken);
    } catch (e) {
      if (e instanceof OrganisationError && (e.reason === 'no-token-key' || e.reason === 'token-does-not-open'))
        return { id: r.id, name: r.name, problem: e.reason };
      throw e;
    }
    return {
      id: r.id,
      name: r.name,
      ...(telegramToken !== undefined ? { telegramToken } : {}),
      ...(zaloToken !== undefined ? { zaloToken } : {}),
      ...(r.policy !== null ? { policyText: r.policy } : {}),
    };
  });
}

/** Adds an organisation. Its tokens are sealed with `sealer`; a token given without one is refused (no-token-key). */
export async function createOrganisation(owner: PrismaClient, input: NewOrganisation, sealer?: OrgTokenSealer): Promise<Organisation> {
  if (!ORG_ID_PATTERN.test(input.id) || input.id === DEFAULT_ORG) throw new OrganisationError(input.id === DEFAULT_ORG ? 'exists' : 'bad-id', input.id);
  const tokens = { telegram: input.telegramToken || undefined, zalo: input.zaloToken || undefined };
  if ((tokens.telegram || tokens.zalo) && !sealer) throw new OrganisationError('no-token-key', input.id);
  const seal = (kind: OrgTokenKind) => (tokens[kind] && sealer ? sealer.seal(tokens[kind], tokenContext(input.id, kind)) : null);
  try {
    await owner.organisation.create({
      data: { id: input.id, name: input.name, telegramToken: seal('telegram'), zaloToken: seal('zalo'), policy: input.policyText ?? null },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new OrganisationError('exists', input.id);
    throw e;
  }
  return {
    id: input.id,
    name: input.name,
    ...(tokens.telegram ? { telegramToken: tokens.telegram } : {}),
    ...(tokens.zalo ? { zaloToken: tokens.zalo } : {}),
    ...(input.policyText !== undefined ? { policyText: input.policyText } : {}),
  };
}

/**
 * Whether organisation `orgId` exists as `db` sees it: an application client sees its own organisation's row only
 * (row-level security), so this is also the check that the client was opened for a real organisation.
 */
export async function organisationExists(db: PrismaClient, orgId: string): Promise<boolean> {
  return (await db.organisation.count({ where: { id: orgId } })) > 0;
}

/** The policy text organisation `orgId` keeps (its own policy file), if any. */
export async function organisationPolicyText(db: PrismaClient, orgId: string): Promise<string | undefined> {
  return (await db.organisation.findFirst({ where: { id: orgId }, select: { policy: true } }))?.policy ?? undefined;
}
