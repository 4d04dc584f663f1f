import Decimal from 'decimal.js';
import type { Application, Shareholder } from './application';
import { contributionFormLabels } from './application';
import { findScopeEntry } from './business-scope';
import { findDivision } from './divisions';
import { chineseOrdinal, formatYuan, yuanInWords } from './money-words';

/** 全角空格 U+3000, as Chinese documents space a label from its text. */
const SP = '\u3000';

/**
 * Articles of association (公司章程) generated from an application, following the structure and
 * the mandatory content of 公司法 (2023) art. 46. Chinese is the legal text; `titleEn` glosses
 * chapter titles for foreign readers.
 */
export type ArticlesTable = { columns: string[]; rows: string[][] };
export type ArticlesSection = {
  title: string;
  titleEn?: string;
  paragraphs: string[];
  table?: ArticlesTable;
};
export type ArticlesDocument = { title: string; sections: ArticlesSection[] };

const CHAPTERS: readonly [string, string][] = [
  ['总则', 'General provisions'],
  ['经营范围', 'Business scope'],
  ['注册资本和股东出资', 'Registered capital and contributions'],
  ['股东的权利和义务', 'Rights and duties of shareholders'],
  ['股东会', "Shareholders' meeting"],
  ['董事和经理', 'Directors and manager'],
  ['监督', 'Supervision'],
  ['法定代表人', 'Legal representative'],
  ['财务、会计', 'Finance and accounting'],
  ['解散和清算', 'Dissolution and liquidation'],
  ['附则', 'Supplementary provisions'],
];

const shareholderName = (s: Shareholder): string => s.name;

/** Builds chapters whose paragraphs are numbered 第一条, 第二条 … across the whole document. */
class Numbering {
  private n = 0;
  article(body: string): string {
    this.n += 1;
    return `第${chineseOrdinal(this.n)}条${SP}${body}`;
  }
}

const percent = (part: string, whole: string): string => {
  const w = new Decimal(whole);
  return w.isZero() ? '—' : `${new Decimal(part).div(w).times(100).toDecimalPlaces(2).toFixed(2)}%`;
};

