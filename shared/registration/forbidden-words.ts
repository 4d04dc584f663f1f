import { type LocalizedText, text } from '../text';

/**
 * Words a company name may not contain (企业名称登记管理规定 art. 11). A curated list, not an
 * exhaustive one: the registry's examiners still review names; this catches the plain cases
 * as the applicant types. Words are matched as substrings of the whole name.
 */
export type ForbiddenCategory =
  | 'military'
  | 'party-state'
  | 'mass-organisation'
  | 'international-organisation'
  | 'foreign-country'
  | 'obscene'
  | 'gambling'
  | 'superstition'
  | 'terror-violence'
  | 'discrimination'
  | 'misleading'
  | 'separatism';

export const forbiddenCategoryReason: Record<ForbiddenCategory, LocalizedText> = {
  military: text('军队名称、番号或军事用语', 'a military name, designation or term'),
  'party-state': text('党政机关名称或简称', 'the name or abbreviation of a Party or state organ'),
  'mass-organisation': text('群团组织名称', 'the name of a mass organisation'),
  'international-organisation': text('国际组织名称', 'the name of an international organisation'),
  'foreign-country': text('外国国家（地区）名称', 'the name of a foreign country or region'),
  obscene: text('淫秽、色情内容', 'obscene or pornographic content'),
  gambling: text('赌博内容', 'gambling content'),
  superstition: text('封建迷信内容', 'superstitious content'),
  'terror-violence': text('恐怖、暴力内容', 'terrorist or violent content'),
  discrimination: text('民族、种族、宗教、性别歧视内容', 'discriminatory content'),
  misleading: text('可能对公众造成欺骗或者误解的内容', 'content that may deceive or mislead the public'),
  separatism: text('政治性或分裂国家的内容', 'political or separatist content'),
};

const list: Record<ForbiddenCategory, readonly string[]> = {
  military: [
    '解放军',
    '人民解放军',
    '国防',
    '八一',
    '武警',
    '军委',
    '军区',
    '部队',
    '军工',
    '中央军委',
    '民兵',
    // lifecycle.md §2: armed forces and their units.
    '陆军',
    '海军',
    '空军',
    '火箭军',
    '战区',
    '军分区',
    '人武部',
  ],
  'party-state': [
    '中共',
    '共产党',
    '党中央',
    '国务院',
    '全国人大',
    '人大常委',
    '政协',
    '纪委',
    '监察委',
    '公安局',
    '检察院',
    '人民法院',
    '人民政府',
    '国民党',
    // lifecycle.md §2: state organs and their abbreviations, anywhere in the name.
    '人大',
    '公安',
    '政府',
    '法院',
    '检察',
  ],
  'mass-organisation': ['共青团', '妇联', '总工会', '红十字会', '少先队'],
  'international-organisation': [
    '联合国',
    '世界贸易组织',
    '世贸组织',
    '世界卫生组织',
    '国际奥委会',
    '奥林匹克',
    '奥运',
    '欧盟',
    '北约',
    '东盟',
    '亚投行',
  ],
  'foreign-country': [
    '美国',
    '日本',
    '英国',
    '法国',
    '德国',
    '俄罗斯',
    '韩国',
    '朝鲜',
    '印度',
    '意大利',
    '加拿大',
    '澳大利亚',
    '新西兰',
    '新加坡',
    '泰国',
    '越南',
    '菲律宾',
    '马来西亚',
    '印度尼西亚',
    '西班牙',
    '葡萄牙',
    '荷兰',
    '瑞士',
    '瑞典',
    '挪威',
    '丹麦',
    '芬兰',
    '比利时',
    '奥地利',
    '爱尔兰',
    '希腊',
    '波兰',
    '乌克兰',
    '土耳其',
    '以色列',
    '伊朗',
    '伊拉克',
    '沙特阿拉伯',
    '埃及',
    '南非',
    '巴西',
    '阿根廷',
    '墨西哥',
    '巴基斯坦',
    '蒙古国',
    '缅甸',
    '柬埔寨',
    '老挝',
  ],
  obscene: ['色情', '淫秽', '裸聊', '嫖', '娼', '情色', '性交易'],
  gambling: ['赌博', '赌场', '博彩', '赌球', '百家乐', '老虎机'],
  superstition: ['迷信', '算命', '占卜', '风水', '驱鬼', '跳大神', '邪教', '法轮'],
  'terror-violence': ['恐怖', '暴力', '杀人', '黑社会', '毒品', '冰毒', '纳粹', '法西斯', '枪支', '炸药'],
  discrimination: ['种族歧视', '鬼佬', '低能', '残废', '蛮夷', '黑鬼', '支那'],
  misleading: ['特供', '专供', '国家级', '国宾', '最高检', '央企'],
  separatism: ['台独', '藏独', '疆独', '港独', '东突', '分裂国家', '颠覆'],
};

export type ForbiddenWord = { word: string; category: ForbiddenCategory };

export const forbiddenWords: readonly ForbiddenWord[] = (Object.keys(list) as ForbiddenCategory[]).flatMap(
  (category) => list[category].map((word) => ({ word, category })),
);

/**
 * Every forbidden word in `name`. A shorter word inside a longer match (军委 in 中央军委) is not
 * reported twice.
 */
export const findForbiddenWords = (name: string): ForbiddenWord[] => {
  const hits = forbiddenWords.filter((f) => name.includes(f.word));
  return hits.filter((h) => !hits.some((o) => o.word !== h.word && o.word.includes(h.word)));
};

/** May not lead a name without State Council approval (they may appear elsewhere). */
export const restrictedLeadingWords = ['中国', '中华', '中央', '全国', '国家', '国际'] as const;

export const findRestrictedPrefix = (name: string): string | undefined =>
  restrictedLeadingWords.find((w) => name.startsWith(w));

/**
 * lifecycle.md §2: 中国/中华/全国/国家/国际 may not appear anywhere in a name (nor in the 字号);
 * the exceptions need an approval the product does not handle, so it refuses them all.
 */
export const restrictedAnywhereWords = ['中国', '中华', '全国', '国家', '国际'] as const;

/** The restricted words inside `name` other than at its start (RESTRICTED_PREFIX reports those). */
export const findRestrictedWords = (name: string): string[] =>
  restrictedAnywhereWords.filter((w) => name.indexOf(w, 1) > 0);
