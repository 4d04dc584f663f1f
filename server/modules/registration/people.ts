import type { Application } from '../../../shared/registration/application';
import type { PersonRole } from '../../../shared/api/registration';
import { normalizeIdentifier } from '../../../shared/identifiers/input';

/** Someone named in an application: a natural person (resident ID) or a company shareholder (USCC). */
export type Named = {
  kind: 'person' | 'company';
  name: string;
  /** Normalized resident ID or USCC. */
  identifier: string;
  roles: PersonRole[];
  phone: string | null;
};

const ROLE_ORDER: readonly PersonRole[] = [
  'legal-representative',
  'shareholder',
  'chair',
  'director',
  'manager',
  'supervisor',
  'finance-officer',
  'liaison',
];

/**
 * Everyone named, each once with all their roles: a shareholder who is also an officer is one
 * entry (matched by resident ID), in the order people read a registration form.
 */
export const namedIn = (app: Application): Named[] => {
  const byId = new Map<string, Named>();
  const add = (
    kind: Named['kind'],
    name: string,
    rawId: string,
    role: PersonRole,
    phone: string | null = null,
  ): void => {
    const identifier = normalizeIdentifier(rawId);
    const key = `${kind}:${identifier}`;
    const found = byId.get(key);
    if (!found) {
      byId.set(key, { kind, name: name.trim(), identifier, roles: [role], phone });
      return;
    }
    if (!found.roles.includes(role)) found.roles.push(role);
    if (!found.phone && phone) found.phone = phone;
  };
  for (const s of app.shareholders) {
    if (s.kind === 'person') add('person', s.name, s.residentId, 'shareholder');
    else add('company', s.name, s.uscc, 'shareholder');
  }
  const o = app.officers;
  const people = new Map(o.people.map((p) => [p.ref, p]));
  const role = (ref: string | undefined, r: PersonRole): void => {
    const p = ref === undefined ? undefined : people.get(ref);
    if (p) add('person', p.name, p.residentId, r, p.phone);
  };
  role(o.legalRepresentative.ref, 'legal-representative');
  if (o.governance.kind === 'single-director') role(o.governance.director, 'director');
  else {
    for (const d of o.governance.directors) role(d, 'director');
    role(o.governance.chair, 'chair');
  }
  role(o.manager, 'manager');
  if (o.supervision.kind === 'supervisor') role(o.supervision.supervisor, 'supervisor');
  role(o.financeOfficer, 'finance-officer');
  role(o.liaison, 'liaison');
  // Listed people without any role are still named in the form: they confirm too.
  for (const p of o.people) {
    const key = `person:${normalizeIdentifier(p.residentId)}`;
    if (!byId.has(key))
      byId.set(key, {
        kind: 'person',
        name: p.name.trim(),
        identifier: normalizeIdentifier(p.residentId),
        roles: [],
        phone: p.phone,
      });
  }
  const named = [...byId.values()];
  for (const n of named) n.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  return named.sort((a, b) => rank(a) - rank(b));
};

const rank = (n: Named): number =>
  n.roles.length === 0 ? ROLE_ORDER.length : ROLE_ORDER.indexOf(n.roles[0] ?? 'liaison');

/** The legal representative's entry (always a natural person). */
export const legalRepOf = (named: readonly Named[]): Named | undefined =>
  named.find((n) => n.roles.includes('legal-representative'));
