import { describe, expect, it } from 'vitest';
import { makeUscc } from '../identifiers/generate';
import { buildLicenceId } from '../identifiers/licence-id';
import { licenceTypeByKey } from './catalogue';
import { type LicenceDocument, type SignedLicence } from './document';
import { issuingAuthorityByKey } from './issuing-authorities';
import { buildQrUrl, encodeQrFragment, qrPayloadOf } from './qr-payload';
import { generateIssuerKeyPair, signLicence } from './signing';
import { sampleLicence } from './testing';
import { type VerifyContext, verifyLicence } from './verify';

const amrKeys = generateIssuerKeyPair();
const otherAmrKeys = generateIssuerKeyPair();
const healthKeys = generateIssuerKeyPair();
const issuers = [
  { keyId: 'gz-amr#1', issuerKey: 'gz-amr', publicKeyHex: amrKeys.publicKeyHex },
  { keyId: 'gz-amr#2', issuerKey: 'gz-amr', publicKeyHex: otherAmrKeys.publicKeyHex },
  { keyId: 'gz-health#1', issuerKey: 'gz-health', publicKeyHex: healthKeys.publicKeyHex },
];
const ctx = (over: Partial<VerifyContext> = {}): VerifyContext => ({
  issuers,
  revoked: () => false,
  now: '2025-06-01T04:00:00Z',
  ...over,
});
const sign = (doc: LicenceDocument, keys = amrKeys, keyId = 'gz-amr#1'): SignedLicence =>
  signLicence(doc, keys.privateKeyHex, keyId, { publicKeyHex: keys.publicKeyHex });

const bl = sampleLicence();
const food = sampleLicence({ typeKey: 'food-business', validUntil: '2029-05-31' });
const signedBl = sign(bl);
const signedFood = sign(food);

const withDoc = (s: SignedLicence, change: (d: LicenceDocument) => LicenceDocument): SignedLicence => ({
  ...s,
  document: change(structuredClone(s.document)),
});

