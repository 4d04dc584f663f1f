import { describe, expect, it } from 'vitest';
import { sameFileGroups } from './duplicate-uploads';

describe('sameFileGroups', () => {
  it('groups the materials that were given the same file', () => {
    expect(
      sameFileGroups([
        { materialKey: 'application-form', sha256: 'a' },
        { materialKey: 'premises-proof', sha256: 'b' },
        { materialKey: 'management-rules', sha256: 'a' },
      ]),
    ).toEqual([['application-form', 'management-rules']]);
  });

  it('says nothing when every file differs', () => {
    expect(sameFileGroups([{ materialKey: 'application-form', sha256: 'a' }])).toEqual([]);
  });
});
