import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { buildQrUrl, encodeQrFragment, parseQrPayload, qrPayloadOf } from './qr-payload';
import { generateIssuerKeyPair, signLicence } from './signing';
import { sampleLicence } from './testing';

const keys = generateIssuerKeyPair();
const signed = signLicence(sampleLicence(), keys.privateKeyHex, 'gz-amr#1', {
  publicKeyHex: keys.publicKeyHex,
});
const b64 = (s: string) => Buffer.from(s).toString('base64url');

const parseError = (input: string): { code: string; zh: string } => {
  try {
    parseQrPayload(input);
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, zh: e.text.zh };
    throw e;
  }
  throw new Error('parsed');
};

describe('base64url', () => {
  it('matches the platform encoder and round-trips (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses padding, foreign characters, impossible lengths and non-zero trailing bits', () => {
    expect(decodeBase64Url('QQ==')).toBeNull();
    expect(decodeBase64Url('Q+')).toBeNull();
    expect(decodeBase64Url('QUJDR')).toBeNull();
    expect(decodeBase64Url('QR')).toBeNull(); // "QQ" is the canonical spelling of "A"
    expect(decodeBase64Url('QQ')).toEqual(new Uint8Array([65]));
  });
});

describe('QR payload', () => {
  it('builds a verification-page URL that parses back to the seal, signature and key id', () => {
    const url = buildQrUrl(signed, 'https://st.example.cn/');
    expect(url).toMatch(/^https:\/\/st\.example\.cn\/v\/#1\.[A-Za-z0-9_-]+$/);
    expect(url.length).toBeLessThan(600);
    const p = parseQrPayload(url);
    expect(p).toEqual(qrPayloadOf(signed));
    expect(p).toMatchObject({
      id: signed.document.id,
      v: 1,
      k: 'gz-amr#1',
      s: signed.signature,
      h: signed.document.holder.uscc,
      u: null,
    });
  });

  it('accepts the bare fragment, with or without #, and surrounding whitespace', () => {
    const fragment = encodeQrFragment(qrPayloadOf(signed));
    expect(parseQrPayload(fragment)).toEqual(qrPayloadOf(signed));
    expect(parseQrPayload(`  #${fragment}\n`)).toEqual(qrPayloadOf(signed));
  });

  it.each([
    ['empty', ''],
    ['another site', 'https://example.com/login#1.abc'],
    ['no fragment', 'https://st.example.cn/v/'],
    ['bad URL', 'https://exa mple.com:99999/v/#1.x'],
    ['unknown version', `2.${b64('{}')}`],
    ['no version', b64('{}')],
    ['bad base64', '1.@@@'],
    ['not JSON', `1.${b64('not json')}`],
    ['not UTF-8', `1.${Buffer.from([0xff, 0xfe]).toString('base64url')}`],
    ['missing fields', `1.${b64('{"id":"x"}')}`],
    ['extra field', `1.${b64(JSON.stringify({ ...qrPayloadOf(signed), x: 1 }))}`],
    ['bad signature hex', `1.${b64(JSON.stringify({ ...qrPayloadOf(signed), s: 'xyz' }))}`],
    ['too long', `1.${'A'.repeat(3000)}`],
  ])('reports MALFORMED_QR for %s', (_label, input) => {
    const e = parseError(input);
    expect(e.code).toBe('MALFORMED_QR');
    expect(e.zh.length).toBeGreaterThan(0);
  });
});
