import { z } from 'zod';
import { DomainError } from '../domain-error';
import { text } from '../text';

/**
 * A platform notice (e.g. the tax bureau's maintenance on a date), published by a reviewer for
 * everyone or for the people who act for companies of a region (行政区划 code prefix) and/or a
 * taxpayer type.
 */
export const NoticeAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }),
  z.object({
    kind: z.literal('companies'),
    /** A 2-, 4- or 6-digit administrative division prefix (44 = Guangdong, 4406 = Foshan). */
    divisionPrefix: z
      .string()
      .regex(/^\d{2}(\d{2}){0,2}$/, { error: 'INVALID_DIVISION' })
      .nullable(),
    taxpayerType: z.enum(['small-scale', 'general']).nullable(),
  }),
]);
export type NoticeAudience = z.infer<typeof NoticeAudience>;

const Localized = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().max(200) });
const Body = z.object({ zh: z.string().trim().min(1).max(4000), en: z.string().trim().max(4000) });

export const NoticeInput = z.object({
  title: Localized,
  body: Body,
  validFrom: z.iso.date({ error: 'INVALID_DATE' }),
  validUntil: z.iso.date({ error: 'INVALID_DATE' }),
  audience: NoticeAudience,
});
export type NoticeInput = z.infer<typeof NoticeInput>;

export const Notice = NoticeInput.extend({
  id: z.uuid(),
  publishedAt: z.iso.datetime({ offset: true }),
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Notice = z.infer<typeof Notice>;

/** Refuses a window that ends before it starts or that has already ended. */
export const checkNoticeWindow = (input: NoticeInput, today: string): void => {
  if (input.validUntil < input.validFrom)
    throw new DomainError(
      'NOTICE_WINDOW_INVALID',
      text('结束日期不能早于开始日期。', 'The end date cannot be before the start date.'),
      { field: 'validUntil' },
    );
  if (input.validUntil < today)
    throw new DomainError(
      'NOTICE_WINDOW_INVALID',
      text('结束日期已过，公告不会被任何人看到。', 'The end date has passed; nobody would see the notice.'),
      { field: 'validUntil' },
    );
  if (input.audience.kind === 'companies' && !input.audience.divisionPrefix && !input.audience.taxpayerType)
    throw new DomainError(
      'NOTICE_AUDIENCE_EMPTY',
      text(
        '请选择地区或纳税人类型，或发布给所有人。',
        'Choose a region or taxpayer type, or publish to everyone.',
      ),
      { field: 'audience' },
    );
};

/** Whether a company is in a notice's audience (the server checks the same in SQL). */
export const companyInAudience = (
  audience: NoticeAudience,
  company: { divisionCode: string; taxpayerType: 'small-scale' | 'general' },
): boolean =>
  audience.kind === 'everyone' ||
  ((!audience.divisionPrefix || company.divisionCode.startsWith(audience.divisionPrefix)) &&
    (!audience.taxpayerType || company.taxpayerType === audience.taxpayerType));
