import { sm3 } from 'sm-crypto-v2';
import { parseSealCms, type ParsedCms } from './cms';
import { hexToBytes } from './hex';
import { latin1, notPdf } from './pdf-objects';

/**
 * Finds every seal signature of a PDF and checks what can be checked from the file alone: the
 * digest of its byte ranges against the one signed, and whether the ranges cover the whole file
 * (a later incremental update — another signature or an edit — leaves earlier ones covering less).
 * Keys, the seal's status and the signer's grant are the platform registry's business.
 */

export type FoundSignature = {
  byteRange: [number, number, number, number];
  /** The digest of the byte ranges equals the signed messageDigest. */
  intact: boolean;
  /** The ranges reach the end of the file: nothing was appended after this signature. */
  coversWholeFile: boolean;
  cms: ParsedCms | undefined;
};

export const findSealSignatures = (bytes: Uint8Array): FoundSignature[] => {
  const s = latin1(bytes);
  if (!s.startsWith('%PDF-')) throw notPdf();
  const out: FoundSignature[] = [];
  for (const m of s.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = [1, 2, 3, 4].map((i) => Number(m[i])) as [number, number, number, number];
    const [a, b, c, d] = range;
    const sane = a === 0 && b < c && c + d <= bytes.length && s[b] === '<' && s[c - 1] === '>';
    if (!sane) {
      out.push({ byteRange: range, intact: false, coversWholeFile: false, cms: undefined });
      continue;
    }
    const cms = parseSealCms(hexToBytes(s.slice(b + 1, c - 1).replace(/[^0-9A-Fa-f]/g, '')));
    const signed = new Uint8Array(b + d);
    signed.set(bytes.subarray(0, b), 0);
    signed.set(bytes.subarray(c, c + d), b);
    const intact = cms !== undefined && sm3(signed) === cms.digestHex;
    out.push({ byteRange: range, intact, coversWholeFile: c + d === bytes.length, cms });
  }
  return out;
};
