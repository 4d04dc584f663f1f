import type { ChangeForm, ChangeProposal } from '../../../../shared/api/changes';
import type { ChangeItemKey } from '../../../../shared/lifecycle/change-items';
import { registrationAuthorityOf } from '../../../../shared/lifecycle/registration-authority';

/** What the form edits, as text fields (lists as comma-separated names or codes). */
export type Draft = {
  name: string;
  type: 'llc' | 'sole-llc';
  divisionCode: string;
  street: string;
  scope: string;
  capital: string;
  coverLosses: boolean;
  repName: string;
  repId: string;
  repCapacity: 'director' | 'manager';
  articles: string;
  directors: string;
  supervisors: string;
  manager: string;
  liaisonName: string;
  liaisonId: string;
  liaisonPhone: string;
  /** Ordinary reduction: the day the creditors were notified (CL §224, within 10 days). */
  creditorsNotifiedOn: string;
  /** Equity transfers (CL §84): to a shareholder by name, to an outsider with a resident ID. */
  transfers: TransferDraft[];
  capitalDueOn: string;
  termLong: boolean;
  termEndsOn: string;
  boName: string;
  boId: string;
  boBasis: 'ownership' | 'control' | 'benefit';
  boShare: string;
};

export type TransferDraft = { from: string; toName: string; toId: string; amount: string };

const list = (s: string): string[] =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export const draftOf = (f: ChangeForm): Draft => ({
  name: f.facts.name,
  type: f.facts.type,
  divisionCode: f.facts.divisionCode,
  street: f.facts.street,
  scope: f.facts.businessScope.join(', '),
  capital: f.facts.registeredCapital,
  coverLosses: false,
  repName: '',
  repId: '',
  repCapacity: 'director',
  articles: '',
  directors: f.facts.officers.directors.join('、'),
  supervisors: f.facts.officers.supervisors.join('、'),
  manager: f.facts.officers.manager ?? '',
  liaisonName: '',
  liaisonId: '',
  liaisonPhone: '',
  creditorsNotifiedOn: '',
  transfers: [{ from: f.facts.register[0]?.name ?? '', toName: '', toId: '', amount: '' }],
  capitalDueOn: '',
  termLong: f.facts.businessTerm.endsOn === null,
  termEndsOn: f.facts.businessTerm.endsOn ?? '',
  boName: '',
  boId: '',
  boBasis: 'ownership',
  boShare: '',
});

/** The proposal for the ticked items only (the server decides what really differs). */
export const proposalOf = (
  items: ReadonlySet<ChangeItemKey>,
  f: ChangeForm,
  d: Draft,
  resolutionDate: string,
  votes: ChangeProposal['votes'],
): ChangeProposal => {
  const p: ChangeProposal = { resolutionDate, votes };
  if (items.has('name')) p.name = d.name;
  if (items.has('type')) p.type = d.type;
  if (items.has('address')) p.domicile = { divisionCode: d.divisionCode, street: d.street };
  if (items.has('scope')) p.businessScope = list(d.scope);
  if (items.has('capital')) {
    p.registeredCapital = d.capital.trim();
    p.reduction = { coverLosses: d.coverLosses, distributes: false, releasesContributions: false };
    if (!d.coverLosses && d.creditorsNotifiedOn) p.creditorsNotifiedOn = d.creditorsNotifiedOn;
  }
  if (items.has('shareholders')) {
    const holders = new Set(f.facts.register.map((r) => r.name));
    p.transfers = d.transfers
      .filter((t) => t.from && t.toName.trim() && t.amount.trim())
      .map((t) => ({
        from: t.from,
        to: {
          name: t.toName.trim(),
          ...(!holders.has(t.toName.trim()) && t.toId.trim() ? { residentId: t.toId.trim() } : {}),
        },
        amount: t.amount.trim(),
      }));
  }
  if (items.has('contributions') && d.capitalDueOn) p.capitalDueOn = d.capitalDueOn;
  if (items.has('term')) p.businessTerm = { endsOn: d.termLong ? null : d.termEndsOn || null };
  if (items.has('beneficial-owners'))
    p.beneficialOwners = [
      {
        name: d.boName.trim(),
        residentId: d.boId.trim(),
        basis: d.boBasis,
        share: d.boShare.trim() || null,
      },
    ];
  if (items.has('legal-representative'))
    p.legalRepresentative = { name: d.repName.trim(), residentId: d.repId.trim(), capacity: d.repCapacity };
  if (items.has('articles')) p.articles = { summary: d.articles.trim() };
  if (items.has('officers'))
    p.officers = {
      directors: list(d.directors),
      supervisors: list(d.supervisors),
      manager: d.manager.trim() || null,
    };
  if (items.has('liaison'))
    p.liaison = { name: d.liaisonName.trim(), residentId: d.liaisonId.trim(), phone: d.liaisonPhone.trim() };
  return p;
};

/** The before/after shown while editing (the server's diff is the one recorded). */
export const previewOf = (
  items: ReadonlySet<ChangeItemKey>,
  f: ChangeForm,
  d: Draft,
): [ChangeItemKey, string, string][] => {
  const rows: [ChangeItemKey, string, string][] = [];
  const push = (k: ChangeItemKey, before: string, after: string) => {
    if (items.has(k) && before !== after) rows.push([k, before, after]);
  };
  push('name', f.facts.name, d.name.trim());
  push('type', f.facts.type, d.type);
  const place = (code: string) => registrationAuthorityOf(code)?.domicilePrefix ?? `${code} `;
  push('address', f.facts.address, `${place(d.divisionCode.trim())}${d.street.trim()}`);
  push('scope', f.facts.businessScope.join(', '), list(d.scope).join(', '));
  push('capital', f.facts.registeredCapital, d.capital.trim());
  push(
    'legal-representative',
    f.facts.legalRepresentative.name,
    d.repName.trim() || f.facts.legalRepresentative.name,
  );
  push('articles', '', d.articles.trim());
  push(
    'officers',
    [
      f.facts.officers.directors.join('、'),
      f.facts.officers.supervisors.join('、'),
      f.facts.officers.manager ?? '',
    ].join(' / '),
    [list(d.directors).join('、'), list(d.supervisors).join('、'), d.manager.trim()].join(' / '),
  );
  push('liaison', f.facts.liaison?.name ?? '', d.liaisonName.trim() || (f.facts.liaison?.name ?? ''));
  push(
    'shareholders',
    f.facts.register.map((r) => `${r.name} ${r.subscribed}`).join('；'),
    d.transfers
      .filter((t) => t.from && t.toName.trim() && t.amount.trim())
      .map((t) => `${t.from} → ${t.toName.trim()} ${t.amount.trim()}`)
      .join('；'),
  );
  const latestDue =
    f.facts.register
      .flatMap((r) => (r.dueOn ? [r.dueOn] : []))
      .sort()
      .at(-1) ?? '';
  push('contributions', latestDue, d.capitalDueOn || latestDue);
  const termBefore = f.facts.businessTerm.filed ? (f.facts.businessTerm.endsOn ?? '长期') : '';
  push('term', termBefore, d.termLong ? '长期' : d.termEndsOn);
  push(
    'beneficial-owners',
    f.facts.beneficialOwners.map((o) => o.name).join('、'),
    d.boName.trim() || f.facts.beneficialOwners.map((o) => o.name).join('、'),
  );
  return rows;
};

export const splitNames = list;
