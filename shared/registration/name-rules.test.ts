import { describe, expect, it } from 'vitest';
import { checkCompanyName, type ExistingCompanyName, type NameCheckContext } from './name-rules';

const existing: ExistingCompanyName[] = [
  { name: '广州市云帆信息科技有限公司', tradeName: '云帆', industry: '信息科技', region: '广州市' },
];
const ctx: NameCheckContext = { existing, legalForm: 'llc' };
const codes = (name: string, c: NameCheckContext = ctx): string[] =>
  checkCompanyName(name, c).problems.map((p) => p.code);

describe('checkCompanyName', () => {
  it('accepts and splits a well-formed name', () => {
    const r = checkCompanyName('广州市天河区星火信息科技有限公司', ctx);
    expect(r).toMatchObject({
      ok: true,
      parts: { region: '广州市天河区', tradeName: '星火', industry: '信息科技', form: '有限公司' },
      problems: [],
      suggestions: [],
    });
    expect(checkCompanyName('深圳市星火贸易有限责任公司', ctx).parts?.form).toBe('有限责任公司');
  });

  it('accepts the region in brackets after the trade name', () => {
    const r = checkCompanyName('星火科技（广州）有限公司', ctx);
    expect(r.ok).toBe(true);
    expect(r.parts).toMatchObject({ region: '广州', tradeName: '星火', industry: '科技' });
  });

  it('requires a region and a district behind its city', () => {
    expect(codes('星火信息科技有限公司')).toContain('REGION_MISSING');
    const d = checkCompanyName('天河区星火信息科技有限公司', ctx);
    expect(d.ok).toBe(false);
    expect(d.problems[0]).toMatchObject({ code: 'DISTRICT_WITHOUT_CITY', severity: 'error' });
    expect(d.problems[0]?.text.zh).toContain('广州市天河区');
    expect(codes('深圳市天河区星火贸易有限公司')).toContain('DISTRICT_WITHOUT_CITY');
    expect(codes('广东省天河区星火贸易有限公司')).toContain('DISTRICT_WITHOUT_CITY');
  });

  it('allows only standard Chinese characters', () => {
    expect(codes('广州市Star科技有限公司')).toContain('NON_CHINESE_CHARS');
    expect(codes('广州市星火2号科技有限公司')).toContain('NON_CHINESE_CHARS');
    expect(codes('广州市星火·科技有限公司')).toContain('NON_CHINESE_CHARS');
    expect(codes('广州市星火 科技有限公司')).toContain('NON_CHINESE_CHARS');
    expect(codes('广州市星火貿易有限公司')).toContain('NON_STANDARD_CHARS');
    expect(codes('广州市星火（天河）贸易有限公司')).toContain('NON_CHINESE_CHARS');
  });

  it('checks the trade name', () => {
    expect(codes('广州市火科技有限公司')).toContain('TRADE_NAME_TOO_SHORT');
    expect(codes('广州市科技有限公司')).toContain('TRADE_NAME_TOO_SHORT');
    expect(codes('广州市天河科技有限公司')).toContain('TRADE_NAME_IS_REGION');
    expect(codes('广州市北京贸易有限公司')).toContain('TRADE_NAME_IS_REGION');
    expect(codes('广州市贸易科技有限公司')).toContain('TRADE_NAME_IS_INDUSTRY');
  });

  it('refuses forbidden words and restricted leading words', () => {
    for (const w of [
      '解放军',
      '国防',
      '八一',
      '中共',
      '国务院',
      '联合国',
      '赌博',
      '色情',
      '算命',
      '恐怖',
      '暴力',
      '美国',
      '日本',
      '英国',
    ]) {
      const r = checkCompanyName(`广州市星${w}贸易有限公司`, ctx);
      expect(r.ok, w).toBe(false);
      expect(r.problems.find((p) => p.code === 'FORBIDDEN_WORD')?.text.zh, w).toContain(w);
    }
    for (const w of ['中国', '中华', '中央', '全国', '国家', '国际']) {
      expect(codes(`${w}星火贸易有限公司`), w).toContain('RESTRICTED_PREFIX');
    }
    // Only leading is restricted: 国际 later in the name is an industry wording.
    expect(codes('广州市星火国际贸易有限公司')).not.toContain('RESTRICTED_PREFIX');
  });

  it('requires an LLC organisation form', () => {
    expect(codes('广州市星火科技股份有限公司')).toContain('FORM_MISMATCH');
    expect(codes('广州市星火科技合伙企业')).toContain('FORM_MISMATCH');
    expect(codes('广州市星火科技', { existing, legalForm: 'sole-llc' })).toContain('NAME_STRUCTURE');
    expect(checkCompanyName('', ctx)).toMatchObject({ ok: false, problems: [{ code: 'NAME_STRUCTURE' }] });
  });

  it('warns when no industry term is recognised', () => {
    const r = checkCompanyName('广州市星火奶茶有限公司', ctx);
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'INDUSTRY_MISSING', severity: 'warning' })]);
  });

  it('refuses the same trade name and industry in the same region, warns across industries', () => {
    expect(codes('广州市云帆信息科技有限公司')).toEqual(['NAME_TAKEN']);
    expect(codes('广州云帆信息科技有限公司')).toEqual(['NAME_TAKEN']); // 广州 = 广州市
    const other = checkCompanyName('广州市云帆贸易有限公司', ctx);
    expect(other.ok).toBe(true);
    expect(other.problems.map((p) => [p.code, p.severity])).toEqual([
      ['SAME_TRADE_NAME_OTHER_INDUSTRY', 'warning'],
    ]);
    expect(codes('深圳市云帆信息科技有限公司')).toEqual([]);
  });

  it('suggests alternatives that pass the checks', () => {
    const taken = [
      ...existing,
      { name: '广州市云帆达信息科技有限公司', tradeName: '云帆达', industry: '信息科技', region: '广州市' },
    ];
    const c = { existing: taken, legalForm: 'llc' as const };
    const r = checkCompanyName('广州市云帆信息科技有限公司', c);
    expect(r.ok).toBe(false);
    expect(r.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(r.suggestions).not.toContain('广州市云帆达信息科技有限公司');
    for (const s of r.suggestions) expect(checkCompanyName(s, c).ok, s).toBe(true);
    expect(checkCompanyName('广州市星火科技股份有限公司', c).suggestions[0]).toMatch(/有限公司$/);
    expect(checkCompanyName('广州市美国贸易有限公司', c).suggestions).toEqual([]);
  });
});

