import { describe, expect, it } from 'vitest';
import {
  annualReportItem,
  approvalItem,
  batchItem,
  delegationItem,
  groupByClient,
  isShown,
  licenceItem,
  reminderLeadsDue,
  sortTodos,
  taxItem,
} from './rules';
import { LeadDays } from './model';
import { calendarOf, escapeText, foldLine } from './ical';
import { checkNoticeWindow, companyInAudience } from './notices';

const A = { id: '00000000-0000-4000-8000-00000000000a', name: '甲公司', uscc: '91440101MA0000000A' };
const B = { id: '00000000-0000-4000-8000-00000000000b', name: '乙公司', uscc: '91440101MA0000000B' };
const TODAY = '2026-11-22';

describe('to-do rules', () => {
  it('shows an item within its kind’s horizon, and any overdue item', () => {
    expect(isShown('tax.due', '2027-01-06', TODAY)).toBe(true);
    expect(isShown('tax.due', '2027-01-07', TODAY)).toBe(false);
    expect(isShown('tax.overdue', '2026-10-15', TODAY)).toBe(true);
  });

  it('makes due and overdue returns one item key, so a reminder is not sent twice', () => {
    const base = {
      company: A,
      tax: 'vat',
      periodKey: '2026-Q3',
      form: 'vat-small-scale',
      returnId: null,
      amountDue: null,
    } as const;
    const due = taxItem({ ...base, dueDate: '2026-11-30', state: 'due' }, TODAY);
    const late = taxItem({ ...base, dueDate: '2026-10-15', state: 'overdue' }, TODAY);
    expect(due?.kind).toBe('tax.due');
    expect(late).toMatchObject({ kind: 'tax.overdue', overdue: true, daysLeft: -38 });
    expect(due?.key).toBe(late?.key);
    expect(due?.action.path).toBe(`/companies/${A.id}/tax/file/vat-small-scale/2026-Q3`);
  });

  it('turns a lapsed or revoked licence into a scope change due 30 days later, shown 30 days past it', () => {
    const base = {
      company: A,
      licenceId: 'l1',
      typeName: { zh: '烟草专卖零售许可证', en: 'Tobacco licence' },
    };
    const lapsed = licenceItem(
      { ...base, validUntil: '2026-11-10', status: 'active', revokedOn: null },
      TODAY,
    );
    expect(lapsed).toMatchObject({ kind: 'licence.lapsed', dueDate: '2026-12-10', daysLeft: 18 });
    const revoked = licenceItem(
      { ...base, validUntil: null, status: 'revoked', revokedOn: '2026-11-20' },
      TODAY,
    );
    expect(revoked?.dueDate).toBe('2026-12-20');
    expect(
      licenceItem({ ...base, validUntil: '2026-09-01', status: 'active', revokedOn: null }, TODAY),
    ).toBeNull();
    const expiring = licenceItem(
      { ...base, validUntil: '2027-01-10', status: 'active', revokedOn: null },
      TODAY,
    );
    expect(expiring).toMatchObject({ kind: 'licence.expiring', daysLeft: 49 });
    expect(
      licenceItem({ ...base, validUntil: '2027-03-10', status: 'active', revokedOn: null }, TODAY),
    ).toBeNull();
  });

  it('gives each side of a delegation or request its own action', () => {
    const d = { company: A, delegationId: 'd1', validUntilDate: '2026-11-27', firmId: 'f1' } as const;
    expect(delegationItem({ ...d, side: 'grantor' }, TODAY)?.action.path).toBe('/delegations');
    expect(delegationItem({ ...d, side: 'firm' }, TODAY)?.action.path).toBe('/firm/f1/roster');
    expect(delegationItem({ ...d, side: 'grantee', validUntilDate: '2026-11-21' }, TODAY)).toBeNull();
    const a = { company: A, delegationId: 'd2', expiresOn: '2026-11-25', firmId: null } as const;
    expect(approvalItem({ ...a, side: 'decide' }, TODAY)?.action.path).toBe('/approvals');
    expect(approvalItem({ ...a, side: 'waiting' }, TODAY)?.kind).toBe('approval.waiting');
    expect(annualReportItem({ company: A, reportYear: 2026, dueDate: '2027-06-30' }, TODAY)).toBeNull();
  });

  it('sorts by deadline and groups by client in the order of each client’s soonest item', () => {
    const items = sortTodos(
      [
        taxItem(
          {
            company: B,
            tax: 'vat',
            periodKey: '2026-Q3',
            form: null,
            dueDate: '2026-12-15',
            state: 'due',
            returnId: null,
            amountDue: null,
          },
          TODAY,
        )!,
        batchItem({ batchId: 'b1', firmId: 'f1', failed: 2, createdOn: '2026-11-20' }),
        taxItem(
          {
            company: A,
            tax: 'cit-prepay',
            periodKey: '2026-Q3',
            form: null,
            dueDate: '2026-12-15',
            state: 'due',
            returnId: null,
            amountDue: null,
          },
          TODAY,
        )!,
        annualReportItem({ company: B, reportYear: 2025, dueDate: '2026-06-30' }, TODAY)!,
      ],
      TODAY,
    );
    expect(items.map((i) => i.dueDate)).toEqual(['2026-06-30', '2026-11-20', '2026-12-15', '2026-12-15']);
    expect(items[1]).toMatchObject({ kind: 'batch.attention', daysLeft: -2 });
    const groups = groupByClient(items);
    expect(groups.map((g) => g.companyName)).toEqual(['乙公司', null, '甲公司']);
    expect(groups[0]?.items).toHaveLength(2);
  });

  it('sends one reminder per run: the nearest lead time reached, none once past', () => {
    expect(reminderLeadsDue('2026-11-29', TODAY, [7, 3, 1])).toEqual([7]);
    expect(reminderLeadsDue('2026-11-28', TODAY, [7, 3, 1])).toEqual([7]);
    expect(reminderLeadsDue('2026-11-24', TODAY, [7, 3, 1])).toEqual([3]);
    expect(reminderLeadsDue('2026-11-22', TODAY, [7, 3, 1, 0])).toEqual([0]);
    expect(reminderLeadsDue('2026-12-30', TODAY, [7, 3, 1])).toEqual([]);
    expect(reminderLeadsDue('2026-11-21', TODAY, [7, 3, 1])).toEqual([]);
  });

  it('keeps lead times distinct, largest first, within 0–60 days', () => {
    expect(LeadDays.parse([1, 7, 3, 7])).toEqual([7, 3, 1]);
    expect(LeadDays.safeParse([61]).success).toBe(false);
    expect(LeadDays.safeParse([1, 2, 3, 4, 5, 6]).success).toBe(false);
  });
});

