import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, canonicalJsonBytes } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('orders keys by UTF-16 code units as RFC 8785 does', () => {
    // U+1F600 is stored as the surrogate pair D83D DE00, which sorts before U+FFFD.
    expect(canonicalJson({ '\uFFFD': 1, '😀': 2, é: 3, Z: 4, a: 5 })).toBe(
      '{"Z":4,"a":5,"é":3,"😀":2,"\uFFFD":1}',
    );
  });

  it('escapes strings exactly like JSON.stringify and keeps Chinese text as UTF-8', () => {
    const s = '营业执照 "quoted" \\ back\nline\u0001';
    expect(canonicalJson({ s })).toBe(`{"s":${JSON.stringify(s)}}`);
    expect(new TextDecoder().decode(canonicalJsonBytes('营'))).toBe('"营"');
    expect(canonicalJsonBytes('营')).toEqual(new Uint8Array([0x22, 0xe8, 0x90, 0xa5, 0x22]));
  });

  it('writes numbers in shortest round-trip form and -0 as 0', () => {
    expect(canonicalJson([1e21, 0.1, -0, 100, 1.5e-7])).toBe('[1e+21,0.1,0,100,1.5e-7]');
  });

  it.each([
    ['NaN', { a: Number.NaN }, 'a'],
    ['Infinity', { a: [1, Number.POSITIVE_INFINITY] }, 'a[1]'],
    ['undefined value', { a: { b: undefined } }, 'a.b'],
    ['undefined at root', undefined, ''],
    ['bigint', { a: 1n }, 'a'],
    ['function', { a: () => 1 }, 'a'],
    ['Date', { a: new Date(0) }, 'a'],
    ['Map', { a: new Map() }, 'a'],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the case under test
    ['array hole', { a: [1, , 3] }, 'a[1]'],
  ])('refuses %s', (_label, value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    try {
      canonicalJson(value);
    } catch (e) {
      expect((e as CanonicalJsonError).path).toBe(path);
    }
  });

  it('refuses cycles but accepts shared (acyclic) references', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/Cyclic/);
  });

  it('round-trips through JSON.parse and ignores key insertion order (property)', () => {
    // JSON has no -0: compare with the value as JSON itself round-trips it.
    const json = fc.jsonValue({ noUnicodeString: false });
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const reversed = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse())
            : v,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
