import { useState } from 'react';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../components/format';
import type { InvoiceLinesPage } from '../../../../shared/api/tax';
import { PAGE_SIZE, useInvoiceLines } from './api';

type Line = InvoiceLinesPage['lines'][number];

/** The period's invoice lines on file, a page at a time, for review line by line. */
export const InvoiceLinesTable = ({ companyId, periodKey }: { companyId: string; periodKey: string }) => {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const lines = useInvoiceLines(companyId, periodKey, page, true);
  return (
    <Table<Line>
      size="small"
      rowKey="id"
      loading={lines.isLoading}
      dataSource={lines.data?.lines ?? []}
      scroll={{ x: 900 }}
      data-testid="invoice-lines"
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: lines.data?.total ?? 0,
        showSizeChanger: false,
        onChange: setPage,
      }}
      columns={[
        { title: t('tax.invoices.number'), dataIndex: 'invoiceNumber', width: 200 },
        { title: t('tax.invoices.date'), dataIndex: 'issueDate', width: 110 },
        {
          title: '',
          width: 150,
          render: (_, l) => (
            <>
              <Tag color={l.direction === 'issued' ? 'blue' : 'default'}>
                {t(`tax.invoices.direction.${l.direction}`)}
              </Tag>
              {l.red && <Tag color="red">{t('tax.invoices.red')}</Tag>}
            </>
          ),
        },
        {
          title: t('tax.invoices.counterparty'),
          render: (_, l) => (l.direction === 'issued' ? l.buyerName : l.sellerName),
        },
        { title: t('tax.invoices.item'), dataIndex: 'itemName' },
        {
          title: t('tax.invoices.rate'),
          width: 90,
          render: (_, l) =>
            l.rate === 'exempt' || l.rate === 'non-taxable' ? t(`tax.invoices.${l.rate}`) : `${l.rate}%`,
        },
        {
          title: t('tax.invoices.amount'),
          align: 'right',
          width: 120,
          render: (_, l) => formatMoney(l.amount),
        },
        { title: t('tax.invoices.tax'), align: 'right', width: 100, render: (_, l) => formatMoney(l.tax) },
      ]}
    />
  );
};