describe('name check hardening (lifecycle.md §2)', () => {
  const none = { existing: [], legalForm: 'llc' as const };
  const codesOf = (name: string, c: NameCheckContext = none) =>
    checkCompanyName(name, c).problems.map((p) => p.code);

  it('refuses 中国/中华/全国/国家/国际 anywhere in the name, with the reason', () => {
    for (const w of ['中国', '中华', '全国', '国家', '国际']) {
      const r = checkCompanyName(`广州市星${w}贸易有限公司`, none);
      expect(r.ok, w).toBe(false);
      expect(r.problems.find((p) => p.code === 'RESTRICTED_WORD')?.text.zh, w).toContain('本平台不受理');
    }
    expect(codesOf('广州市星火国际贸易有限公司')).toContain('RESTRICTED_WORD');
    // At the start it is the prefix rule, reported once.
    expect(codesOf('中国星火贸易有限公司').filter((c) => c.startsWith('RESTRICTED'))).toEqual([
      'RESTRICTED_PREFIX',
    ]);
  });

  it('refuses state organs, separatist, violent, discriminatory words and armed forces anywhere, grouped by reason', () => {
    const reason = (w: string) =>
      checkCompanyName(`广州市星${w}贸易有限公司`, none).problems.find((p) => p.code === 'FORBIDDEN_WORD')
        ?.text.zh;
    expect(reason('人大')).toContain('党政机关');
    expect(reason('公安')).toContain('党政机关');
    expect(reason('政府')).toContain('党政机关');
    expect(reason('法院')).toContain('党政机关');
    expect(reason('检察')).toContain('党政机关');
    expect(reason('台独')).toContain('分裂');
    expect(reason('海军')).toContain('军队');
    expect(reason('支那')).toContain('歧视');
  });

  it('warns on a famous 字号 in any industry (manual review), without refusing', () => {
    const r = checkCompanyName('广州市腾讯餐饮管理有限公司', none);
    expect(r.ok).toBe(true);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ code: 'FAMOUS_TRADE_NAME', severity: 'warning' }),
    );
    expect(codesOf('广州市阿里巴巴贸易有限公司').filter((c) => c === 'FAMOUS_TRADE_NAME')).toHaveLength(1);
    expect(codesOf('广州市星火贸易有限公司')).not.toContain('FAMOUS_TRADE_NAME');
  });

  it('treats industry synonyms as the same industry for uniqueness', () => {
    const existing = [
      { name: '广州市云帆信息科技有限公司', tradeName: '云帆', industry: '信息科技', region: '广州市' },
    ];
    const c = { existing, legalForm: 'llc' as const };
    expect(codesOf('广州市云帆信息技术有限公司', c)).toContain('NAME_TAKEN');
    expect(codesOf('广州市云帆网络科技有限公司', c)).toContain('NAME_TAKEN');
    expect(codesOf('广州市云帆贸易有限公司', c)).toEqual(['SAME_TRADE_NAME_OTHER_INDUSTRY']);
    for (const s of checkCompanyName('广州市云帆信息科技有限公司', c).suggestions)
      expect(s).not.toMatch(/云帆(信息技术|网络科技|网络技术|数字科技)/);
  });
});
