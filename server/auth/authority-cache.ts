import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context';
import { scopeCatalogue, type ScopeKey } from '../../shared/delegation/scopes';
import type { Authority } from './authorize';

/** A company route's access: a scope, or `view` (authorizeView: a scope or a role connection). */
export type AccessScope = ScopeKey | 'view';

type Entry = { authority: Authority; cachedAt: number };

/**
 * How long a decision is reused. Not a bound on staleness: every use is re-checked inside the
 * read's own statement (see `authorityGuard`).
 */
export const AUTHORITY_CACHE_MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * The legal representative's allowed decisions of `authorize()` / `authorizeView()` by person,
 * company and scope (see `set` for why only those), so that a read a page opens with costs one
 * statement instead of authorization plus the read.
 *
 * A cached decision is never trusted on its own: a route that uses the cache (`guarded`) puts
 * `authorityGuard(...)` into its one statement, which re-checks, at the time of that statement,
 * every condition that made the decision (delegation approved, in its validity window, scope still
 * granted, firm membership and access group, legal representative). When the guard is false the
 * pipeline drops the entry and decides afresh (so the refusal is the full decision's). Nothing needs
 * invalidating across instances: a revoke on one instance is seen by the next read on any other.
 */
export class AuthorityCache {
  private readonly entries = new Map<string, Entry>();

  static key(personId: string, companyId: string, scope: AccessScope): string {
    return `${personId}|${companyId}|${scope}`;
  }

  get(key: string): Authority | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (Date.now() - e.cachedAt > AUTHORITY_CACHE_MAX_AGE_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return e.authority;
  }

  set(key: string, authority: Authority): void {
    // A single-use authorization is consumed by the action it allows: always decided afresh.
    if (authority.singleUse) return;
    // Only the legal representative's decision is cached: nothing can supersede it. A connected
    // person or a delegate may be granted more at any moment (an approval on a phone), and the
    // page must show the new grant at once, which a still-valid cached decision would hide.
    if (authority.actingAs !== 'legal-representative') return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { authority, cachedAt: Date.now() });
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** This context's authority cache, made on first use. */
export const authorityCacheOf = (ctx: AppContext): AuthorityCache => {
  let cache = ctx.services.authorityCache;
  if (!cache) {
    cache = new AuthorityCache();
    ctx.services.authorityCache = cache;
  }
  return cache;
};

/** The granted scopes that cover `needed` (itself, or one that implies it), as `scopesCover` decides. */
const coveringScopes = (needed: ScopeKey): string[] => [
  needed,
  ...scopeCatalogue.filter((s) => s.implies.includes(needed)).map((s) => s.key),
];

/** A delegation (alias `d`) that counts now for `scope`: the conditions of `delegationProblem`. */
const delegationCounts = (scope: ScopeKey, now: string): SQL => sql`d.status = 'approved'
  and (d.valid_until is null or d.valid_until > ${now}::timestamptz)
  and not (d.single_use and d.used_at is not null)
  and (d.valid_from is null or d.valid_from <= ${now}::timestamptz)
  and jsonb_exists_any(d.scopes, array[${sql.join(
    coveringScopes(scope).map((s) => sql`${s}`),
    sql`, `,
  )}]::text[])`;

/**
 * A boolean SQL expression, true exactly when `authority` (an allowed decision for `scope`) still
 * holds at `now`, by the same rules as `authorize()`; put into the read's own statement. Every source
 * other than the legal representative also requires that the person is not the legal representative
 * now, so a handover is answered with the new decision rather than the old role.
 */
export const authorityGuard = (authority: Authority, scope: AccessScope, now: Date): SQL => {
  const at = now.toISOString();
  const { personId, companyId } = authority;
  const isRep = sql`exists (select 1 from companies gc
    where gc.id = ${companyId} and gc.legal_rep_person_id = ${personId})`;
  const delegationScope: ScopeKey = scope === 'view' ? 'company.view' : scope;
  switch (authority.actingAs) {
    case 'legal-representative':
      return isRep;
    case 'delegate':
      return sql`(not ${isRep} and exists (select 1 from delegations d
        where d.id = ${authority.delegationId ?? null}::uuid and d.company_id = ${companyId}
          and d.grantee_person_id = ${personId} and ${delegationCounts(delegationScope, at)}))`;
    case 'firm-staff':
      return sql`(not ${isRep} and exists (select 1 from delegations d
        where d.id = ${authority.delegationId ?? null}::uuid and d.company_id = ${companyId}
          and d.grantee_firm_id = ${authority.firmId ?? null}::uuid
          and ${delegationCounts(delegationScope, at)})
        and exists (select 1 from firm_members m
          where m.firm_id = ${authority.firmId ?? null}::uuid and m.person_id = ${personId}
            and (m.role = 'admin' or exists (select 1 from access_groups g
              join access_group_staff gs on gs.group_id = g.id
              join access_group_clients gcl on gcl.group_id = g.id
              where g.firm_id = m.firm_id and gs.person_id = ${personId} and gcl.company_id = ${companyId}))))`;
    case 'connected':
      // Only authorizeView grants this: a role connection to the company.
      return scope === 'view'
        ? sql`(not ${isRep} and exists (select 1 from company_roles r
            where r.company_id = ${companyId} and r.person_id = ${personId}))`
        : sql`false`;
  }
};

/** Thrown by a guarded read whose guard came back false: the pipeline decides afresh. */
export class AuthorityStale extends Error {
  constructor() {
    super('The cached authority no longer holds');
  }
}

/** The guard column of a guarded read (selected as `(guard)::text`): throws when it is false. */
export const requireGuard = (value: unknown): void => {
  if (value !== 'true') throw new AuthorityStale();
};
