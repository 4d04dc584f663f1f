import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { licenceTypeByKey } from '../licences/catalogue';
import {
  businessScopeCatalogue,
  findScopeEntry,
  licencesRequiredFor,
  scopeCategories,
  scopeLicenceTypeKeys,
  searchScope,
} from './business-scope';

const byWording = (zh: string) => businessScopeCatalogue.find((e) => e.wording.zh === zh);

describe('business scope catalogue', () => {
  it('has at least 160 entries with unique codes and wordings', () => {
    expect(businessScopeCatalogue.length).toBeGreaterThanOrEqual(160);
    expect(new Set(businessScopeCatalogue.map((e) => e.code)).size).toBe(businessScopeCatalogue.length);
    expect(new Set(businessScopeCatalogue.map((e) => e.wording.zh)).size).toBe(businessScopeCatalogue.length);
    for (const e of businessScopeCatalogue) {
      expect(e.code, e.wording.zh).toMatch(/^[A-T]\d{6}$/);
      expect(scopeCategories[e.category], e.code).toBeDefined();
      expect(e.wording.en.length, e.code).toBeGreaterThan(3);
      if (e.kind === 'licensed') expect(e.licenceTypeKey, e.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('marks licensed items with the licence they need', () => {
    const expected: [string, string, string][] = [
      ['软件开发', 'general', ''],
      ['信息技术咨询服务', 'general', ''],
      ['食品销售', 'licensed', 'food-business'],
      ['餐饮服务', 'licensed', 'food-business'],
      ['道路货物运输（不含危险货物）', 'licensed', 'road-transport'],
      ['第二类医疗器械销售', 'general', 'class-ii-device-filing'],
      ['药品零售', 'licensed', 'drug-business'],
      ['出版物零售', 'licensed', 'publication-business'],
      ['劳务派遣服务', 'licensed', 'labour-dispatch'],
      ['人力资源服务', 'licensed', 'human-resources-service'],
      ['危险化学品经营', 'licensed', 'hazardous-chemicals-business'],
      ['烟草制品零售', 'licensed', 'tobacco-retail'],
      ['旅游业务', 'licensed', 'travel-agency'],
      ['第一类增值电信业务', 'licensed', 'value-added-telecom'],
      ['互联网信息服务', 'licensed', 'value-added-telecom'],
      ['城市配送运输服务（不含危险货物）', 'licensed', 'road-transport'],
      ['燃气经营', 'licensed', 'gas-business'],
      ['快递服务', 'licensed', 'express-delivery'],
      ['营业性演出', 'licensed', 'commercial-performance'],
      ['网络文化经营', 'licensed', 'internet-culture'],
      ['农药零售', 'licensed', 'pesticide-business'],
      ['兽药经营', 'licensed', 'veterinary-drug-business'],
      ['住宿服务', 'licensed', 'public-place-hygiene'],
      ['理发服务', 'licensed', 'public-place-hygiene'],
    ];
    for (const [zh, kind, key] of expected) {
      const e = byWording(zh);
      expect(e, zh).toBeDefined();
      expect(e?.kind, zh).toBe(kind);
      expect(e?.licenceTypeKey ?? '', zh).toBe(key);
    }
    expect(scopeLicenceTypeKeys).toContain('food-business');
    expect(scopeLicenceTypeKeys).toEqual([...scopeLicenceTypeKeys].sort());
  });

  it('refers only to licence types in the licence catalogue', () => {
    const unknown = scopeLicenceTypeKeys.filter((k) => !licenceTypeByKey(k));
    expect(unknown).toEqual([]);
  });

  it('searches Chinese, English, aliases and codes', () => {
    expect(searchScope('软件开发')[0]?.wording.zh).toBe('软件开发');
    expect(searchScope('食品', { limit: 50 }).map((e) => e.wording.zh)).toEqual(
      expect.arrayContaining(['食品销售', '食品生产', '食品销售（仅销售预包装食品）']),
    );
    expect(searchScope('食品', { limit: 3 })).toHaveLength(3);
    expect(searchScope('Software').map((e) => e.wording.zh)).toContain('软件开发');
    expect(searchScope('旅行社')[0]?.wording.zh).toBe('旅游业务');
    expect(searchScope('I6513')[0]?.code).toBe('I651301');
    expect(
      searchScope('食品 销售').every((e) => e.wording.zh.includes('食品') && e.wording.zh.includes('销售')),
    ).toBe(true);
    expect(searchScope('   ')).toEqual([]);
    expect(searchScope('量子引力')).toEqual([]);
  });

  it('lists the licences a chosen scope needs, once each', () => {
    const food = byWording('食品销售')?.code ?? '';
    const catering = byWording('餐饮服务')?.code ?? '';
    const class2 = byWording('第二类医疗器械销售')?.code ?? '';
    const software = byWording('软件开发')?.code ?? '';
    expect(licencesRequiredFor([software, food, catering, class2])).toEqual([
      { licenceTypeKey: 'food-business', kind: 'licence', scopeCodes: [food, catering] },
      { licenceTypeKey: 'class-ii-device-filing', kind: 'filing', scopeCodes: [class2] },
    ]);
    expect(licencesRequiredFor([software])).toEqual([]);
    expect(findScopeEntry(software)?.kind).toBe('general');
    try {
      licencesRequiredFor([software, 'X000000']);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code === 'SCOPE_NOT_IN_CATALOGUE' && e.field === 'businessScope.1').toBe(
        true,
      );
    }
  });
});
