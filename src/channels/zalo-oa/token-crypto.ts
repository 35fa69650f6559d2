// OA tokens at rest: AES-256-GCM with a key from the environment. A sealed token is one line of text,
// `zoa1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts), so a text column holds it and the key id says which key
// opens it: a new key can be introduced while rows sealed with the old one are still read (then re-sealed).
//
// The `context` (e.g. "oa:3881328087880864500:refresh") is bound as associated data: a sealed value copied into
// another row or column does not open there.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KEY_ID, TokenKeyError, type TokenKeyring } from '../../config/token-keyring.js';

const FORMAT = 'zoa1';

/** A sealed value that does not open: the wrong key, another row's value, or altered bytes. */
export class TokenDecryptError extends Error {
  override readonly name = 'TokenDecryptError';
}

export interface TokenCipher {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /** The id of the key that sealed `sealed`, e.g. to re-seal values still under an old key. */
  keyIdOf(sealed: string): string;
  /** Whether `sealed` is under another key than the current one. */
  needsResealing(sealed: string): boolean;
}

export function createTokenCipher(keyring: TokenKeyring): TokenCipher {
  const current = keyring.keys.get(keyring.currentId);
  if (!current || current.length !== 32) throw new TokenKeyError(`the current key "${keyring.currentId}" must be 32 bytes`);

  function parts(sealed: string): { id: string; iv: Buffer; data: Buffer; tag: Buffer } {
    const p = sealed.split('.');
    if (p.length !== 5 || p[0] !== FORMAT || !KEY_ID.test(p[1] ?? '')) throw new TokenDecryptError('not a sealed OA token');
    const [, id, iv, data, tag] = p as [string, string, string, string, string];
    const decoded = { id, iv: Buffer.from(iv, 'base64url'), data: Buffer.from(data, 'base64url'), tag: Buffer.from(tag, 'base64url') };
    if (decoded.iv.length !== 12 || decoded.tag.length !== 16) throw new TokenDecryptError('not a sealed OA token');
    return decoded;
  }

  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [FORMAT, keyring.currentId, iv.toString('base64url'), data.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed, context) {
      const { id, iv, data, tag } = parts(sealed);
      const key = keyring.keys.get(id);
      if (!key) throw new TokenDecryptError(`sealed with key "${id}", which is not configured (ZALO_OA_TOKEN_KEY / ZALO_OA_TOKEN_OLD_KEYS)`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenDecryptError(
          `cannot open a token sealed with key "${id}": the key is not the one it was sealed with, or the value was altered or belongs elsewhere`,
        );
      }
    },
    keyIdOf: (sealed) => parts(sealed).id,
    needsResealing: (sealed) => parts(sealed).id !== keyring.currentId,
  };
}
