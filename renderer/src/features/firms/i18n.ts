import { firmsZh } from './i18n-zh';
import { firmsEn } from './i18n-en';

/** Messages of the firm workspace (namespace `firms`). */
export const firmMessages = { zh: firmsZh, en: firmsEn };
