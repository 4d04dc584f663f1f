import { describe, expect, it } from 'vitest';
import { generateIssuerKeyPair } from '../licences/signing';
import { buildSealCms, type SealStatement } from './cms';
import { sealPdf } from './pdf-sign';
import { findSealSignatures } from './pdf-verify';
import { minimalPdf } from './testing';

const key = generateIssuerKeyPair();
const statement: SealStatement = {
  sealId: 'test-seal-id',
  sealName: '广州市测试科技有限公司',
  holderUscc: '91440101MA5TEST000',
  signatureId: '00000000-0000-4000-8000-000000000001',
  signer: { name: '陈*明', residentIdMasked: '4401**********1234' },
  page: 1,
  rect: [100, 100, 220, 220],
  publicKeyHex: key.publicKeyHex,
};
const at = new Date('2026-03-01T02:00:00Z');

const sign = (pdf: Uint8Array, page = 1, k = key) =>
  sealPdf({
    pdf,
    placement: { page, x: 100, y: 100, size: 120 },
    sealCode: '4401060012345',
    fieldName: 'Seal1',
    signedAt: at,
    cms: (digestHex) =>
      buildSealCms({
        digestHex,
        signedAt: at,
        statement,
        privateKeyHex: k.privateKeyHex,
        publicKeyHex: k.publicKeyHex,
      }),
  });

describe('PDF seal signature', () => {
  it('signs the whole file and verifies with the seal key', () => {
    const out = sign(minimalPdf(2), 2);
    const [sig, ...rest] = findSealSignatures(out.pdf);
    expect(rest).toHaveLength(0);
    expect(sig!.intact).toBe(true);
    expect(sig!.coversWholeFile).toBe(true);
    expect(sig!.cms!.statement.sealId).toBe('test-seal-id');
    expect(sig!.cms!.signedAt.toISOString()).toBe(at.toISOString());
    expect(sig!.cms!.verifies(key.publicKeyHex)).toBe(true);
    expect(sig!.cms!.verifies(generateIssuerKeyPair().publicKeyHex)).toBe(false);
    // The original bytes are unchanged at the start (incremental update).
    const original = minimalPdf(2);
    expect(out.pdf.subarray(0, original.length)).toEqual(original);
  });

  it('detects a changed byte and an appended update', () => {
    const out = sign(minimalPdf());
    const tampered = out.pdf.slice();
    tampered[20] = tampered[20]! ^ 1;
    expect(findSealSignatures(tampered)[0]!.intact).toBe(false);
    const appended = new Uint8Array([...out.pdf, ...new TextEncoder().encode('% more\n')]);
    const [sig] = findSealSignatures(appended);
    expect(sig!.intact).toBe(true);
    expect(sig!.coversWholeFile).toBe(false);
  });

  it('signs a signed PDF again; both signatures stay intact', () => {
    const twice = sign(sign(minimalPdf()).pdf);
    const sigs = findSealSignatures(twice.pdf);
    expect(sigs.map((s) => [s.intact, s.coversWholeFile])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('refuses what is not a PDF, an encrypted one and a page that does not exist', () => {
    expect(() => sign(new TextEncoder().encode('hello'))).toThrow(
      expect.objectContaining({ code: 'SEAL_NOT_PDF' }),
    );
    const enc = new TextDecoder('latin1')
      .decode(minimalPdf())
      .replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 9 0 R');
    expect(() => sign(Uint8Array.from(enc, (c) => c.charCodeAt(0)))).toThrow(
      expect.objectContaining({ code: 'SEAL_PDF_ENCRYPTED' }),
    );
    expect(() => sign(minimalPdf(), 3)).toThrow(expect.objectContaining({ code: 'SEAL_PAGE_OUT_OF_RANGE' }));
  });
});
