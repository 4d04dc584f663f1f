import { Alert, List, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../components/useLang';
import { formatCurrency, formatMoney } from '../../components/format';
import type { ReturnComputation, ReturnLine } from '../../../../shared/api/tax';

/**
 * The engine's figures line by line, the total, and each relief or rule applied in plain words.
 * The same view serves the live preview while typing and the filed return.
 */
export const ComputationView = ({
  computation,
  problem,
}: {
  computation: ReturnComputation | null;
  problem?: string | null;
}) => {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (!computation)
    return (
      <Alert
        type="warning"
        showIcon
        message={t('tax.form.problem')}
        description={problem ?? ''}
        data-testid="computation-problem"
      />
    );
  return (
    <div data-testid="computation">
      <Table<ReturnLine>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={computation.lines}
        showHeader={false}
        columns={[
          { render: (_, l) => localized(l.label) },
          {
            align: 'right',
            render: (_, l) => (
              <span data-testid={`line-${l.code}`}>{l.unit === 'yuan' ? formatMoney(l.value) : l.value}</span>
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('tax.form.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="total-payable" style={{ fontSize: '1.2em' }}>
                {formatCurrency(computation.totalPayable)}
              </strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Title level={2} style={{ marginTop: 16, fontSize: 20 }}>
        {t('tax.form.reliefs')}
      </Typography.Title>
      {computation.reliefs.length === 0 ? (
        <Typography.Text type="secondary">{t('tax.form.noReliefs')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={computation.reliefs}
          renderItem={(r) => (
            <List.Item data-testid="relief" data-code={r.code}>
              {localized(r.text)}
            </List.Item>
          )}
        />
      )}
    </div>
  );
};
