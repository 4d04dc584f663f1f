import { describe, expect, it } from 'vitest';
import { licenceTypeByKey, licenceTypes } from '../licences/catalogue';
import { serviceByCode, serviceFor, serviceItems } from './catalogue';
import { ServiceItem } from './service-item';

describe('service catalogue', () => {
  it('has at least 30 schema-valid items with unique codes', () => {
    expect(serviceItems.length).toBeGreaterThanOrEqual(30);
    for (const s of serviceItems) {
      expect(() => ServiceItem.parse(s), s.code).not.toThrow();
      expect(serviceByCode(s.code)).toBe(s);
      expect(new Set(s.materials.map((m) => m.key)).size, s.code).toBe(s.materials.length);
    }
    expect(new Set(serviceItems.map((s) => s.code)).size).toBe(serviceItems.length);
  });

  it('references only licence types that exist, naming them as the catalogue does', () => {
    for (const s of serviceItems) {
      if (s.issuesLicenceType) expect(licenceTypeByKey(s.issuesLicenceType), s.code).toBeDefined();
      for (const m of s.materials) {
        if (m.kind !== 'licence') continue;
        expect(licenceTypeByKey(m.licenceType)?.name, `${s.code}/${m.key}`).toEqual(m.name);
      }
    }
  });

  it('draws on at least 20 licence types as materials', () => {
    const used = new Set(
      serviceItems.flatMap((s) => s.materials.flatMap((m) => (m.kind === 'licence' ? [m.licenceType] : []))),
    );
    expect(used.size).toBeGreaterThanOrEqual(20);
  });

  it('links every licence type with a renewal window to an existing service that issues it', () => {
    const withWindow = licenceTypes.filter((t) => t.renewalWindowDays);
    expect(withWindow.length).toBeGreaterThan(20);
    for (const t of withWindow) {
      const service = serviceByCode(t.renewalServiceCode ?? '');
      expect(service, t.key).toBeDefined();
      expect(service?.issuesLicenceType, t.key).toBe(t.key);
      expect(['renew', 'new'], t.key).toContain(service?.kind);
    }
  });

  it('makes a renewal or change need the licence it renews or changes', () => {
    for (const s of serviceItems.filter(
      (x) => x.kind === 'renew' || x.kind === 'change' || x.kind === 'annual-review',
    )) {
      const subject = s.code.split('.')[0];
      if (subject === 'business-licence') continue;
      expect(
        s.materials.some((m) => m.kind === 'licence' && m.licenceType === subject && m.required),
        s.code,
      ).toBe(true);
    }
  });

  it('includes the items the product brief names', () => {
    const named = [
      ['food-business.new', '食品经营许可证新办'],
      ['food-business.renew', '食品经营许可证延续'],
      ['food-business.change', '食品经营许可证变更'],
      ['drug-business.change', '药品经营许可证变更'],
      ['public-place-hygiene.new', '公共场所卫生许可证新办'],
      ['road-transport.annual-review', '道路运输经营许可证年审'],
      ['pollutant-discharge.change', '排污许可证变更'],
      ['human-resources-service.new', '人力资源服务许可证新办'],
      ['high-tech-enterprise.new', '高新技术企业认定申请'],
      ['labour-dispatch.renew', '劳务派遣经营许可证延续'],
      ['publication-business.new', '出版物经营许可证新办'],
    ];
    for (const [code, zh] of named) expect(serviceByCode(code ?? '')?.name.zh).toBe(zh);
    expect(serviceFor('food-business', 'renew')?.code).toBe('food-business.renew');
    expect(new Set(serviceItems.map((s) => s.department.zh)).size).toBeGreaterThanOrEqual(15);
  });
});
