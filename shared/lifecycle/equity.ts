import Decimal from 'decimal.js';
import { DomainError } from '../domain-error';
import { text } from '../text';
import { addDays } from '../calendar/iso-date';

/**
 * The shareholder register of an LLC and the equity transfer rules of lifecycle.md §1.1–2, §1.9–10
 * as pure functions. Amounts are decimal strings (yuan, 2 decimals).
 */

export type RegisteredShareholder = {
  name: string;
  /** The real-name register's person, when known (needed to tell them on the platform). */
  personId: string | null;
  /** Subscribed contribution (认缴出资额), §1.2. */
  subscribed: string;
  /** Of it, paid in (实缴). */
  paid: string;
  /** Last day to pay the subscription (出资期限), §1.10; null when the register does not know it. */
  dueOn: string | null;
};

export type EquityTransfer = { from: string; to: string; amount: string };

export type TransferOutcome = {
  after: RegisteredShareholder[];
  /** Transferees who were not shareholders before (CL §84 ¶2: the others get notice). */
  outsiders: string[];
  /** The unpaid part each transfer moves to the transferee, the transferor secondarily liable (CL §88). */
  unpaidMoved: { from: string; to: string; unpaid: string }[];
};

/** Days the other shareholders have to answer a transfer to an outsider (CL §84 ¶2). */
export const PREEMPTION_WINDOW_DAYS = 30;

export const preemptionWindowEnd = (notifiedOn: string): string =>
  addDays(notifiedOn, PREEMPTION_WINDOW_DAYS);

/** The same day `years` later (29 February becomes 28 February in a common year). */
const addYears = (iso: string, years: number): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const refuse = (code: string, zh: string, en: string, field: string) =>
  new DomainError(code, text(zh, en), { field });

/**
 * Applies transfers to the register. A transferor must hold what they transfer; the unpaid part of
 * what is transferred moves with it in proportion (CL §88: the transferee pays it, the transferor
 * answers for what the transferee does not pay). A holder who transfers everything leaves the
 * register; a transferee who was not on it joins it (an outsider, CL §84 ¶2).
 */
export const applyTransfers = (
  register: readonly RegisteredShareholder[],
  transfers: readonly EquityTransfer[],
): TransferOutcome => {
  const rows = new Map(register.map((r) => [r.name, { ...r }]));
  const before = new Set(register.map((r) => r.name));
  const outsiders: string[] = [];
  const unpaidMoved: TransferOutcome['unpaidMoved'] = [];
  transfers.forEach((t, i) => {
    const field = `transfers.${i}`;
    const from = rows.get(t.from);
    if (!from || !before.has(t.from))
      throw refuse(
        'TRANSFEROR_NOT_SHAREHOLDER',
        `${t.from} 不是登记的股东，不能转让股权。`,
        `${t.from} is not a registered shareholder and cannot transfer equity.`,
        `${field}.from`,
      );
    if (t.from === t.to)
      throw refuse(
        'TRANSFER_TO_SELF',
        '转让方与受让方不能是同一人。',
        'The transferor and the transferee cannot be the same person.',
        `${field}.to`,
      );
    const amount = new Decimal(t.amount);
    if (amount.lte(0) || amount.gt(from.subscribed))
      throw refuse(
        'TRANSFER_EXCEEDS_HOLDING',
        `${t.from} 认缴出资 ${new Decimal(from.subscribed).toFixed(2)} 元，转让额须大于零且不超过该数额。`,
        `${t.from} subscribed ¥${new Decimal(from.subscribed).toFixed(2)}; the amount transferred must be above zero and at most that.`,
        `${field}.amount`,
      );
    const subscribed = new Decimal(from.subscribed);
    const paidMoved = new Decimal(from.paid).times(amount).div(subscribed).toDecimalPlaces(2);
    const unpaid = amount.minus(paidMoved);
    from.subscribed = subscribed.minus(amount).toFixed(2);
    from.paid = new Decimal(from.paid).minus(paidMoved).toFixed(2);
    let to = rows.get(t.to);
    if (!to) {
      to = { name: t.to, personId: null, subscribed: '0.00', paid: '0.00', dueOn: from.dueOn };
      rows.set(t.to, to);
      if (!before.has(t.to) && !outsiders.includes(t.to)) outsiders.push(t.to);
    }
    to.subscribed = new Decimal(to.subscribed).plus(amount).toFixed(2);
    to.paid = new Decimal(to.paid).plus(paidMoved).toFixed(2);
    if (unpaid.gt(0)) unpaidMoved.push({ from: t.from, to: t.to, unpaid: unpaid.toFixed(2) });
  });
  return { after: [...rows.values()].filter((r) => new Decimal(r.subscribed).gt(0)), outsiders, unpaidMoved };
};

