import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { signedBody } from './document';
import {
  digestDocument,
  generateIssuerKeyPair,
  isValidPublicKey,
  publicKeyFromPrivateKey,
  sealBytes,
  sealOf,
  signLicence,
  sm2Sign,
  sm2Verify,
  SM2_DEFAULT_USER_ID,
  verifyLicenceSignature,
} from './signing';
import { sampleLicence } from './testing';

/**
 * Published example on the SM2 recommended curve: GM/T 0003.5-2012 (= GB/T 32918.5-2017)
 * Annex A, "数字签名与验证示例": message "message digest", user id "1234567812345678".
 * The same numbers are used by OpenSSL's sm2_internal_test.c, GmSSL and other SM2 suites.
 */
const VECTOR = {
  privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicKey:
    '04' +
    '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
    'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  message: 'message digest',
  z: 'b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3',
  e: 'f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640',
  k: '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21',
  signature:
    'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' +
    'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('SM2 against the GM/T 0003.5 Annex A example', () => {
  it('derives the published public key, Z value and message hash', () => {
    expect(publicKeyFromPrivateKey(VECTOR.privateKey)).toBe(VECTOR.publicKey);
    expect(SM2_DEFAULT_USER_ID).toBe('1234567812345678');
    expect(Buffer.from(sm2.getZ(VECTOR.publicKey, SM2_DEFAULT_USER_ID)).toString('hex')).toBe(VECTOR.z);
    expect(
      sm2.getHash(Buffer.from(VECTOR.message).toString('hex'), VECTOR.publicKey, SM2_DEFAULT_USER_ID),
    ).toBe(VECTOR.e);
  });

  it('verifies the published signature and rejects it for another message or key', () => {
    expect(sm2Verify(utf8(VECTOR.message), VECTOR.signature, VECTOR.publicKey)).toBe(true);
    expect(sm2Verify(utf8('message digesT'), VECTOR.signature, VECTOR.publicKey)).toBe(false);
    expect(sm2Verify(utf8(VECTOR.message), VECTOR.signature, generateIssuerKeyPair().publicKeyHex)).toBe(
      false,
    );
  });

  it('reproduces the published signature from the published nonce k', () => {
    // x1 of k·G is the x coordinate of the "public key" of k.
    const x1 = BigInt(`0x${publicKeyFromPrivateKey(VECTOR.k).slice(2, 66)}`);
    const sig = sm2.doSignature(utf8(VECTOR.message), VECTOR.privateKey, {
      hash: true,
      userId: SM2_DEFAULT_USER_ID,
      publicKey: VECTOR.publicKey,
      pointPool: [{ k: BigInt(`0x${VECTOR.k}`), x1 }],
    });
    expect(sig).toBe(VECTOR.signature);
  });

  it('signs so that the published key verifies (randomised nonce)', () => {
    const sig = sm2Sign(utf8(VECTOR.message), VECTOR.privateKey);
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(sig).not.toBe(VECTOR.signature);
    expect(sm2Verify(utf8(VECTOR.message), sig, VECTOR.publicKey)).toBe(true);
  });

  it('returns false rather than throwing for malformed signatures and keys', () => {
    const m = utf8(VECTOR.message);
    expect(sm2Verify(m, VECTOR.signature.slice(2), VECTOR.publicKey)).toBe(false);
    expect(sm2Verify(m, 'zz' + VECTOR.signature.slice(2), VECTOR.publicKey)).toBe(false);
    expect(sm2Verify(m, '0'.repeat(128), VECTOR.publicKey)).toBe(false);
    // r = n is out of range even though the hex is well formed.
    expect(
      sm2Verify(
        m,
        'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123' + VECTOR.signature.slice(64),
        VECTOR.publicKey,
      ),
    ).toBe(false);
    expect(sm2Verify(m, VECTOR.signature, '04' + '1'.repeat(128))).toBe(false);
    expect(isValidPublicKey(VECTOR.publicKey)).toBe(true);
    expect(isValidPublicKey(VECTOR.publicKey.slice(2))).toBe(false);
  });

  it('keeps verifying correctly once a frequently used key is precomputed', () => {
    const m = utf8(VECTOR.message);
    for (let i = 0; i < 12; i += 1) {
      expect(sm2Verify(m, VECTOR.signature, VECTOR.publicKey)).toBe(true);
      expect(sm2Verify(utf8(`x${i}`), VECTOR.signature, VECTOR.publicKey)).toBe(false);
    }
  });
});

describe('licence signing', () => {
  const keys = generateIssuerKeyPair();

  it('digests the canonical JSON of the document without its status', () => {
    const doc = sampleLicence();
    const digest = digestDocument(doc);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digestDocument({ ...doc, status: 'revoked' })).toBe(digest);
    const reversed = JSON.parse(JSON.stringify(doc), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as typeof doc;
    expect(Object.keys(reversed)[0]).toBe('validUntil');
    expect(digestDocument(reversed)).toBe(digest);
    expect(digestDocument({ ...doc, holder: { ...doc.holder, name: doc.holder.name + ' ' } })).not.toBe(
      digest,
    );
    expect(canonicalJson(signedBody(doc))).not.toContain('status');
  });

  it('signs the seal statement and verifies with the issuer key only', () => {
    const doc = sampleLicence();
    const signed = signLicence(doc, keys.privateKeyHex, 'gz-amr#1', { publicKeyHex: keys.publicKeyHex });
    expect(signed).toMatchObject({ algorithm: 'SM2-SM3', publicKeyId: 'gz-amr#1' });
    expect(sm2Verify(sealBytes(sealOf(doc)), signed.signature, keys.publicKeyHex)).toBe(true);
    expect(verifyLicenceSignature(signed, keys.publicKeyHex)).toBe(true);
    expect(verifyLicenceSignature(signed, generateIssuerKeyPair().publicKeyHex)).toBe(false);
    const changed = {
      ...signed,
      document: { ...signed.document, fields: { ...signed.document.fields, legalRepresentative: '王五' } },
    };
    expect(verifyLicenceSignature(changed, keys.publicKeyHex)).toBe(false);
  });

  it('refuses to sign a document the schema rejects', () => {
    const doc = { ...sampleLicence(), extra: 'x' };
    expect(() => signLicence(doc, keys.privateKeyHex, 'k')).toThrow();
  });
});