describe('verifyLicence on a signed document', () => {
  it('accepts a genuine licence and names its issuer', () => {
    const r = verifyLicence(signedBl, ctx());
    expect(r.verdict).toBe('valid');
    expect(r.revocationChecked).toBe(true);
    expect(r.issuer).toEqual({
      key: 'gz-amr',
      name: issuingAuthorityByKey('gz-amr')?.name,
      uscc: bl.issuer.uscc,
    });
    expect(r.document).toEqual(bl);
    expect(r.reasons.at(-1)?.zh).toContain('长期有效');
  });

  const otherUscc = makeUscc({ division: '440106', orgBody: 'T9000002' });
  const tamperings: [string, (d: LicenceDocument) => LicenceDocument][] = [
    ['a field value', (d) => ({ ...d, fields: { ...d.fields, legalRepresentative: '林晓明 ' } })],
    ['the registered capital', (d) => ({ ...d, fields: { ...d.fields, registeredCapital: '10000000.00' } })],
    ['an added field', (d) => ({ ...d, fields: { ...d.fields, note: 'x' } })],
    ['a removed field', (d) => ({ ...d, fields: Object.fromEntries(Object.entries(d.fields).slice(1)) })],
    ['a list item', (d) => ({ ...d, fields: { ...d.fields, businessScope: ['日用百货销售'] } })],
    ['the holder name', (d) => ({ ...d, holder: { ...d.holder, name: '广州另一家有限公司' } })],
    ['the holder USCC', (d) => ({ ...d, holder: { ...d.holder, uscc: otherUscc } })],
    ['the issuer name', (d) => ({ ...d, issuer: { ...d.issuer, name: '别的机关' } })],
    ['the issuer key', (d) => ({ ...d, issuer: { ...d.issuer, key: 'gd-amr' } })],
    ['the issue time', (d) => ({ ...d, issuedAt: '2024-06-01T02:00:01Z' })],
    ['validFrom', (d) => ({ ...d, validFrom: '2024-05-31' })],
    ['validUntil', (d) => ({ ...d, validUntil: '2099-12-31' })],
    ['the version', (d) => ({ ...d, version: 2 })],
    [
      'the identifier',
      (d) => ({
        ...d,
        id: buildLicenceId({
          typeCode: d.typeCode,
          issuerUscc: d.issuer.uscc,
          serial: '20240000002',
          version: 1,
        }),
      }),
    ],
    ['the type code', (d) => ({ ...d, typeCode: licenceTypeByKey('food-production')?.code ?? '' })],
  ];
  it.each(tamperings)('reports tampering with %s', (_label, change) => {
    const r = verifyLicence(withDoc(signedBl, change), ctx());
    expect(r.verdict).toBe('tampered');
    expect(r.reasons.at(-1)?.en).toMatch(/Signature check failed/);
  });

  it('ignores the registry status, which is not signed', () => {
    expect(
      verifyLicence(
        withDoc(signedBl, (d) => ({ ...d, status: 'active' })),
        ctx(),
      ).verdict,
    ).toBe('valid');
  });

  it('reports tampering when the signature or the key id is swapped for another known key', () => {
    const flipped = signedBl.signature.slice(0, -1) + (signedBl.signature.endsWith('0') ? '1' : '0');
    expect(verifyLicence({ ...signedBl, signature: flipped }, ctx()).verdict).toBe('tampered');
    expect(verifyLicence({ ...signedBl, publicKeyId: 'gz-amr#2' }, ctx()).verdict).toBe('tampered');
    expect(verifyLicence({ ...signedBl, signature: signedFood.signature }, ctx()).verdict).toBe('tampered');
  });

  it('reports an unknown issuer for an unpublished key or a key of another authority', () => {
    expect(verifyLicence({ ...signedBl, publicKeyId: 'gz-amr#9' }, ctx()).verdict).toBe('unknown-issuer');
    expect(verifyLicence(signedBl, ctx({ issuers: [] })).verdict).toBe('unknown-issuer');
    // The health commission's genuine key signing a licence that claims the market regulator.
    const forged = sign(bl, healthKeys, 'gz-health#1');
    const r = verifyLicence(forged, ctx());
    expect(r.verdict).toBe('unknown-issuer');
    expect(r.issuer?.key).toBe('gz-health');
  });

  it('reports expiry by China date, after checking the signature', () => {
    const short = sign(sampleLicence({ typeKey: 'food-business', validUntil: '2025-05-31' }));
    expect(verifyLicence(short, ctx({ now: '2025-05-31T15:59:59Z' })).verdict).toBe('valid');
    const r = verifyLicence(short, ctx({ now: '2025-05-31T16:00:00Z' }));
    expect(r.verdict).toBe('expired');
    expect(r.state?.state).toBe('expired');
    expect(r.reasons.at(-1)?.zh).toContain('2025-05-31');
    const expiring = verifyLicence(
      sign(sampleLicence({ typeKey: 'food-business', validUntil: '2025-07-01' })),
      ctx(),
    );
    expect(expiring.verdict).toBe('valid');
    expect(expiring.state?.state).toBe('expiring');
  });

  it('reports a licence whose validity has not begun', () => {
    const future = sign(sampleLicence({ validFrom: '2025-07-01' }));
    expect(verifyLicence(future, ctx()).verdict).toBe('not-yet-valid');
  });

  it('reports revocation before expiry, and says when revocation is unknown', () => {
    const revokedIds: string[] = [];
    const r = verifyLicence(signedBl, ctx({ revoked: (id, v) => (revokedIds.push(`${id}@${v}`), true) }));
    expect(r.verdict).toBe('revoked');
    expect(revokedIds).toEqual([`${bl.id}@1`]);
    const short = sign(
      sampleLicence({ typeKey: 'food-business', validUntil: '2020-01-01', validFrom: '2019-01-01' }),
    );
    expect(verifyLicence(short, ctx({ revoked: () => true })).verdict).toBe('revoked');
    const offline = verifyLicence(signedBl, ctx({ revoked: () => undefined }));
    expect(offline).toMatchObject({ verdict: 'valid', revocationChecked: false });
    expect(offline.reasons.some((x) => x.en.includes('Revocation could not be checked'))).toBe(true);
  });

  it('reports malformed input without throwing', () => {
    const bad: unknown[] = [
      null,
      'not a qr',
      { ...signedBl, algorithm: 'RSA' },
      { ...signedBl, extra: 1 },
      withDoc(signedBl, (d) => ({ ...d, id: d.id.slice(0, -1) + (d.id.endsWith('A') ? 'B' : 'A') })),
      withDoc(signedBl, (d) => ({ ...d, validUntil: '2025-02-30' })),
      withDoc(signedBl, (d) => ({ ...d, holder: { ...d.holder, uscc: '91350100M0001TGQXM' } })),
    ];
    for (const input of bad) {
      const r = verifyLicence(input as SignedLicence, ctx());
      expect(r.verdict, JSON.stringify(input)?.slice(0, 60)).toBe('malformed');
      expect(r.reasons.length).toBeGreaterThan(0);
    }
  });

  it('reports a genuinely signed but self-contradictory document as malformed', () => {
    // The issuer signed a version-2 document under a version-1 identifier.
    const doc = { ...bl, version: 2 };
    expect(verifyLicence(sign(doc), ctx()).verdict).toBe('malformed');
  });
});

describe('verifyLicence on a scanned QR code', () => {
  const url = buildQrUrl(signedFood, 'https://st.example.cn');

  it('verifies the seal offline against the published key', () => {
    const r = verifyLicence(url, ctx());
    expect(r).toMatchObject({
      verdict: 'valid',
      issuer: { key: 'gz-amr' },
      seal: { id: food.id, v: 1, u: '2029-05-31', h: food.holder.uscc },
    });
    expect(r.document).toBeUndefined();
  });

  it('detects a changed expiry, holder or identifier in the QR data', () => {
    const p = qrPayloadOf(signedFood);
    const other = buildLicenceId({
      typeCode: food.typeCode,
      issuerUscc: food.issuer.uscc,
      serial: '99',
      version: 1,
    });
    for (const changed of [
      { ...p, u: '2035-05-31' },
      { ...p, h: makeUscc({ division: '440106', orgBody: 'T9000003' }) },
      { ...p, id: other },
    ]) {
      expect(verifyLicence(encodeQrFragment(changed), ctx()).verdict).toBe('tampered');
    }
  });

  it('reports expired, revoked, unknown-issuer and malformed codes', () => {
    expect(verifyLicence(url, ctx({ now: '2029-06-01T04:00:00Z' })).verdict).toBe('expired');
    expect(verifyLicence(url, ctx({ revoked: () => true })).verdict).toBe('revoked');
    expect(verifyLicence(url, ctx({ issuers: issuers.slice(1) })).verdict).toBe('unknown-issuer');
    const r = verifyLicence('https://st.example.cn/v/#1.AAAA', ctx());
    expect(r.verdict).toBe('malformed');
    expect(r.reasons[0]?.zh).toBeTruthy();
  });
});