/** Whether the names on the register differ (a registered item, §1.1) or only the amounts (filed, §1.2). */
export const namesDiffer = (a: readonly RegisteredShareholder[], b: readonly RegisteredShareholder[]) => {
  const x = a.map((r) => r.name).sort();
  const y = b.map((r) => r.name).sort();
  return x.length !== y.length || x.some((n, i) => n !== y[i]);
};

export const amountsDiffer = (a: readonly RegisteredShareholder[], b: readonly RegisteredShareholder[]) =>
  a.length !== b.length ||
  a.some((r) => {
    const o = b.find((s) => s.name === r.name);
    return !o || !new Decimal(o.subscribed).eq(r.subscribed) || o.dueOn !== r.dueOn;
  });

/**
 * Who must be told of a transfer to an outsider (CL §84 ¶2): every shareholder before the
 * transfer who is not transferring to that outsider. Empty when nobody transfers out.
 */
export const preemptionHolders = (
  register: readonly RegisteredShareholder[],
  transfers: readonly EquityTransfer[],
  outsiders: readonly string[],
): RegisteredShareholder[] => {
  if (outsiders.length === 0) return [];
  const transferors = new Set(transfers.filter((t) => outsiders.includes(t.to)).map((t) => t.from));
  return register.filter((r) => !transferors.has(r.name));
};

/** The register as one line of text (resolution, diff, disclosure). */
export const registerText = (rows: readonly RegisteredShareholder[]): string =>
  rows
    .map(
      (r) =>
        `${r.name} 认缴 ${new Decimal(r.subscribed).toFixed(2)} 元${r.dueOn ? `（${r.dueOn} 前缴足）` : ''}`,
    )
    .join('；') || '—';

export const transfersText = (
  transfers: readonly EquityTransfer[],
  unpaid: TransferOutcome['unpaidMoved'],
): string =>
  transfers
    .map((t) => {
      const u = unpaid.find((x) => x.from === t.from && x.to === t.to);
      return `${t.from} 将 ${new Decimal(t.amount).toFixed(2)} 元出资转让给 ${t.to}${
        u
          ? `，其中未实缴 ${u.unpaid} 元由受让方缴纳，转让方对受让方未按期足额缴纳的出资承担补充责任（《公司法》第八十八条）`
          : ''
      }`;
    })
    .join('；');

/** Sums the register's subscriptions: they must make up the registered capital. */
export const subscribedTotal = (rows: readonly RegisteredShareholder[]): string =>
  rows.reduce((s, r) => s.plus(r.subscribed), new Decimal(0)).toFixed(2);

// ---- §1.10 capital term (CL §47, SC784 §2) ----

/** SC784 §2: companies registered on or before this day are under the transition rule. */
export const TRANSITION_REGISTERED_BY = '2024-06-30';
/** … their remaining term is counted from this day … */
export const TRANSITION_COUNTED_FROM = '2027-07-01';
/** … may not exceed 5 years, i.e. end after this day … */
export const TRANSITION_LATEST_DUE = '2032-06-30';
/** … and a longer term must be shortened by this day. */
export const TRANSITION_SHORTEN_BY = '2027-06-30';

export type CapitalTermFlag = { latestDue: string; limit: string; shortenBy: string };

/**
 * A company registered on or before 2024-06-30 whose latest subscription is due more than 5 years
 * after 2027-07-01 must shorten its term by 2027-06-30 (SC784 §2); null when it need not (or the
 * register does not know the terms).
 */
export const capitalTermFlag = (
  establishedOn: string,
  register: readonly RegisteredShareholder[],
): CapitalTermFlag | null => {
  if (establishedOn > TRANSITION_REGISTERED_BY) return null;
  const dues = register.flatMap((r) => (r.dueOn && new Decimal(r.paid).lt(r.subscribed) ? [r.dueOn] : []));
  const latestDue = dues.sort().at(-1);
  if (!latestDue || latestDue <= TRANSITION_LATEST_DUE) return null;
  return { latestDue, limit: TRANSITION_LATEST_DUE, shortenBy: TRANSITION_SHORTEN_BY };
};

/**
 * The latest due date a (new) subscription term may have: 5 years after incorporation for a company
 * registered since 2024-07-01 (CL §47), 2032-06-30 for one registered before (SC784 §2).
 */
export const latestAllowedDue = (establishedOn: string): string =>
  establishedOn > TRANSITION_REGISTERED_BY ? addYears(establishedOn, 5) : TRANSITION_LATEST_DUE;

/** Refuses a subscription term beyond the law's limit (CL §47, SC784 §2). */
export const assertTermAllowed = (establishedOn: string, dueOn: string): void => {
  const limit = latestAllowedDue(establishedOn);
  if (dueOn > limit)
    throw refuse(
      'CAPITAL_TERM_TOO_LONG',
      `认缴出资期限不得晚于 ${limit}（《公司法》第四十七条；国务院关于实施《公司法》注册资本登记管理制度的规定第二条）。`,
      `The subscription term may not end after ${limit} (CL §47; SC784 §2).`,
      'capitalDueOn',
    );
};
