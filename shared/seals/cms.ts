import { sm3 } from 'sm-crypto-v2';
import { sm2Sign, sm2Verify } from '../licences/signing';
import {
  children,
  concat,
  encodingOf,
  explicit,
  integer,
  integerBytes,
  octets,
  oid,
  oidText,
  parseUtcTime,
  readTlv,
  seq,
  set,
  tlv,
  utcTime,
  utf8,
  type Tlv,
} from './der';
import { bytesToHex, hexToBytes } from './hex';

/**
 * The seal signature inside a PDF: a detached CMS SignedData in the GM/T 0010 profile (SM2 with
 * SM3, the Chinese object identifiers), the form PDF readers expect under /adbe.pkcs7.detached.
 * There are no X.509 certificates: the signer is identified by the SM3 of the seal's public key
 * (subjectKeyIdentifier), and a signed attribute carries the seal's e-seal licence identifier, the
 * signer and the appearance, which the platform's verifier resolves against its registry.
 */

export const OID = {
  signedData: '1.2.156.10197.6.1.4.2.2',
  data: '1.2.156.10197.6.1.4.2.1',
  sm3: '1.2.156.10197.1.401',
  sm2Sign: '1.2.156.10197.1.501',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** Private arc for the platform's seal statement (a JSON text); see docs/e-seals.md. */
  sealInfo: '1.3.6.1.4.1.61126.1.1',
} as const;

/** What the seal statement attribute says, as JSON. */
export type SealStatement = {
  /** GB/T 36904 identifier of the e-seal licence version that signed. */
  sealId: string;
  sealName: string;
  holderUscc: string;
  /** The signing record on the platform (resolves the signer and the grant). */
  signatureId: string;
  signer: { name: string; residentIdMasked: string };
  page: number;
  rect: [number, number, number, number];
  publicKeyHex: string;
};

export type SignedCms = { der: Uint8Array };

const hexBytes = hexToBytes;
const hexOf = bytesToHex;

export const keyIdentifier = (publicKeyHex: string): Uint8Array =>
  hexBytes(sm3(hexBytes(publicKeyHex))).subarray(0, 20);

const attribute = (type: string, value: Uint8Array): Uint8Array => seq(oid(type), set(value));

/** The signed attributes as the SET OF that is signed (tag 0x31). */
const signedAttributes = (digestHex: string, at: Date, statement: SealStatement): Uint8Array =>
  set(
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, utcTime(at)),
    attribute(OID.messageDigest, octets(hexBytes(digestHex))),
    attribute(OID.sealInfo, utf8(JSON.stringify(statement))),
  );

/** The SM2 signature r‖s (hex) as the DER SEQUENCE { r INTEGER, s INTEGER } of GM/T 0009. */
const signatureDer = (rs: string): Uint8Array =>
  seq(integerBytes(hexBytes(rs.slice(0, 64))), integerBytes(hexBytes(rs.slice(64))));

const rsOf = (der: Uint8Array): string => {
  const [r, s] = children(readTlv(der));
  const pad = (t: Tlv | undefined) =>
    hexOf(t?.bytes ?? new Uint8Array())
      .replace(/^0+/, '')
      .padStart(64, '0');
  return `${pad(r)}${pad(s)}`;
};

/** Builds the detached CMS over the SM3 digest of the signed byte ranges. */
export const buildSealCms = (input: {
  digestHex: string;
  signedAt: Date;
  statement: SealStatement;
  privateKeyHex: string;
  publicKeyHex: string;
}): Uint8Array => {
  const attrs = signedAttributes(input.digestHex, input.signedAt, input.statement);
  const signature = sm2Sign(attrs, input.privateKeyHex, input.publicKeyHex);
  const algorithm = (o: string) => seq(oid(o));
  const signerInfo = seq(
    integer(3),
    // sid [0] IMPLICIT SubjectKeyIdentifier
    tlv(0x80, keyIdentifier(input.publicKeyHex)),
    algorithm(OID.sm3),
    // [0] IMPLICIT: the same bytes as the SET with its tag changed.
    concat([Uint8Array.of(0xa0), attrs.subarray(1)]),
    algorithm(OID.sm2Sign),
    octets(signatureDer(signature)),
  );
  const signedData = seq(integer(1), set(algorithm(OID.sm3)), seq(oid(OID.data)), set(signerInfo));
  return seq(oid(OID.signedData), explicit(0, signedData));
};

export type ParsedCms = {
  digestHex: string;
  signedAt: Date;
  statement: SealStatement;
  keyIdentifierHex: string;
  /** True when the SM2 signature over the signed attributes verifies with `publicKeyHex`. */
  verifies: (publicKeyHex: string) => boolean;
};

const attrValue = (attrs: Tlv[], type: string): Tlv | undefined => {
  for (const a of attrs) {
    const [t, values] = children(a);
    if (t && values && oidText(t.bytes) === type) return children(values)[0];
  }
  return undefined;
};

/** Reads a seal CMS; undefined when the bytes are not one (anything malformed). */
export const parseSealCms = (der: Uint8Array): ParsedCms | undefined => {
  try {
    const top = readTlv(der);
    const [type, wrapped] = children(top);
    if (!type || oidText(type.bytes) !== OID.signedData || !wrapped) return undefined;
    const signedData = children(wrapped)[0];
    if (!signedData) return undefined;
    const signerInfos = children(signedData)[3];
    const signerInfo = signerInfos ? children(signerInfos)[0] : undefined;
    if (!signerInfo) return undefined;
    const [, sid, , attrsTlv, , sigTlv] = children(signerInfo);
    if (!sid || !attrsTlv || !sigTlv || attrsTlv.tag !== 0xa0) return undefined;
    const attrs = children(attrsTlv);
    const digest = attrValue(attrs, OID.messageDigest);
    const time = attrValue(attrs, OID.signingTime);
    const info = attrValue(attrs, OID.sealInfo);
    if (!digest || !time || !info) return undefined;
    const signedAt = parseUtcTime(time.bytes);
    if (!signedAt) return undefined;
    const statement = JSON.parse(new TextDecoder().decode(info.bytes)) as SealStatement;
    // What was signed is the attributes with the SET tag, not the [0] the structure carries.
    const signedBytes = concat([Uint8Array.of(0x31), encodingOf(signerInfo.bytes, attrsTlv).subarray(1)]);
    const rs = rsOf(sigTlv.bytes);
    return {
      digestHex: hexOf(digest.bytes),
      signedAt,
      statement,
      keyIdentifierHex: hexOf(sid.bytes),
      verifies: (publicKeyHex) => sm2Verify(signedBytes, rs, publicKeyHex),
    };
  } catch {
    return undefined;
  }
};
