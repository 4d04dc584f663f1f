import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 → plain sfnt (TrueType/OpenType) conversion, done once at font load with Node's
 * native zlib. fontkit can read WOFF itself, but it inflates a table again on every access with
 * a pure-JS inflater — for a CJK glyf table that is seconds per document.
 * Format: https://www.w3.org/TR/WOFF/ (header 44 bytes, 20-byte table directory entries).
 */
const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

export const isWoff = (data: Uint8Array): boolean =>
  data.length >= 4 && Buffer.from(data.buffer, data.byteOffset, 4).readUInt32BE(0) === WOFF_SIGNATURE;

export const woffToSfnt = (input: Buffer): Buffer => {
  if (input.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('Not a WOFF 1.0 file');
  const flavor = input.readUInt32BE(4);
  const numTables = input.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i += 1) {
    const at = 44 + i * 20;
    const tag = input.readUInt32BE(at);
    const offset = input.readUInt32BE(at + 4);
    const compLength = input.readUInt32BE(at + 8);
    const origLength = input.readUInt32BE(at + 12);
    const checksum = input.readUInt32BE(at + 16);
    const raw = input.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error(`WOFF table ${tag.toString(16)}: bad length`);
    tables.push({ tag, checksum, data });
  }

  // sfnt offset table: searchRange etc. are derived from the table count.
  let pow2 = 1;
  let log2 = 0;
  while (pow2 * 2 <= numTables) {
    pow2 *= 2;
    log2 += 1;
  }
  const headerLength = 12 + 16 * numTables;
  const padded = (n: number): number => (n + 3) & ~3;
  const total = tables.reduce((sum, t) => sum + padded(t.data.length), headerLength);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow2 * 16, 6);
  out.writeUInt16BE(log2, 8);
  out.writeUInt16BE(numTables * 16 - pow2 * 16, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
};
