import { describe, expect, it } from 'vitest';
import { licenceTypeByKey } from './catalogue';
import { addDays, daysBetween, licenceState } from './expiry';
import { chinaDate } from '../time/china';

const food = licenceTypeByKey('food-business');
const planning = licenceTypeByKey('planning-permit');
const doc = (typeCode: string, validUntil: string | null, validFrom = '2020-01-01') => ({
  typeCode,
  validFrom,
  validUntil,
});
// Noon in China on the given date.
const on = (date: string) => `${date}T04:00:00Z`;

describe('licenceState', () => {
  const foodCode = food?.code ?? '';

  it('is valid before the renewal window, expiring inside it, expired after the last day', () => {
    expect(licenceState(doc(foodCode, '2025-12-31'), on('2025-10-01'))).toMatchObject({
      state: 'valid',
      daysLeft: 91,
    });
    expect(licenceState(doc(foodCode, '2025-12-31'), on('2025-10-02'))).toMatchObject({
      state: 'expiring',
      daysLeft: 90,
    });
    expect(licenceState(doc(foodCode, '2025-12-31'), on('2025-12-31'))).toMatchObject({
      state: 'expiring',
      daysLeft: 0,
    });
    expect(licenceState(doc(foodCode, '2025-12-31'), on('2026-01-01'))).toMatchObject({
      state: 'expired',
      daysLeft: -1,
    });
  });

  it('reports the renewal window and its service', () => {
    const s = licenceState(doc(foodCode, '2025-12-31'), on('2025-11-15'));
    expect(s.renewal).toEqual({
      opensOn: '2025-10-02',
      closesOn: '2025-12-01',
      open: true,
      serviceCode: 'food-business.renew',
    });
    expect(licenceState(doc(foodCode, '2025-12-31'), on('2025-12-15')).renewal?.open).toBe(false);
  });

  it('counts days by the China calendar date, not UTC', () => {
    // 2025-12-31T16:30Z is already 2026-01-01 00:30 in Beijing.
    expect(chinaDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
    expect(licenceState(doc(foodCode, '2025-12-31'), '2025-12-31T15:59:59Z').state).toBe('expiring');
    expect(licenceState(doc(foodCode, '2025-12-31'), '2025-12-31T16:00:00Z').state).toBe('expired');
    expect(licenceState(doc(foodCode, '2025-12-31'), '2026-01-01T00:30:00+08:00').state).toBe('expired');
  });

  it('uses 90 days for types without a renewal window and never expires indefinite licences', () => {
    const code = planning?.code ?? '';
    expect(licenceState(doc(code, '2025-12-31'), on('2025-10-02'))).toMatchObject({
      state: 'expiring',
      renewal: null,
    });
    expect(licenceState(doc(code, '2025-12-31'), on('2025-10-01')).state).toBe('valid');
    expect(licenceState(doc(code, null), on('2099-01-01'))).toEqual({
      state: 'valid',
      daysLeft: null,
      renewal: null,
    });
  });

  it('is not yet valid before validFrom, and refuses an unreadable instant', () => {
    expect(licenceState(doc(foodCode, '2030-12-31', '2026-01-01'), on('2025-12-31')).state).toBe(
      'not-yet-valid',
    );
    expect(() => licenceState(doc(foodCode, null), 'yesterday')).toThrow(/INVALID_INSTANT/);
  });

  it('does date arithmetic across leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2024-03-01', -2)).toBe('2024-02-28');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });
});
