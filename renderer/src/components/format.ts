import { formatChinaDate, formatChinaDateTime } from '../../../shared/time/china';

/** Dates are shown in China time, as people there read them. */
export const formatDate = (iso: string): string => formatChinaDate(iso);

export const formatDateTime = (iso: string): string => formatChinaDateTime(iso);

/** Money from a decimal string with thousands separators, without converting to a float. */
export const formatMoney = (amount: string): string => {
  const negative = amount.startsWith('-');
  const [int = '0', frac = '00'] = amount.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${frac.padEnd(2, '0').slice(0, 2)}`;
};
