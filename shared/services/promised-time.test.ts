import { describe, expect, it } from 'vitest';
import { promisedBy } from './promised-time';

describe('promisedBy', () => {
  it('counts working days, skipping weekends', () => {
    // Thursday 2026-12-03 + 10 working days → Thursday 2026-12-17.
    expect(promisedBy('2026-12-03', 'new')).toBe('2026-12-17');
    expect(promisedBy('2026-12-03', 'renew')).toBe('2026-12-10');
  });

  it('skips the National Day holidays', () => {
    // Received on 2026-09-30: 1–7 October are holidays, so day 1 is Thursday 2026-10-08.
    expect(promisedBy('2026-09-30', 'renew')).toBe('2026-10-14');
  });
});
