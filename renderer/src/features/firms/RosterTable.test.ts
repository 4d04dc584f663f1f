import { describe, expect, it } from 'vitest';
import { rosterWidth } from './RosterTable';

describe('rosterWidth', () => {
  it('is every column plus the selection box, so the last columns scroll into view instead of being clipped', () => {
    expect(rosterWidth([{ width: 280 }, { width: 110 }, { width: 1050 }])).toBe(280 + 110 + 1050 + 48);
  });
});
