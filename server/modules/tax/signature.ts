import { hkdfSync, timingSafeEqual } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';
import { canonicalJson } from '../../../shared/licences/canonical-json';
import type { ReturnComputation, ReturnFacts, ReturnInput, ReturnSignature } from '../../../shared/api/tax';
import type { TaxPeriod } from '../../../shared/tax/period';

/**
 * The filer's session signs a return: HMAC-SM3, keyed by a platform key derived from the data key
 * with its own label, over the SM3 digest of the canonical return content, the session id and the
 * time. It proves the platform received exactly this content from that session at that time; it
 * is not a personal digital signature (the filer holds no key of their own).
 */

export type SignedContent = {
  companyId: string;
  uscc: string;
  form: string;
  period: TaxPeriod;
  version: number;
  input: ReturnInput;
  facts: ReturnFacts;
  computation: ReturnComputation;
};

const keys = new WeakMap<Buffer, Uint8Array>();
const signingKey = (dataKey: Buffer): Uint8Array => {
  let k = keys.get(dataKey);
  if (!k) {
    k = new Uint8Array(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'shangtong/tax-return-signature/v1', 32));
    keys.set(dataKey, k);
  }
  return k;
};

/** As stored in jsonb: undefined members dropped, so signing and verifying see the same bytes. */
const asStored = (content: SignedContent): unknown => JSON.parse(JSON.stringify(content)) as unknown;

export const contentDigest = (content: SignedContent): string => sm3(canonicalJson(asStored(content)));

const mac = (dataKey: Buffer, digest: string, sessionId: string, signedAt: string): string =>
  sm3(canonicalJson({ contentDigest: digest, sessionId, signedAt }), {
    key: signingKey(dataKey),
    mode: 'hmac',
  });

export const signReturn = (
  dataKey: Buffer,
  content: SignedContent,
  sessionId: string,
  at: Date,
): ReturnSignature => {
  const digest = contentDigest(content);
  const signedAt = at.toISOString();
  return {
    algorithm: 'HMAC-SM3',
    contentDigest: digest,
    sessionId,
    signedAt,
    value: mac(dataKey, digest, sessionId, signedAt),
  };
};

/** True when the stored signature matches the stored content (nothing was altered since). */
export const verifyReturnSignature = (
  dataKey: Buffer,
  content: SignedContent,
  s: ReturnSignature,
): boolean => {
  const digest = contentDigest(content);
  if (digest !== s.contentDigest) return false;
  const expected = Buffer.from(mac(dataKey, digest, s.sessionId, s.signedAt), 'hex');
  const given = Buffer.from(s.value, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
};
