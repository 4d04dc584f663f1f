import type { DbOrTx } from '../../db/types';
import { inboxItems } from '../../db/schema';
import type { LocalizedText } from '../../../shared/text';

export type InboxPost = {
  personId: string;
  kind: string;
  title: LocalizedText;
  body?: LocalizedText;
  link: string;
  refId?: string;
};

/** Adds an item to a person's inbox inside the caller's transaction; publish the event after commit. */
export const postInbox = async (tx: DbOrTx, item: InboxPost): Promise<void> => {
  await tx.insert(inboxItems).values({
    personId: item.personId,
    kind: item.kind,
    title: item.title,
    body: item.body ?? null,
    link: item.link,
    refId: item.refId ?? null,
  });
};
