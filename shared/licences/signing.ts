import { sm2, sm3 } from 'sm-crypto-v2';
import { canonicalJsonBytes } from './canonical-json';
import { LicenceDocument, SIGNATURE_ALGORITHM, type SignedLicence, signedBody } from './document';

/**
 * SM2 signatures (GB/T 32918.2) with SM3 over Z‖M, Z computed from the signer's public key and
 * the standard's default user id, as GB/T 35276 prescribes when no other id is agreed.
 *
 * What is signed is a small "seal" statement, not the document text itself:
 *   seal = canonicalJson({ d: SM3(canonicalJson(document minus status)), h: holder USCC,
 *                          id, u: validUntil, v: version })
 * The digest `d` binds every field of the document; repeating id, version, holder and expiry
 * lets a QR code carry the seal and its signature alone (see qr-payload.ts) and still be checked
 * offline against the published issuer keys, without the full document.
 */

export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** Order n of the SM2 recommended curve; r and s must lie in [1, n-1]. */
const CURVE_ORDER = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

export type IssuerKeyPair = { privateKeyHex: string; publicKeyHex: string };

/** A fresh key pair; the public key is uncompressed: `04` + x + y, 130 hex digits. */
export const generateIssuerKeyPair = (): IssuerKeyPair => {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKeyHex: privateKey, publicKeyHex: publicKey };
};

export const publicKeyFromPrivateKey = (privateKeyHex: string): string =>
  sm2.getPublicKeyFromPrivateKey(privateKeyHex);

/** True for an uncompressed public key that is a point on the SM2 curve. */
export const isValidPublicKey = (publicKeyHex: string): boolean => {
  if (!/^04[0-9a-fA-F]{128}$/.test(publicKeyHex)) return false;
  try {
    return sm2.verifyPublicKey(publicKeyHex);
  } catch {
    return false;
  }
};

/** SM3 of the canonical JSON of the signed body, 64 lower-case hex digits. */
export const digestDocument = (doc: LicenceDocument): string => sm3(canonicalJsonBytes(signedBody(doc)));

export type Seal = { d: string; h: string; id: string; u: string | null; v: number };

export const sealOf = (doc: LicenceDocument): Seal => ({
  d: digestDocument(doc),
  h: doc.holder.uscc,
  id: doc.id,
  u: doc.validUntil,
  v: doc.version,
});

export const sealBytes = (seal: Seal): Uint8Array =>
  canonicalJsonBytes({ d: seal.d, h: seal.h, id: seal.id, u: seal.u, v: seal.v });

/**
 * Precomputing a key's multiples costs ~60 ms and makes each later verification ~4x faster, so
 * it pays only for keys seen repeatedly (a server checking many licences of one issuer), not for
 * a phone checking one QR code. The cache is small, keyed by the public key itself, and holds
 * only keys already checked to be on the curve, so that check is not repeated either.
 */
type Precomputed = ReturnType<typeof sm2.precomputePublicKey>;
const PRECOMPUTE_AFTER_USES = 8;
const CACHE_LIMIT = 64;
const keyCache = new Map<string, { uses: number; point?: Precomputed }>();

/** The key in the form the library verifies with, or null when it is not a valid public key. */
const verifierKey = (publicKeyHex: string): string | Precomputed | null => {
  let entry = keyCache.get(publicKeyHex);
  if (!entry) {
    if (!isValidPublicKey(publicKeyHex)) return null;
    if (keyCache.size >= CACHE_LIMIT) {
      const oldest = keyCache.keys().next();
      if (!oldest.done) keyCache.delete(oldest.value);
    }
    entry = { uses: 0 };
    keyCache.set(publicKeyHex, entry);
  }
  entry.uses += 1;
  if (!entry.point && entry.uses >= PRECOMPUTE_AFTER_USES)
    entry.point = sm2.precomputePublicKey(publicKeyHex);
  return entry.point ?? publicKeyHex;
};

/** SM2 signature (r‖s hex) of `message`; pass the public key when known to skip deriving it. */
export const sm2Sign = (message: Uint8Array, privateKeyHex: string, publicKeyHex?: string): string =>
  sm2.doSignature(message, privateKeyHex, {
    hash: true,
    der: false,
    userId: SM2_DEFAULT_USER_ID,
    publicKey: publicKeyHex ?? publicKeyFromPrivateKey(privateKeyHex),
  });

/** False (never throws) for a malformed signature or key, as well as for a wrong one. */
export const sm2Verify = (message: Uint8Array, signatureHex: string, publicKeyHex: string): boolean => {
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  const r = BigInt(`0x${signatureHex.slice(0, 64)}`);
  const s = BigInt(`0x${signatureHex.slice(64)}`);
  if (r < 1n || r >= CURVE_ORDER || s < 1n || s >= CURVE_ORDER) return false;
  try {
    const key = verifierKey(publicKeyHex);
    if (key === null) return false;
    return sm2.doVerifySignature(message, signatureHex, key, {
      hash: true,
      der: false,
      userId: SM2_DEFAULT_USER_ID,
    });
  } catch {
    return false;
  }
};

/**
 * Signs a licence document. The document is parsed first so what is signed is exactly what
 * every verifier will parse (unknown keys refused, status stripped from the hash).
 */
export const signLicence = (
  doc: LicenceDocument,
  privateKeyHex: string,
  keyId: string,
  options: { publicKeyHex?: string } = {},
): SignedLicence => {
  const document = LicenceDocument.parse(doc);
  const signature = sm2Sign(sealBytes(sealOf(document)), privateKeyHex, options.publicKeyHex);
  return { document, signature, algorithm: SIGNATURE_ALGORITHM, publicKeyId: keyId };
};

export const verifySealSignature = (seal: Seal, signatureHex: string, publicKeyHex: string): boolean =>
  sm2Verify(sealBytes(seal), signatureHex, publicKeyHex);

/** Signature check only; expiry, revocation and issuer identity are verify.ts's business. */
export const verifyLicenceSignature = (signed: SignedLicence, publicKeyHex: string): boolean => {
  const parsed = LicenceDocument.safeParse(signed.document);
  if (!parsed.success) return false;
  return verifySealSignature(sealOf(parsed.data), signed.signature, publicKeyHex);
};
