import { issuingAuthorityByKey, licenceTypeByKey } from '../../licences/catalogue';
import type { LicenceType } from '../../licences/licence-type';
import type { LocalizedText } from '../../text';
import type { Material, ServiceItem, ServiceKind } from '../service-item';

/** Builders that keep the service tables short and their licence references checked. */

const typeOf = (key: string): LicenceType => {
  const t = licenceTypeByKey(key);
  // A typo in a static table is a programming error; the catalogue tests load every table.
  if (!t) throw new Error(`Unknown licence type in service catalogue: ${key}`);
  return t;
};

/** A licence the company holds, fetched from the registry instead of uploaded. */
export const lic = (typeKey: string, required = true): Material => ({
  key: typeKey,
  name: typeOf(typeKey).name,
  kind: 'licence',
  licenceType: typeKey,
  required,
});

export const BL = lic('business-licence');

export const upload = (key: string, zh: string, en: string, required = true): Material => ({
  key,
  name: { zh, en },
  kind: 'upload',
  required,
});

const ACTION: Record<Exclude<ServiceKind, 'other'>, [zh: string, en: string]> = {
  new: ['新办', 'New application: '],
  renew: ['延续', 'Renewal: '],
  change: ['变更', 'Change: '],
  'annual-review': ['年审', 'Annual review: '],
};

/** A service that issues (a new version of) `typeKey`, handled by the type's issuing authority. */
export const licenceService = (
  typeKey: string,
  kind: Exclude<ServiceKind, 'other'>,
  materials: Material[],
  name?: [zh: string, en: string],
): ServiceItem => {
  const t = typeOf(typeKey);
  const authority = issuingAuthorityByKey(t.issuerKey);
  const [zh, en] = ACTION[kind];
  return {
    code: `${typeKey}.${kind}`,
    name: name ? { zh: name[0], en: name[1] } : { zh: `${t.name.zh}${zh}`, en: `${en}${t.name.en}` },
    department: authority ? authority.name : t.department,
    kind,
    // An annual review confirms the licence; it does not issue a new version.
    ...(kind === 'annual-review' ? {} : { issuesLicenceType: typeKey }),
    materials,
  };
};

export const otherService = (
  code: string,
  name: [zh: string, en: string],
  department: LocalizedText,
  materials: Material[],
): ServiceItem => ({
  code,
  name: { zh: name[0], en: name[1] },
  department,
  kind: 'other',
  materials,
});

/** The licence being renewed or changed, plus the business licence and an application form. */
export const onLicence = (
  typeKey: string,
  form: [zh: string, en: string],
  ...more: Material[]
): Material[] => [BL, lic(typeKey), upload('application-form', form[0], form[1]), ...more];
