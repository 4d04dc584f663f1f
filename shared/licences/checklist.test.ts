import { describe, expect, it } from 'vitest';
import { serviceByCode } from '../services/catalogue';
import type { ServiceItem } from '../services/service-item';
import { buildChecklist, type HeldLicence } from './checklist';

const service = (code: string): ServiceItem => {
  const s = serviceByCode(code);
  if (!s) throw new Error(code);
  return s;
};
const NOW = '2025-06-01T04:00:00Z';
const held = (typeKey: string, over: Partial<HeldLicence> = {}): HeldLicence => ({
  typeKey,
  id: `id-${typeKey}-${over.version ?? 1}`,
  version: 1,
  status: 'active',
  validUntil: null,
  digest: 'a'.repeat(64),
  ...over,
});
const statusOf = (c: ReturnType<typeof buildChecklist>, key: string) =>
  c.items.find((i) => i.material.key === key);

describe('buildChecklist', () => {
  it('attaches held, valid licences and leaves uploads to the applicant', () => {
    const c = buildChecklist(
      service('food-business.renew'),
      [held('business-licence'), held('food-business', { validUntil: '2025-12-31' })],
      NOW,
    );
    expect(c.items.map((i) => [i.material.key, i.status])).toEqual([
      ['business-licence', 'auto'],
      ['food-business', 'auto'],
      ['application-form', 'upload'],
      ['food-safety-rules', 'upload'],
    ]);
    expect(c.attachments).toEqual([
      { typeKey: 'business-licence', id: 'id-business-licence-1', version: 1, digest: 'a'.repeat(64) },
      { typeKey: 'food-business', id: 'id-food-business-1', version: 1, digest: 'a'.repeat(64) },
    ]);
    expect(c.canSubmit).toBe(true);
    expect(c.serviceCode).toBe('food-business.renew');
  });

  it('flags a missing required licence with the service that issues it and blocks submission', () => {
    const c = buildChecklist(
      service('construction-permit.new'),
      [held('business-licence'), held('real-estate-title')],
      NOW,
    );
    expect(statusOf(c, 'planning-permit')).toMatchObject({
      status: 'missing',
      fixServiceCode: 'planning-permit.new',
    });
    expect(statusOf(c, 'construction-qualification')?.status).toBe('missing');
    expect(c.canSubmit).toBe(false);
  });

  it('does not block on a missing optional licence', () => {
    const c = buildChecklist(service('food-business.new'), [held('business-licence')], NOW);
    expect(statusOf(c, 'real-estate-title')?.status).toBe('missing');
    expect(c.canSubmit).toBe(true);
  });

  it('flags an expired licence with its renewal service, by China date', () => {
    const other = buildChecklist(
      service('food-business.change'),
      [held('business-licence'), held('food-business', { validUntil: '2025-05-31' })],
      NOW,
    );
    expect(statusOf(other, 'food-business')).toMatchObject({
      status: 'expired',
      fixServiceCode: 'food-business.renew',
    });
    expect(other.canSubmit).toBe(false);
    // 2025-05-31T15:00Z is 23:00 in Beijing, still the last valid day.
    expect(
      statusOf(
        buildChecklist(
          service('food-business.change'),
          [held('business-licence'), held('food-business', { validUntil: '2025-05-31' })],
          '2025-05-31T15:00:00Z',
        ),
        'food-business',
      )?.status,
    ).toBe('auto');
  });

  it('sends a lapsed licence to a new application when the service is its own renewal', () => {
    const c = buildChecklist(
      service('food-business.renew'),
      [held('business-licence'), held('food-business', { validUntil: '2025-01-01' })],
      NOW,
    );
    expect(statusOf(c, 'food-business')).toMatchObject({
      status: 'expired',
      fixServiceCode: 'food-business.new',
    });
  });

  it('flags a revoked licence and prefers a current one of the same type when there is one', () => {
    const revokedOnly = buildChecklist(
      service('food-business.change'),
      [held('business-licence'), held('food-business', { status: 'revoked' })],
      NOW,
    );
    expect(statusOf(revokedOnly, 'food-business')).toMatchObject({
      status: 'revoked',
      fixServiceCode: 'food-business.new',
    });
    expect(revokedOnly.canSubmit).toBe(false);
    const mixed = buildChecklist(
      service('food-business.change'),
      [
        held('business-licence'),
        held('food-business', { version: 3, status: 'revoked', validUntil: '2030-01-01' }),
        held('food-business', { version: 1, validUntil: '2025-01-01' }),
        held('food-business', { version: 2, validUntil: '2028-01-01' }),
      ],
      NOW,
    );
    expect(statusOf(mixed, 'food-business')).toMatchObject({ status: 'auto', licence: { version: 2 } });
    expect(mixed.attachments.map((a) => a.version)).toEqual([1, 2]);
  });

  it('warns when an attached licence is inside its renewal window', () => {
    const c = buildChecklist(
      service('food-business.change'),
      [held('business-licence'), held('food-business', { validUntil: '2025-07-01' })],
      NOW,
    );
    expect(statusOf(c, 'food-business')).toMatchObject({ status: 'auto', expiringInDays: 30 });
    expect(statusOf(c, 'food-business')?.text.zh).toContain('30 天后到期');
    expect(statusOf(c, 'business-licence')?.expiringInDays).toBeUndefined();
  });
});
