import { z } from 'zod';

const Localized = z.object({ zh: z.string(), en: z.string() });

export const InboxItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: Localized,
  body: Localized.nullable(),
  link: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  read: z.boolean(),
  done: z.boolean(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxList = z.object({ items: z.array(InboxItem) });
export type InboxList = z.infer<typeof InboxList>;
