import { Card, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../components/useLang';
import type { DisclosureSection } from '../../../../shared/api/annual-reports';

type Changes = Extract<DisclosureSection, { kind: 'changes' }>;
type Notices = Extract<DisclosureSection, { kind: 'capital-reduction-notices' }>;

/** The public change history on the disclosure page. */
export const DisclosedChanges = ({ section }: { section: Changes }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const rows = section.changes.flatMap((c, i) =>
    c.items.map((item) => ({ key: `${i}-${item.item}`, approvedOn: c.approvedOn, ...item })),
  );
  return (
    <Card title={t('changes.disclosureChanges')} data-testid="gs-changes">
      {rows.length === 0 ? (
        <Empty description={t('changes.disclosureNoChanges')} />
      ) : (
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('changes.approvedOn'), dataIndex: 'approvedOn', width: 110 },
            { title: t('changes.item'), render: (_, r) => loc(r.label), width: 120 },
            { title: t('changes.before'), dataIndex: 'before' },
            { title: t('changes.after'), dataIndex: 'after' },
          ]}
        />
      )}
    </Card>
  );
};

/** Capital-reduction announcements with the creditors' claim window (CL §224). */
export const ReductionNotices = ({ section }: { section: Notices }) => {
  const { t } = useTranslation();
  if (section.notices.length === 0) return null;
  return (
    <Card title={t('changes.disclosureNotices')} data-testid="gs-reduction-notices">
      <Space direction="vertical">
        {section.notices.map((n) => (
          <Typography.Paragraph key={n.announcedOn + n.to} style={{ margin: 0 }}>
            {t('changes.noticeLine', { date: n.announcedOn, from: n.from, to: n.to })}{' '}
            {n.claimWindowEndsOn
              ? t('changes.claimUntil', { date: n.claimWindowEndsOn })
              : t('changes.lossesNote')}
          </Typography.Paragraph>
        ))}
      </Space>
    </Card>
  );
};
