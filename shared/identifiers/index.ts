export { isIsoDate } from './calendar-date';
export {
  orgCodeCheckChar,
  makeResidentId,
  makeUscc,
  residentIdCheckChar,
  syntheticResidentId,
  syntheticUscc,
  usccCheckChar,
  type MakeResidentIdInput,
  type MakeUsccInput,
  type SyntheticResidentIdOptions,
} from './generate';
export { IdentifierKind, IdentifierMode, normalizeIdentifier, type IdentifierVerdict } from './input';
export {
  buildLicenceId,
  LICENCE_ID_PREFIX,
  LicenceIdErrorCode,
  validateLicenceId,
  type BuildLicenceIdInput,
  type LicenceIdDetails,
  type LicenceIdParts,
  type LicenceIdVerdict,
} from './licence-id';
export { identifierErrorMessage, licenceIdMessages, residentIdMessages, usccMessages } from './messages';
export { MOD37_36_ALPHABET, mod3736CheckChar, mod3736Verify } from './mod37-36';
export { isValidOrgCode, orgCodeCheckCharOf } from './org-code';
export {
  checkResidentId,
  Gender,
  isProvinceCode,
  ResidentIdErrorCode,
  validateResidentId,
  type ResidentIdDetails,
  type ResidentIdVerdict,
} from './resident-id';
export { USCC_CODE_SET, UsccErrorCode, validateUscc, type UsccDetails, type UsccVerdict } from './uscc';
export { usccAuthorityLabel, usccEntityTypeLabel } from './uscc-labels';
export {
  IdentifierErrorItem,
  validateIdentifier,
  ValidateIdentifierRequest,
  ValidateIdentifierResponse,
  type ValidateIdentifierRequestInput,
} from './validate';
