import { expect } from 'vitest';
import { isDomainError } from '../domain-error';

/** Run `fn` and return the DomainError it throws (failing the test if it does not). */
export const refusal = (fn: () => unknown): { code: string; field: string | undefined } => {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) {
      expect(e.text.zh.length).toBeGreaterThan(0);
      expect(e.text.en.length).toBeGreaterThan(0);
      return { code: e.code, field: e.field };
    }
    throw e;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
};
