import { useCompany } from '../../api/queries';
import { scopesCover, type ScopeKey } from '../../../../shared/delegation/scopes';

/** What the signed-in person may do for the company, so the UI offers only what will be allowed. */
export const useLicenceAbilities = (companyId: string): { canUse: boolean; canApply: boolean } => {
  const company = useCompany(companyId);
  const c = company.data;
  const has = (scope: ScopeKey): boolean =>
    !!c &&
    (c.actingAs === 'legal-representative' ||
      c.grantedScopes.includes('*') ||
      scopesCover(c.grantedScopes, scope));
  return { canUse: has('licence.use'), canApply: has('licence.apply') && has('licence.use') };
};
