import Decimal from 'decimal.js';

/** Chinese numbers as used in legal documents: 第十二条, and amounts in capitals (大写金额). */

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1..999). */
export const chineseOrdinal = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`chineseOrdinal: ${n}`);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = h > 0 ? `${SMALL[h]}百` : '';
  if (t > 0) out += (h === 0 && t === 1 ? '' : SMALL[t]) + '十';
  else if (h > 0 && u > 0) out += '零';
  if (u > 0) out += SMALL[u];
  return out;
};

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

const groupWords = (four: string): string => {
  let out = '';
  let zero = false;
  [...four].forEach((ch, i) => {
    const d = Number(ch);
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (DIGITS[d] ?? '') + (UNITS[3 - i] ?? '');
  });
  return out;
};

/** '1000000.00' → 壹佰万元整; '1234.5' → 壹仟贰佰叁拾肆元伍角. Non-negative, ≤ 2 decimals. */
export const yuanInWords = (amount: string): string => {
  const d = new Decimal(amount);
  if (d.isNegative() || !d.isFinite() || d.decimalPlaces() > 2)
    throw new RangeError(`yuanInWords: ${amount}`);
  const [intPart = '0', frac = ''] = d.toFixed(2).split('.');
  const padded = intPart.padStart(Math.ceil(intPart.length / 4) * 4, '0');
  const groups: string[] = [];
  for (let i = 0; i < padded.length; i += 4) groups.push(padded.slice(i, i + 4));
  let words = '';
  let pendingZero = false;
  groups.forEach((g, i) => {
    const level = groups.length - 1 - i;
    if (Number(g) === 0) {
      pendingZero = words !== '';
      return;
    }
    if (words !== '' && (pendingZero || g.startsWith('0'))) words += '零';
    pendingZero = false;
    words += groupWords(g) + (GROUPS[level] ?? '');
  });
  const jiao = Number(frac.charAt(0));
  const fen = Number(frac.charAt(1));
  if (words === '' && jiao === 0 && fen === 0) return '零元整';
  let out = words === '' ? '' : `${words}元`;
  if (jiao === 0 && fen === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (words !== '') out += '零';
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return out;
};

/** '1234567.5' → '1,234,567.50'. */
export const formatYuan = (amount: string): string => {
  const [i = '0', f = '00'] = new Decimal(amount).toFixed(2).split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
};
