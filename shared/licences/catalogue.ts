import type { LicenceType } from './licence-type';
import { marketTypes } from './types/market';
import { medicalProductTypes } from './types/medical-products';
import { safetyConstructionTypes } from './types/safety-construction';
import { socialServiceTypes } from './types/social-services';
import { tradeFinanceTypes } from './types/trade-finance';
import { transportEnvironmentCultureTypes } from './types/transport-environment-culture';

export type { FieldKind, FieldSpec, LicenceType, RenewalWindow, Validity } from './licence-type';
export { type IssuingAuthority, issuingAuthorities, issuingAuthorityByKey } from './issuing-authorities';
export { departments, type LicenceDepartment } from './departments';

/**
 * The licence types the product knows (licences.md lists them; every one is here). Type codes are
 * `<defining department's USCC><3-digit sequence>`, see LicenceTypeCode in licence-type.ts.
 */
export const licenceTypes: readonly LicenceType[] = [
  ...marketTypes,
  ...medicalProductTypes,
  ...safetyConstructionTypes,
  ...transportEnvironmentCultureTypes,
  ...socialServiceTypes,
  ...tradeFinanceTypes,
];

const byKey = new Map(licenceTypes.map((t) => [t.key, t]));
const byCode = new Map(licenceTypes.map((t) => [t.code, t]));

export const licenceTypeByKey = (key: string): LicenceType | undefined => byKey.get(key);
export const licenceTypeByCode = (code: string): LicenceType | undefined => byCode.get(code);

/** The window used to call a licence "expiring" when its type has no renewal window of its own. */
export const DEFAULT_EXPIRING_DAYS = 90;
