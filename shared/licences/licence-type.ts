import { z } from 'zod';

export const LocalizedTextSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/**
 * How a field's value is written in a licence document: `text` any non-empty string, `date`
 * YYYY-MM-DD, `money` a decimal string in yuan (never a float), `enum` one of `options`, `list` an
 * array of non-empty strings (e.g. business items).
 */
export const FieldKind = z.enum(['text', 'date', 'money', 'enum', 'list']);
export type FieldKind = z.infer<typeof FieldKind>;

export const FieldSpec = z.object({
  /** camelCase key used in `LicenceDocument.fields`. */
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  label: LocalizedTextSchema,
  kind: FieldKind,
  required: z.boolean(),
  /** Allowed values, for `enum` only. */
  options: z.array(z.string().min(1)).optional(),
});
export type FieldSpec = z.infer<typeof FieldSpec>;

/** Exactly one of: a fixed term in years and/or months, or indefinite (长期). */
export const Validity = z
  .object({
    years: z.number().int().positive().optional(),
    months: z.number().int().positive().optional(),
    indefinite: z.boolean().optional(),
  })
  .refine((v) => (v.indefinite === true) !== (v.years !== undefined || v.months !== undefined), {
    message: 'either indefinite or a term in years/months',
  });
export type Validity = z.infer<typeof Validity>;

/** Renewal may be applied for from `from` days before expiry until `to` days before expiry. */
export const RenewalWindow = z
  .object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative() })
  .refine((w) => w.from >= w.to, { message: 'from must be at least to' });
export type RenewalWindow = z.infer<typeof RenewalWindow>;

/**
 * Type codes follow the national e-licence catalogue pattern seen in published identifiers
 * (e.g. `11100000000013338W011`): the 18-character USCC of the national department that defines
 * the licence type, followed by a 3-digit sequence within that department. Ours use synthetic
 * department USCCs (see departments.ts), so every code is 21 characters of [0-9A-Z].
 */
export const LicenceTypeCode = z.string().regex(/^[0-9A-Z]{18}\d{3}$/);

export const LicenceType = z.object({
  code: LicenceTypeCode,
  /** Stable kebab-case id used by the service catalogue and the app. */
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: LocalizedTextSchema,
  department: LocalizedTextSchema,
  fields: z.array(FieldSpec).min(1),
  validity: Validity,
  /** Absent for licences that do not expire or are re-applied for rather than renewed. */
  renewalWindowDays: RenewalWindow.optional(),
  /** The service (shared/services) that renews this licence; present whenever a window is. */
  renewalServiceCode: z.string().optional(),
  /** Key of the issuing authority (issuing-authorities.ts) that signs licences of this type. */
  issuerKey: z.string(),
});
export type LicenceType = z.infer<typeof LicenceType>;
