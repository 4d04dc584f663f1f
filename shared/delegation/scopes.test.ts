import { describe, expect, it } from 'vitest';
import {
  checkScopes,
  minimalScopes,
  scopeCatalogue,
  scopesCover,
  SCOPE_KEYS,
  suggestScopes,
  taskCatalogue,
  TASK_SCOPES,
} from './scopes';

describe('scope catalogue', () => {
  it('names and describes every scope in both languages', () => {
    expect(scopeCatalogue.map((s) => s.key)).toEqual([...SCOPE_KEYS]);
    for (const s of scopeCatalogue)
      for (const t of [s.name, s.description]) expect(t.zh && t.en).toBeTruthy();
  });

  it('covers a scope when granted directly or implied', () => {
    expect(scopesCover(['tax.file'], 'tax.file')).toBe(true);
    expect(scopesCover(['tax.file'], 'company.view')).toBe(true);
    expect(scopesCover(['company.view'], 'tax.file')).toBe(false);
    expect(scopesCover(['tax.pay'], 'tax.file')).toBe(false);
    expect(scopesCover(['not.a.scope'], 'company.view')).toBe(false);
  });

  it('suggests the smallest scopes for what the agent is trying to do', () => {
    expect(suggestScopes(['file-tax'])).toEqual(['tax.file']);
    expect(suggestScopes(['view-company', 'file-tax'])).toEqual(['tax.file']);
    expect(suggestScopes(['view-company'])).toEqual(['company.view']);
    expect(suggestScopes(['apply-licence', 'share-licence'])).toEqual(['licence.apply', 'licence.use']);
    expect(suggestScopes(['unknown-task'])).toEqual([]);
    // Never more than the union of the tasks' own scopes.
    for (const t of taskCatalogue)
      for (const s of suggestScopes([t.key])) expect(TASK_SCOPES[t.key]).toContain(s);
  });

  it('drops only scopes implied by another requested one', () => {
    expect(minimalScopes(['company.view', 'tax.file', 'tax.pay'])).toEqual(['tax.file', 'tax.pay']);
    expect(minimalScopes(['company.view'])).toEqual(['company.view']);
  });

  it('refuses unknown and empty scope lists with clear codes', () => {
    expect(checkScopes(['tax.pay', 'tax.file', 'tax.file'])).toEqual(['tax.file', 'tax.pay']);
    expect(() => checkScopes([])).toThrow(expect.objectContaining({ code: 'SCOPES_REQUIRED' }));
    expect(() => checkScopes(['tax.file', 'bank.transfer'])).toThrow(
      expect.objectContaining({ code: 'SCOPE_UNKNOWN', field: 'scopes' }),
    );
  });
});
