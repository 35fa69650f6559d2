// The OA webhook signature: `X-ZEvent-Signature: mac=<hex>` where hex = sha256(app_id + raw body + timestamp +
// OA secret key), a plain SHA-256 of the concatenation (not an HMAC). `timestamp` is the body's own `timestamp`
// field exactly as sent; the key is the "OA Secret Key" shown after linking the app to the OA, not the App Secret.
// Confirmed by three implementations and a quote of Zalo's docs (fact sheet §4); §11.3–11.5 are worked examples.
//
// The hash is over the bytes as received: re-serialising the parsed JSON would change them. Nothing in the body is
// acted on before the MAC matches; the only thing read first is the top-level `timestamp`, which is part of the MAC.
import { createHash, timingSafeEqual } from 'node:crypto';

export const OA_SIGNATURE_HEADER = 'x-zevent-signature';

export type OaSignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'no-timestamp' | 'mismatch' };

export interface OaSignatureKeys {
  appId: string;
  /** The OA Secret Key. */
  oaSecretKey: string;
}

/** The signature value for a body, as Zalo sends it (`mac=` + lowercase hex). The stand-in signs with it. */
export function signOaWebhook(rawBody: string | Uint8Array, timestamp: string, keys: OaSignatureKeys): string {
  return `mac=${macHex(toBuffer(rawBody), timestamp, keys)}`;
}

/**
 * Checks `header` against the raw body, in constant time. Accepts the value with or without `mac=` and in either
 * case of hex (implementations differ on the prefix).
 */
export function verifyOaSignature(rawBody: string | Uint8Array, header: string | readonly string[] | undefined, keys: OaSignatureKeys): OaSignatureCheck {
  const given = readOaSignatureHeader(header);
  if (!given.ok) return given;
  const body = toBuffer(rawBody);
  const timestamp = bodyTimestamp(body);
  if (timestamp === undefined) return { ok: false, reason: 'no-timestamp' };
  const expected = Buffer.from(macHex(body, timestamp, keys), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.hex, 'hex')) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/**
 * The header alone, before the body is read: a request with no signature, or one that cannot be a SHA-256, is refused
 * without reading its body (webhook.ts), as the Bot Platform's webhook refuses a wrong secret.
 */
export function readOaSignatureHeader(
  header: string | readonly string[] | undefined,
): { ok: true; hex: string } | { ok: false; reason: 'missing' | 'malformed' } {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'missing' };
  const hex = value.trim().replace(/^mac=/i, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? { ok: true, hex } : { ok: false, reason: 'malformed' };
}

function macHex(body: Buffer, timestamp: string, keys: OaSignatureKeys): string {
  return createHash('sha256').update(keys.appId, 'utf8').update(body).update(timestamp, 'utf8').update(keys.oaSecretKey, 'utf8').digest('hex');
}

function toBuffer(raw: string | Uint8Array): Buffer {
  return typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
}

/**
 * The top-level `timestamp` as its exact digits (a string in Zalo's bodies; a bare number is taken as written).
 * Undefined when the body is not a JSON object or has none.
 */
export function bodyTimestamp(body: Uint8Array): string | undefined {
  let parsed: unknown;
  try {
    // A 13-digit millisecond value is exact as a double, so the standard parser is enough here.
    parsed = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const ts = (parsed as Record<string, unknown>).timestamp;
  if (typeof ts === 'string' && /^\d{1,20}$/.test(ts)) return ts;
  if (typeof ts === 'number' && Number.isSafeInteger(ts) && ts >= 0) return String(ts);
  return undefined;
}
