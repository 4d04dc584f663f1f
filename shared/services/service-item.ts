import { z } from 'zod';

const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/**
 * A required material of a government service item. `licence` materials are fetched from the
 * licence registry (免证办) after the applicant has previewed and consented; `upload` materials
 * are files the applicant provides.
 */
export const Material = z.discriminatedUnion('kind', [
  z.strictObject({
    key: z.string().min(1),
    name: Text,
    kind: z.literal('licence'),
    licenceType: z.string().min(1),
    required: z.boolean(),
  }),
  z.strictObject({ key: z.string().min(1), name: Text, kind: z.literal('upload'), required: z.boolean() }),
]);
export type Material = z.infer<typeof Material>;

export const ServiceKind = z.enum(['new', 'renew', 'change', 'annual-review', 'other']);
export type ServiceKind = z.infer<typeof ServiceKind>;

/**
 * A government service item (政务服务事项). Codes are `<subject>.<action>`, where the subject is
 * the licence type key for licence services (e.g. `food-business.renew`).
 */
export const ServiceItem = z.strictObject({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/),
  name: Text,
  department: Text,
  kind: ServiceKind,
  /** Licence type key the service issues (a new licence or a new version of one). */
  issuesLicenceType: z.string().optional(),
  materials: z.array(Material).min(1),
});
export type ServiceItem = z.infer<typeof ServiceItem>;
