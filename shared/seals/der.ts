/**
 * The few DER (X.690) shapes the seal signature needs: enough to write a CMS SignedData
 * (GM/T 0010 profile, SM2/SM3 object identifiers) and to read it back. Not a general ASN.1 library.
 */

export type Tlv = { tag: number; bytes: Uint8Array; start: number; end: number };

const lengthBytes = (n: number): number[] => {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
};

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export const tlv = (tag: number, ...content: readonly Uint8Array[]): Uint8Array => {
  const body = concat(content);
  return concat([Uint8Array.of(tag, ...lengthBytes(body.length)), body]);
};

export const seq = (...items: Uint8Array[]): Uint8Array => tlv(0x30, ...items);
/** A SET OF; DER sorts the encodings. */
export const set = (...items: Uint8Array[]): Uint8Array => {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
  return tlv(0x31, ...sorted);
};
export const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
export const utf8 = (s: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(s));
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 + n, inner);

/** Non-negative integer from big-endian bytes (a leading 0 added when the high bit is set). */
export const integerBytes = (b: Uint8Array): Uint8Array => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i += 1;
  const trimmed = b.subarray(i);
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
};
export const integer = (n: number): Uint8Array => {
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return integerBytes(Uint8Array.from(bytes.length ? bytes : [0]));
};

export const oid = (dotted: string): Uint8Array => {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
};

export const oidText = (content: Uint8Array): string => {
  const first = content[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let v = 0;
  for (const b of content.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
};

/** UTCTime (YYMMDDHHMMSSZ) for 1950–2049, as CMS signing-time requires. */
export const utcTime = (d: Date): Uint8Array => {
  const iso = d.toISOString();
  const s = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, new TextEncoder().encode(s));
};

export const parseUtcTime = (content: Uint8Array): Date | undefined => {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(new TextDecoder().decode(content));
  if (!m) return undefined;
  const yy = Number(m[1]);
  return new Date(`${yy < 50 ? 2000 + yy : 1900 + yy}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
};

/** Reads one TLV at `at`; throws on truncated input (callers treat that as "not a signature"). */
export const readTlv = (buf: Uint8Array, at = 0): Tlv => {
  const tag = buf[at];
  let len = buf[at + 1];
  if (tag === undefined || len === undefined) throw new Error('DER truncated');
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('DER length unsupported');
    len = 0;
    for (let i = 0; i < n; i += 1) len = len * 256 + (buf[p + i] ?? 0);
    p += n;
  }
  if (p + len > buf.length) throw new Error('DER truncated');
  return { tag, bytes: buf.subarray(p, p + len), start: at, end: p + len };
};

/** The children of a constructed value. */
export const children = (t: Tlv): Tlv[] => {
  const out: Tlv[] = [];
  for (let at = 0; at < t.bytes.length;) {
    const c = readTlv(t.bytes, at);
    out.push(c);
    at = c.end;
  }
  return out;
};

/** The whole encoding (tag, length and content) of a TLV read from `buf`. */
export const encodingOf = (buf: Uint8Array, t: Tlv): Uint8Array => buf.subarray(t.start, t.end);

export { concat };
