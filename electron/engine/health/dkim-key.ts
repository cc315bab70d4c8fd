/**
 * Reading a DKIM key record (RFC 6376 §3.6.1, RFC 8463): the tag list, `v=DKIM1` when present,
 * the key type (`k=`, default rsa) and the public key (`p=`, base64). RSA keys are
 * SubjectPublicKeyInfo (some publishers use a bare PKCS#1 RSAPublicKey, accepted too), parsed with
 * node:crypto for their size; Ed25519 keys are the 32 raw key bytes. Pure.
 */
import { createPublicKey } from 'node:crypto';
import { parseTagList } from './tags.ts';

export type DkimKey =
  | { ok: true; type: 'rsa'; bits: number; testing: boolean; key: string }
  | { ok: true; type: 'ed25519'; bits: 256; testing: boolean; key: string }
  | { ok: true; type: 'revoked'; testing: boolean; key: '' }
  | { ok: false; reason: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function rsaBits(der: Buffer): number | null {
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      const key = createPublicKey({ key: der, format: 'der', type });
      if (key.asymmetricKeyType !== 'rsa') return null;
      return key.asymmetricKeyDetails?.modulusLength ?? null;
    } catch {
      // try the next encoding
    }
  }
  return null;
}

/** Whether a TXT record looks like a DKIM key record (has a `p=` tag or starts with v=DKIM1). */
export function looksLikeDkim(text: string): boolean {
  return /^\s*v\s*=\s*DKIM1\b/i.test(text) || /(^|;)\s*p\s*=/i.test(text);
}

export function parseDkimKey(text: string): DkimKey {
  const list = parseTagList(text);
  if (!list.ok) return { ok: false, reason: `syntax: ${list.part.trim().slice(0, 60)}` };
  const { tags, order } = list;
  const version = tags.get('v');
  if (version !== undefined && (version !== 'DKIM1' || order[0] !== 'v')) {
    return { ok: false, reason: `v=${version}` };
  }
  const p = tags.get('p');
  if (p === undefined) return { ok: false, reason: 'no p=' };
  const testing = (tags.get('t') ?? '').split(':').some((flag) => flag.trim() === 'y');
  const key = p.replace(/\s+/g, '');
  if (key === '') return { ok: true, type: 'revoked', testing, key: '' };
  if (!BASE64.test(key)) return { ok: false, reason: 'p= is not base64' };
  const der = Buffer.from(key, 'base64');
  const type = (tags.get('k') ?? 'rsa').toLowerCase();
  if (type === 'ed25519') {
    return der.length === 32
      ? { ok: true, type: 'ed25519', bits: 256, testing, key }
      : { ok: false, reason: `ed25519 key of ${der.length} bytes` };
  }
  if (type !== 'rsa') return { ok: false, reason: `k=${type}` };
  const bits = rsaBits(der);
  return bits === null
    ? { ok: false, reason: 'p= is not an RSA public key' }
    : { ok: true, type: 'rsa', bits, testing, key };
}
