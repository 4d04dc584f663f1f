import { describe, expect, it } from 'vitest';
import type { Application } from './application';
import { generateArticles } from './articles';
import { demoApplication } from './demo-application';

const allText = (app: Application): string =>
  generateArticles(app)
    .sections.flatMap((s) => [s.title, ...s.paragraphs, ...(s.table?.rows.flat() ?? [])])
    .join('\n');

describe('generateArticles', () => {
  it('writes the mandatory content of the articles for a multi-shareholder company', () => {
    const app = demoApplication();
    const doc = generateArticles(app);
    expect(doc.title).toBe('广州市云帆信息科技有限公司章程');
    const text = allText(app);
    expect(text).toContain('公司名称：广州市云帆信息科技有限公司。');
    expect(text).toContain('公司住所：广东省广州市天河区天河路 385 号 20 层 2001 室。');
    expect(text).toContain('人民币壹佰万元整（¥1,000,000.00）');
    expect(text).toContain(
      '一般项目：软件开发；信息技术咨询服务；信息系统集成服务；计算机软硬件及辅助设备零售',
    );
    expect(text).toMatch(/许可项目：互联网信息服务；食品销售（依法须经批准的项目/);
    expect(text).toContain('股东会由全体股东组成');
    expect(text).toContain('公司不设董事会，设董事一名，由林晓岚担任');
    expect(text).toContain('公司设经理一名，由董事决定聘任或者解聘，现由陈志远担任');
    expect(text).toContain('设监事一名，由黄雅琪担任');
    expect(text).toContain('法定代表人由代表公司执行公司事务的董事担任，现为林晓岚');
    expect(text).toContain('公司财务负责人为周明');
    expect(text).toContain('以非货币财产出资的，应当评估作价');
    expect(doc.sections.at(-1)?.paragraphs).toHaveLength(3);
  });

  it('tabulates contributions with exact proportions', () => {
    const table = generateArticles(demoApplication()).sections.find((s) => s.table)?.table;
    expect(table?.columns).toEqual(['股东', '出资方式', '认缴出资额（元）', '出资比例', '出资日期']);
    expect(table?.rows).toEqual([
      ['林晓岚', '货币', '600,000.00', '60.00%', '2029-03-01'],
      ['陈志远', '知识产权', '250,000.00', '25.00%', '2029-03-01'],
      ['广州市星河投资管理有限公司', '货币', '150,000.00', '15.00%', '2025-03-01'],
    ]);
  });

  it('numbers the articles continuously across chapters', () => {
    const numbers = generateArticles(demoApplication())
      .sections.flatMap((s) => s.paragraphs)
      .flatMap((p) => /^第([一二三四五六七八九十百零]+)条/.exec(p)?.[1] ?? []);
    expect(numbers.slice(0, 12)).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
      '十一',
      '十二',
    ]);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('adapts to a sole-shareholder company with a board and no supervisor', () => {
    const demo = demoApplication();
    const first = demo.shareholders[0];
    if (!first) throw new Error('demo has shareholders');
    const app: Application = {
      ...demo,
      companyType: 'sole-llc',
      registeredCapital: '600000',
      shareholders: [first],
      officers: {
        ...demo.officers,
        governance: { kind: 'board', directors: ['p1', 'p2', 'p3'], chair: 'p1' },
        legalRepresentative: { ref: 'p2', capacity: 'manager' },
        supervision: { kind: 'omitted', allShareholdersConsent: true },
      },
    };
    const text = allText(app);
    expect(text).toContain('公司类型：有限责任公司（自然人独资）');
    expect(text).toContain('公司不设股东会');
    expect(text).not.toContain('股东会由全体股东组成');
    expect(text).toContain('公司设董事会，成员3名：林晓岚、陈志远、黄雅琪；董事长由林晓岚担任');
    expect(text).toContain('经全体股东一致同意，公司不设监事。');
    expect(text).toContain('法定代表人由代表公司执行公司事务的经理担任，现为陈志远');
    expect(generateArticles(app).sections.at(-1)?.title).toBe('股东签署');
  });
});
