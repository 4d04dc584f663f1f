import { z } from 'zod';
import { isIsoDate } from '../identifiers/calendar-date';
import { validateLicenceId } from '../identifiers/licence-id';
import { validateUscc } from '../identifiers/uscc';

const Uscc = z
  .string()
  .refine((v) => validateUscc(v, 'strict').valid, 'not a valid unified social credit code');
const IsoDate = z.string().refine(isIsoDate, 'not a real date (YYYY-MM-DD)');

export const LicenceId = z
  .string()
  .refine((v) => validateLicenceId(v, 'strict').valid, 'not a valid GB/T 36904 licence identifier');

/** Registry facts about a licence; never part of what the issuer signs. */
export const LicenceStatus = z.enum(['active', 'revoked', 'superseded']);
export type LicenceStatus = z.infer<typeof LicenceStatus>;

/**
 * One version of an electronic licence as issued. Strict: a key the schema does not know is a
 * malformed document, not something to drop silently (dropping it would change what was signed).
 * Dates are China calendar dates; `validUntil` is inclusive and null for indefinite licences.
 */
export const LicenceDocument = z.strictObject({
  id: LicenceId,
  typeCode: z.string().regex(/^[0-9A-Z]+$/),
  version: z.number().int().min(1).max(999),
  holder: z.strictObject({ uscc: Uscc, name: z.string().min(1) }),
  issuer: z.strictObject({ key: z.string().min(1), name: z.string().min(1), uscc: Uscc }),
  fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  issuedAt: z.iso.datetime({ offset: true }),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  /** Display only: revocation is a registry fact, so status is stripped before hashing. */
  status: LicenceStatus.optional(),
});
export type LicenceDocument = z.infer<typeof LicenceDocument>;

export const SIGNATURE_ALGORITHM = 'SM2-SM3';

export const SignedLicence = z.strictObject({
  document: LicenceDocument,
  /** r‖s, 64 lower-case hex digits each (GB/T 32918.2 signature, not DER). */
  signature: z.string().regex(/^[0-9a-f]{128}$/),
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  publicKeyId: z.string().min(1),
});
export type SignedLicence = z.infer<typeof SignedLicence>;

/** The part of a document the issuer signs: everything except the registry's status. */
export type SignedBody = Omit<LicenceDocument, 'status'>;

export const signedBody = (doc: LicenceDocument): SignedBody => {
  const { status: _status, ...body } = doc;
  return body;
};
