import { z } from 'zod';
import { type Lang, pick } from '../text';
import { isIsoDate } from './calendar-date';
import { chinaToday } from '../time/china';
import { IdentifierKind, IdentifierMode } from './input';
import { validateLicenceId } from './licence-id';
import { identifierErrorMessage } from './messages';
import { checkResidentId, Gender } from './resident-id';
import { validateUscc } from './uscc';

/** The core of `POST /api/v1/identifiers/validate`: request and response schemas and a pure function. */

export const ValidateIdentifierRequest = z
  .object({
    kind: IdentifierKind,
    value: z.string(),
    mode: IdentifierMode.default('normalized'),
    /** Reference date for BIRTH_DATE_IN_FUTURE (resident IDs only); defaults to today in China. */
    asOf: z.string().refine(isIsoDate, { message: 'asOf must be a real date as YYYY-MM-DD' }).optional(),
  })
  .strict();
export type ValidateIdentifierRequest = z.infer<typeof ValidateIdentifierRequest>;
/** What a caller may send: `mode` may be left out. */
export type ValidateIdentifierRequestInput = z.input<typeof ValidateIdentifierRequest>;

export const IdentifierErrorItem = z.object({ code: z.string(), message: z.string() });
export type IdentifierErrorItem = z.infer<typeof IdentifierErrorItem>;

export const ValidateIdentifierResponse = z.object({
  valid: z.boolean(),
  /** The form to store: the normalized input (normalized mode) or the value itself (strict), when valid; else null. */
  normalized: z.string().nullable(),
  errors: z.array(IdentifierErrorItem),
  gender: Gender.optional(),
  birthDate: z.string().optional(),
  entityType: z.string().optional(),
  adminDivision: z.string().optional(),
});
export type ValidateIdentifierResponse = z.infer<typeof ValidateIdentifierResponse>;

type Details = Pick<ValidateIdentifierResponse, 'gender' | 'birthDate' | 'entityType' | 'adminDivision'>;
type Outcome = { valid: boolean; normalized: string; errors: string[]; details: Details };

const run = (req: ValidateIdentifierRequestInput, today: string): Outcome => {
  const mode = req.mode ?? 'normalized';
  switch (req.kind) {
    case 'uscc': {
      const verdict = validateUscc(req.value, mode);
      const { entityType, adminDivision } = verdict.details;
      return { ...verdict, details: { entityType, adminDivision } };
    }
    case 'resident-id':
      return checkResidentId(req.value, mode, req.asOf ?? today);
    case 'licence-id':
      // The licence parts are not in the published contract; the licence module reads them itself.
      return { ...validateLicenceId(req.value, mode), details: {} };
  }
};

// Details the contract says "may" appear are left out, not sent as undefined/null.
const definedOnly = (details: Details): Details => {
  const out: Details = {};
  if (details.gender !== undefined) out.gender = details.gender;
  if (details.birthDate !== undefined) out.birthDate = details.birthDate;
  if (details.entityType !== undefined) out.entityType = details.entityType;
  if (details.adminDivision !== undefined) out.adminDivision = details.adminDivision;
  return out;
};

/**
 * Pure when `today` (YYYY-MM-DD) is passed. Details (gender, birthDate, entityType, adminDivision)
 * appear only for a valid value. Throws DomainError INVALID_AS_OF for an `asOf` that is not a real
 * date — parse with `ValidateIdentifierRequest` first to turn that into a 422 instead.
 */
export const validateIdentifier = (
  req: ValidateIdentifierRequestInput,
  lang: Lang,
  today: string = chinaToday(),
): ValidateIdentifierResponse => {
  const { valid, normalized, errors, details } = run(req, today);
  return {
    valid,
    normalized: valid ? normalized : null,
    errors: errors.map((code) => ({ code, message: pick(identifierErrorMessage(req.kind, code), lang) })),
    ...definedOnly(details),
  };
};