describe('iCalendar', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'云帆'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('writes one all-day event per item on its China date, with a stable UID', () => {
    const item = taxItem(
      {
        company: { ...A, name: '甲,乙;公司' },
        tax: 'vat',
        periodKey: '2026-Q3',
        form: null,
        dueDate: '2026-12-15',
        state: 'due',
        returnId: null,
        amountDue: null,
      },
      TODAY,
    )!;
    const ics = calendarOf([item], {
      domain: 'st.example',
      now: new Date('2026-11-22T04:00:00Z'),
      lang: 'zh',
      origin: 'https://st.example',
    });
    expect(ics).toContain(`UID:tax.return:${A.id}:vat:2026-Q3@st.example\r\n`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261215\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20261216\r\n');
    expect(ics).toContain('DTSTAMP:20261122T040000Z\r\n');
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:甲\\,乙\\;公司：');
    expect(ics.split('\r\n').every((l) => !/[^\r]\n/.test(l))).toBe(true);
  });
});

describe('notices', () => {
  const input = {
    title: { zh: '维护', en: 'Maintenance' },
    body: { zh: '暂停', en: 'Paused' },
    validFrom: '2026-11-20',
    validUntil: '2026-12-01',
    audience: { kind: 'everyone' as const },
  };
  it('refuses a window that ends before it starts or has ended', () => {
    expect(() => checkNoticeWindow({ ...input, validUntil: '2026-11-19' }, TODAY)).toThrow(
      /NOTICE_WINDOW_INVALID|结束/,
    );
    expect(() =>
      checkNoticeWindow({ ...input, validFrom: '2026-11-01', validUntil: '2026-11-21' }, TODAY),
    ).toThrow();
    expect(() => checkNoticeWindow(input, TODAY)).not.toThrow();
  });
  it('matches companies by division prefix and taxpayer type', () => {
    const gz = { divisionCode: '440106', taxpayerType: 'small-scale' as const };
    expect(companyInAudience({ kind: 'companies', divisionPrefix: '4401', taxpayerType: null }, gz)).toBe(
      true,
    );
    expect(companyInAudience({ kind: 'companies', divisionPrefix: '4403', taxpayerType: null }, gz)).toBe(
      false,
    );
    expect(companyInAudience({ kind: 'companies', divisionPrefix: null, taxpayerType: 'general' }, gz)).toBe(
      false,
    );
    expect(companyInAudience({ kind: 'everyone' }, gz)).toBe(true);
  });
});
