import { taxEn } from './i18n-en';
import { taxZh } from './i18n-zh';

/** Messages of the tax feature (namespace `tax`). Form names, figures' labels and reliefs come from shared/. */
export const taxMessages = { zh: taxZh, en: taxEn };