export const generateArticles = (app: Application): ArticlesDocument => {
  const num = new Numbering();
  const people = new Map(app.officers.people.map((p) => [p.ref, p.name]));
  const who = (ref: string | undefined): string => (ref === undefined ? '—' : (people.get(ref) ?? '—'));
  const sole = app.companyType === 'sole-llc';
  const o = app.officers;
  const address = `${findDivision(app.domicile.divisionCode)?.fullName ?? ''}${app.domicile.street}`;
  const capital = app.registeredCapital;
  const capitalText = `人民币${yuanInWords(capital)}（¥${formatYuan(capital)}）`;
  const decider = sole ? '股东' : '股东会';
  const single = o.governance.kind === 'single-director';
  const sections: ArticlesSection[] = [];
  const chapter = (i: number, paragraphs: string[], table?: ArticlesTable): void => {
    const [zh, en] = CHAPTERS[i] ?? ['', ''];
    sections.push({
      title: `第${chineseOrdinal(i + 1)}章${SP}${zh}`,
      titleEn: en,
      paragraphs,
      ...(table ? { table } : {}),
    });
  };

  const soleKind = app.shareholders[0]?.kind === 'company' ? '法人独资' : '自然人独资';
  chapter(0, [
    num.article(
      '为规范公司的组织和行为，保护公司、股东、职工和债权人的合法权益，根据《中华人民共和国公司法》（以下简称《公司法》）和有关法律、行政法规的规定，制定本章程。',
    ),
    num.article(`公司名称：${app.name}。`),
    num.article(`公司住所：${address}。`),
    num.article(
      `公司类型：有限责任公司${sole ? `（${soleKind}）` : ''}。公司营业期限为长期，自营业执照签发之日起计算。`,
    ),
    num.article(
      '公司是企业法人，有独立的法人财产，享有法人财产权。公司以其全部财产对公司的债务承担责任；股东以其认缴的出资额为限对公司承担责任。',
    ),
    num.article('本章程对公司、股东、董事、监事、高级管理人员具有约束力。'),
  ]);

  const entries = app.businessScope.map((c) => findScopeEntry(c)).filter((e) => e !== undefined);
  const general = entries.filter((e) => e.kind === 'general').map((e) => e.wording.zh);
  const licensed = entries.filter((e) => e.kind === 'licensed').map((e) => e.wording.zh);
  const scopeParas = [num.article('公司的经营范围以登记机关登记的为准：')];
  if (general.length > 0)
    scopeParas.push(
      `一般项目：${general.join('；')}（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。`,
    );
  if (licensed.length > 0) {
    scopeParas.push(
      `许可项目：${licensed.join('；')}（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）。`,
    );
  }
  chapter(1, scopeParas);

  const nonCash = app.shareholders.some((s) => s.contribution.form !== 'cash');
  chapter(
    2,
    [
      num.article(`公司注册资本为${capitalText}，为在公司登记机关登记的全体股东认缴的出资额。`),
      num.article(
        `股东的姓名或者名称、出资方式、出资额和出资日期如下表。全体股东认缴的出资额由股东按照本章程的规定自公司成立之日起五年内缴足。`,
      ),
      num.article(
        `股东应当按期足额缴纳各自所认缴的出资额。${nonCash ? '以非货币财产出资的，应当评估作价，核实财产，不得高估或者低估作价，并依法办理其财产权的转移手续。' : ''}股东未按期足额缴纳出资的，除应当向公司足额缴纳外，还应当对给公司造成的损失承担赔偿责任。`,
      ),
      num.article('公司成立后，股东不得抽逃出资。公司应当置备股东名册，并向股东签发出资证明书。'),
    ],
    {
      columns: ['股东', '出资方式', '认缴出资额（元）', '出资比例', '出资日期'],
      rows: app.shareholders.map((s) => [
        shareholderName(s),
        contributionFormLabels[s.contribution.form].zh,
        formatYuan(s.contribution.amount),
        percent(s.contribution.amount, capital),
        s.contribution.dueDate,
      ]),
    },
  );

  chapter(3, [
    num.article(
      '股东享有下列权利：（一）查阅、复制公司章程、股东名册、股东会会议记录、董事会会议决议、监事会会议决议和财务会计报告，可以要求查阅公司会计账簿、会计凭证；（二）按照实缴的出资比例分取红利，公司新增资本时按照实缴的出资比例优先认缴出资；（三）依法转让其股权；（四）法律、行政法规和本章程规定的其他权利。',
    ),
    num.article(
      '股东负有下列义务：（一）按期足额缴纳所认缴的出资；（二）遵守法律、行政法规和本章程；（三）不得滥用股东权利损害公司或者其他股东的利益。',
    ),
    sole
      ? num.article('股东可以依法转让其全部或者部分股权。')
      : num.article(
          '股东之间可以相互转让其全部或者部分股权。股东向股东以外的人转让股权的，应当将股权转让的数量、价格、支付方式和期限等事项书面通知其他股东，其他股东在同等条件下有优先购买权；其他股东自接到书面通知之日起三十日内未答复的，视为放弃优先购买权。',
        ),
  ]);

  chapter(
    4,
    sole
      ? [
          num.article(
            '公司不设股东会。股东对下列事项作出决定时，应当采用书面形式，并由股东签名或者盖章后置备于公司：选举和更换董事、监事，决定其报酬事项；审议批准董事、监事的报告；审议批准利润分配方案和弥补亏损方案；对增加或者减少注册资本、发行公司债券作出决定；对合并、分立、解散、清算或者变更公司形式作出决定；修改公司章程。',
          ),
        ]
      : [
          num.article(
            '股东会由全体股东组成，是公司的权力机构，行使下列职权：（一）选举和更换董事、监事，决定有关董事、监事的报酬事项；（二）审议批准董事会（董事）的报告；（三）审议批准监事的报告；（四）审议批准公司的利润分配方案和弥补亏损方案；（五）对公司增加或者减少注册资本作出决议；（六）对发行公司债券作出决议；（七）对公司合并、分立、解散、清算或者变更公司形式作出决议；（八）修改公司章程。',
          ),
          num.article(
            '股东会会议由股东按照出资比例行使表决权。股东会作出决议，应当经代表过半数表决权的股东通过；修改公司章程、增加或者减少注册资本，以及公司合并、分立、解散或者变更公司形式的决议，应当经代表三分之二以上表决权的股东通过。',
          ),
          num.article(
            '首次股东会会议由出资最多的股东召集和主持。定期会议每年召开一次；代表十分之一以上表决权的股东、三分之一以上的董事或者监事提议召开临时会议的，应当召开临时会议。召开股东会会议，应当于会议召开十五日前通知全体股东。',
          ),
        ],
  );

  const managerText = o.manager
    ? `公司设经理一名，由${single ? '董事' : '董事会'}决定聘任或者解聘，现由${who(o.manager)}担任。经理对${single ? '董事' : '董事会'}负责，根据本章程的规定或者${single ? '董事' : '董事会'}的授权行使职权。`
    : '公司不设经理。';
  chapter(5, [
    single
      ? num.article(
          `公司不设董事会，设董事一名，由${who(o.governance.kind === 'single-director' ? o.governance.director : undefined)}担任，由${decider}选举产生。董事任期三年，任期届满，连选可以连任。董事行使本章程规定的董事会职权，可以兼任公司经理。`,
        )
      : num.article(
          `公司设董事会，成员${o.governance.kind === 'board' ? o.governance.directors.length : 0}名：${o.governance.kind === 'board' ? o.governance.directors.map(who).join('、') : ''}；董事长由${who(o.governance.kind === 'board' ? o.governance.chair : undefined)}担任。董事任期三年，任期届满，连选可以连任。董事会决议的表决，应当一人一票，经全体董事的过半数通过。`,
        ),
    num.article(
      `${single ? '董事' : '董事会'}行使下列职权：召集${decider === '股东' ? '并向股东报告工作' : '股东会会议，并向股东会报告工作'}；执行${decider}的决议；决定公司的经营计划和投资方案；制订公司的利润分配方案和弥补亏损方案；决定公司内部管理机构的设置；决定聘任或者解聘公司经理及其报酬事项，并根据经理的提名决定聘任或者解聘公司副经理、财务负责人；制定公司的基本管理制度。`,
    ),
    num.article(managerText),
  ]);

  chapter(6, [
    o.supervision.kind === 'supervisor'
      ? num.article(
          `公司不设监事会，设监事一名，由${who(o.supervision.supervisor)}担任。监事任期每届三年，连选可以连任。董事、高级管理人员不得兼任监事。监事检查公司财务，对董事、高级管理人员执行职务的行为进行监督。`,
        )
      : num.article('经全体股东一致同意，公司不设监事。'),
  ]);

  const rep = o.legalRepresentative;
  chapter(7, [
    num.article(
      `公司的法定代表人由代表公司执行公司事务的${rep.capacity === 'director' ? '董事' : '经理'}担任，现为${who(rep.ref)}。担任法定代表人的${rep.capacity === 'director' ? '董事' : '经理'}辞任的，视为同时辞去法定代表人。法定代表人辞任的，公司应当在法定代表人辞任之日起三十日内确定新的法定代表人。`,
    ),
    num.article(
      '法定代表人以公司名义从事的民事活动，其法律后果由公司承受。本章程或者股东会对法定代表人职权的限制，不得对抗善意相对人。',
    ),
  ]);

  chapter(8, [
    num.article(
      `公司依照法律、行政法规和国务院财政部门的规定建立本公司的财务、会计制度。公司财务负责人为${who(o.financeOfficer)}。`,
    ),
    num.article(
      '公司应当在每一会计年度终了时编制财务会计报告，并依法经会计师事务所审计；财务会计报告应当在规定期限内送交各股东。',
    ),
    num.article(
      '公司分配当年税后利润时，应当提取利润的百分之十列入公司法定公积金；法定公积金累计额为公司注册资本的百分之五十以上的，可以不再提取。',
    ),
  ]);

  chapter(9, [
    num.article(
      `公司因下列原因解散：（一）${decider}${sole ? '决定' : '决议'}解散；（二）因公司合并或者分立需要解散；（三）依法被吊销营业执照、责令关闭或者被撤销；（四）人民法院依照《公司法》的规定予以解散。`,
    ),
    num.article(
      '公司解散的，除因合并或者分立外，应当清算。董事为公司清算义务人，应当在解散事由出现之日起十五日内组成清算组进行清算。清算组应当自成立之日起十日内通知债权人，并于六十日内在报纸上或者国家企业信用信息公示系统公告。',
    ),
  ]);

  chapter(10, [
    num.article(
      '本章程与法律、行政法规的规定不一致的，以法律、行政法规的规定为准。本章程未规定的事项，依照《公司法》及有关法律、行政法规执行。',
    ),
    num.article(
      `公司登记事项以登记机关核准的为准。本章程自${sole ? '股东' : '全体股东'}签署之日起生效，由全体股东以电子签名方式签署。登记联络员：${who(o.liaison)}。`,
    ),
  ]);

  sections.push({
    title: sole ? '股东签署' : '全体股东签署',
    titleEn: 'Signatures',
    paragraphs: [
      ...app.shareholders.map(
        (s) =>
          `${s.kind === 'company' ? '股东（盖章）' : '股东（签字）'}：${shareholderName(s)}${SP}${SP}${SP}${SP}年${SP}${SP}月${SP}${SP}日`,
      ),
    ],
  });

  return { title: `${app.name}章程`, sections };
};
