import type { ActivityEntry } from '../../../shared/api/activity';
import { activityActionName } from '../../../shared/activity/actions';
import type { Lang } from '../../../shared/text';
import { chinaMinute } from '../../../shared/time/china';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CAPACITY: Record<string, { zh: string; en: string }> = {
  'legal-representative': { zh: '法定代表人', en: 'Legal representative' },
  delegate: { zh: '被授权人', en: 'Delegate' },
  'firm-staff': { zh: '事务所', en: 'Firm' },
  system: { zh: '系统', en: 'System' },
  'link-holder': { zh: '确认链接', en: 'Approval link' },
};

/** The capacity an actor used, in the reader's language. */
export const capacityName = (actingAs: string, lang: Lang): string => CAPACITY[actingAs]?.[lang] ?? actingAs;

/** The log as a workbook: one row per entry, China time, personal data already masked. */
export const activityWorkbook = async (entries: ActivityEntry[], lang: Lang): Promise<Buffer> => {
  const zh = lang === 'zh';
  const h = (a: string, b: string) => (zh ? a : b);
  const columns = [
    { header: h('时间（北京时间）', 'Time (China)'), width: 18 },
    { header: h('操作', 'Action'), width: 22 },
    { header: h('操作人', 'By'), width: 14 },
    { header: h('身份', 'Capacity'), width: 14 },
    { header: h('事务所', 'Firm'), width: 30 },
    { header: h('详情', 'Detail'), width: 60 },
  ];
  const rows = entries.map((e) => [
    chinaMinute(e.at),
    activityActionName(e.action, lang),
    e.actor.name ?? capacityName(e.actingAs, lang),
    capacityName(e.actingAs, lang),
    e.firm?.name ?? '',
    Object.keys(e.detail).length ? JSON.stringify(e.detail) : '',
  ]);
  // Loaded on the first export only.
  const { writeSheet } = await import('../../xlsx/write');
  return writeSheet({
    name: h('操作日志', 'Activity'),
    rows: [columns.map((c) => c.header), ...rows],
    widths: columns.map((c) => c.width),
    header: true,
    textColumns: [5],
  });
};
