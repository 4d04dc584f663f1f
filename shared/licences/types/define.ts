import { type DepartmentKey, typeCode } from '../departments';
import type { FieldSpec, LicenceType, RenewalWindow, Validity } from '../licence-type';

/** Terse builders so the type tables read like the catalogue they transcribe. */

const spec =
  (kind: FieldSpec['kind']) =>
  (name: string, zh: string, en: string, required = true): FieldSpec => ({
    name,
    label: { zh, en },
    kind,
    required,
  });

export const text = spec('text');
export const date = spec('date');
export const money = spec('money');
export const list = spec('list');
export const oneOf = (
  name: string,
  zh: string,
  en: string,
  options: string[],
  required = true,
): FieldSpec => ({
  name,
  label: { zh, en },
  kind: 'enum',
  required,
  options,
});

export const licenceNumber = (zh = '许可证编号', en = 'Licence number'): FieldSpec =>
  text('licenceNumber', zh, en);
export const legalRep = (required = true): FieldSpec =>
  text('legalRepresentative', '法定代表人（负责人）', 'Legal representative (person in charge)', required);

export const years = (n: number): Validity => ({ years: n });
export const indefinite: Validity = { indefinite: true };

type Define = {
  dept: DepartmentKey;
  seq: number;
  key: string;
  name: [zh: string, en: string];
  department: [zh: string, en: string];
  issuer: string;
  validity: Validity;
  /** Renewal window in days before expiry; the renewal service defaults to `<key>.renew`. */
  renewal?: RenewalWindow & { service?: string };
  fields: FieldSpec[];
};

export const defineType = (x: Define): LicenceType => ({
  code: typeCode(x.dept, x.seq),
  key: x.key,
  name: { zh: x.name[0], en: x.name[1] },
  department: { zh: x.department[0], en: x.department[1] },
  fields: x.fields,
  validity: x.validity,
  ...(x.renewal
    ? {
        renewalWindowDays: { from: x.renewal.from, to: x.renewal.to },
        renewalServiceCode: x.renewal.service ?? `${x.key}.renew`,
      }
    : {}),
  issuerKey: x.issuer,
});
