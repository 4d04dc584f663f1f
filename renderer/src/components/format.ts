import { formatInChina } from '../../../shared/time/china';
import { localeOf, type UiLang } from '../../../shared/text';
import { useSession } from '../state/session';

/**
 * The one formatter of the interface: dates, times, money and numbers in the chosen language
 * (Intl with zh-CN, zh-HK or en) and always in China time (Asia/Shanghai, through
 * shared/time/china.ts). Each function takes the language, defaulting to the one on screen, so
 * call sites stay `formatDate(iso)`; components re-render on a language change through
 * useTranslation.
 */
const current = (): UiLang => useSession.getState().prefs.lang;

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const EN_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const HK_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * Only the mainland's numeric `2026/12/03` is unambiguous to its readers; Hong Kong writes numeric
 * dates day first, so zh-HK says `2026年12月3日` and English spells the month (`3 Dec 2026`).
 */
const intlLocale = (lang: UiLang): string => (lang === 'en' ? 'en-GB' : localeOf(lang));
const dateOptions = (lang: UiLang): Intl.DateTimeFormatOptions =>
  lang === 'en' ? EN_DATE : lang === 'zh-HK' ? HK_DATE : DATE;

/** `2026/12/03` · `2026年12月3日` · `3 Dec 2026`. */
export const formatDate = (iso: string | Date, lang: UiLang = current()): string =>
  formatInChina(iso, dateOptions(lang), intlLocale(lang));

/** `2026/12/03 09:05` · `3 Dec 2026, 09:05`. */
export const formatDateTime = (iso: string | Date, lang: UiLang = current()): string =>
  formatInChina(iso, { ...dateOptions(lang), ...TIME }, intlLocale(lang));

/** With seconds, for timelines whose steps are seconds apart. */
export const formatDateTimeSeconds = (iso: string | Date, lang: UiLang = current()): string =>
  formatInChina(iso, { ...dateOptions(lang), ...TIME, second: '2-digit' }, intlLocale(lang));

/** `09:05` on the 24-hour clock. */
export const formatTime = (iso: string | Date, lang: UiLang = current()): string =>
  formatInChina(iso, TIME, intlLocale(lang));

/** A count or plain number with the locale's grouping: `12,345`. */
export const formatNumber = (n: number, lang: UiLang = current()): string =>
  new Intl.NumberFormat(localeOf(lang)).format(n);

/**
 * An amount from a decimal string with thousands separators and two decimals (`1,234.50`), without
 * converting to a float. The grouping and decimal marks are the same in zh-CN, zh-HK and en; used
 * where the column or label already says 元.
 */
export const formatMoney = (amount: string): string => {
  const negative = amount.startsWith('-');
  const [int = '0', frac = '00'] = amount.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${frac.padEnd(2, '0').slice(0, 2)}`;
};

/** Money with its currency: `¥1,234.50` in Chinese, `CNY 1,234.50` in English (¥ is also the yen). */
export const formatCurrency = (amount: string, lang: UiLang = current()): string => {
  const negative = amount.startsWith('-');
  const body = formatMoney(negative ? amount.slice(1) : amount);
  return `${negative ? '-' : ''}${lang === 'en' ? 'CNY ' : '¥'}${body}`;
};
