import { en } from './i18n-en';
import { zh } from './i18n-zh';

/** The `registration` namespace in both languages. */
export const registrationMessages = { zh: { registration: zh }, en: { registration: en } };
