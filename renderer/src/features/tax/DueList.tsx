import { useState, type RefObject } from 'react';
import { useDialogFocus } from '../../components/dialogFocus';
import { ItemMeta } from '../../components/ItemMeta';
import { Button, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../components/useLang';
import { formatCurrency } from '../../components/format';
import type { DueItem } from '../../../../shared/api/tax';
import { asTaxPeriod, daysText, opensOn, periodText, STATE_COLOR } from './labels';
import { ZeroFilingDialog } from './ZeroFilingDialog';

const fileUrl = (i: DueItem): string => `/companies/${i.companyId}/tax/file/${i.form}/${i.periodKey}`;

const Actions = ({ item, onZero }: { item: DueItem; onZero: () => void }) => {
  const { t } = useTranslation();
  const period = asTaxPeriod(item.period);
  if (item.state === 'unpaid')
    return item.returnId ? (
      <Link to={`/companies/${item.companyId}/tax/returns/${item.returnId}`}>
        <Button type={item.canPay ? 'primary' : 'default'}>
          {item.canPay ? t('tax.due.pay') : t('tax.due.view')}
        </Button>
      </Link>
    ) : null;
  if (!item.form || !period)
    return <Typography.Text type="secondary">{t('tax.due.annualElsewhere')}</Typography.Text>;
  if (item.state === 'period-open')
    return (
      <Typography.Text type="secondary">{t('tax.due.opensAfter', { date: opensOn(period) })}</Typography.Text>
    );
  if (!item.canFile) return <Typography.Text type="secondary">{t('tax.due.noAuthority')}</Typography.Text>;
  return (
    <Space wrap>
      {item.zeroFilingOffered && !item.draftReturnId && (
        <Button type="primary" onClick={onZero} data-testid="zero-filing">
          {t('tax.due.zero')}
        </Button>
      )}
      <Link to={fileUrl(item)}>
        <Button type={item.zeroFilingOffered ? 'default' : 'primary'} data-testid="file-return">
          {item.draftReturnId ? t('tax.due.continue') : t('tax.due.file')}
        </Button>
      </Link>
    </Space>
  );
};

/** Due items, soonest first: what, for which period, by when, how many days are left, and the action. */
export const DueList = ({
  items,
  showCompany,
  heading,
}: {
  items: DueItem[];
  showCompany: boolean;
  /** The section's heading (tabIndex -1): where focus goes when the filed item has left the list. */
  heading?: RefObject<HTMLElement | null>;
}) => {
  const { t } = useTranslation();
  const lang = useLang();
  const [zero, setZero] = useState<DueItem | null>(null);
  const dialogFocus = useDialogFocus(heading);
  const zeroPeriod = zero ? asTaxPeriod(zero.period) : null;
  return (
    <>
      <List
        dataSource={items}
        locale={{ emptyText: <Empty description={t('tax.due.empty')} /> }}
        renderItem={(i) => (
          <List.Item
            data-testid="due-item"
            data-period={i.periodKey}
            data-tax={i.tax}
            actions={[
              <Actions
                key="a"
                item={i}
                onZero={() => {
                  dialogFocus.remember();
                  setZero(i);
                }}
              />,
            ]}
          >
            <ItemMeta
              title={
                <Space wrap size={4}>
                  {showCompany && <Typography.Text strong>{i.companyName} · </Typography.Text>}
                  <span>
                    {t(`tax.taxes.${i.tax}`)} · {periodText(i.period, lang)}
                  </span>
                </Space>
              }
              description={
                <Space wrap size={[8, 4]}>
                  <Tag color={STATE_COLOR[i.state]}>{t(`tax.due.state.${i.state}`)}</Tag>
                  <Typography.Text
                    strong
                    type={i.daysLeft < 0 ? 'danger' : i.daysLeft <= 7 ? 'warning' : undefined}
                  >
                    {daysText(t, i.daysLeft)}
                  </Typography.Text>
                  <span>{t('tax.due.dueBy', { date: i.dueDate })}</span>
                  {i.amountDue && <span>{formatCurrency(i.amountDue)}</span>}
                  {i.sourceOfDate !== 'official' && (
                    <Tooltip title={t('tax.due.unpublishedHint')}>
                      <Tag color="purple" data-testid="date-unpublished">
                        {t('tax.due.unpublished')}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {zero && zeroPeriod && zero.form && zero.form !== 'cit-prepay' && (
        <ZeroFilingDialog
          item={zero}
          period={zeroPeriod}
          form={zero.form}
          onClose={(filed) => {
            setZero(null);
            dialogFocus.restore(filed);
          }}
        />
      )}
    </>
  );
};
