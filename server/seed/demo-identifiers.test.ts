import { describe, expect, it } from 'vitest';
import { validateUscc } from '../../shared/identifiers/uscc';
import { issuingAuthorities } from '../../shared/licences/issuing-authorities';
import { demoCompanies, demoFirm, demoSecondFirm } from './demo-data';

describe('demo sandbox identifiers', () => {
  it('every demo USCC passes the strict validator (entity type under 9, no division 000000)', () => {
    const codes = [
      ...demoCompanies.map((c) => [c.name, c.uscc]),
      [demoFirm.name, demoFirm.uscc],
      [demoSecondFirm.name, demoSecondFirm.uscc],
      ...issuingAuthorities.map((a) => [a.key, a.uscc]),
    ];
    for (const [who, code] of codes)
      expect({ who, ...validateUscc(code ?? '', 'strict') }).toMatchObject({ who, valid: true });
  });
});
