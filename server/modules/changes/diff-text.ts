import Decimal from 'decimal.js';
import type { CompanyFacts, FiledOfficers } from '../../../shared/api/changes';
import type { CompanyType } from '../../../shared/registration/application';

/** How each item reads on the diff, the resolution and the disclosure page (Chinese, as registered). */
export const typeLabel = (t: CompanyType): string =>
  t === 'sole-llc' ? '有限责任公司（一人有限责任公司）' : '有限责任公司';

export const capitalText = (amount: string): string =>
  `${new Decimal(amount).div(10000).toDecimalPlaces(6).toString()} 万元`;

export const officersText = (o: FiledOfficers): string =>
  [
    `董事：${o.directors.join('、') || '—'}`,
    `监事：${o.supervisors.join('、') || '—'}`,
    `经理：${o.manager ?? '—'}`,
  ].join('；');

export const liaisonText = (l: CompanyFacts['liaison']): string =>
  l ? `${l.name}${l.phoneMasked ? `（${l.phoneMasked}）` : ''}` : '—';
