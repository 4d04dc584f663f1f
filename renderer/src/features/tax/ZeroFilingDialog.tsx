import { useEffect, useRef, useState } from 'react';
import { useResultFocus } from '../../components/announce';
import { Alert, Button, Modal, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../../components/useLang';
import {
  computeReturn,
  declarationText,
  zeroReturnInput,
  type DueItem,
  type ReturnDetail,
} from '../../../../shared/api/tax';
import type { TaxPeriod } from '../../../../shared/tax/period';
import { useSession } from '../../state/session';
import { taxApi, useRefreshTax } from './api';

type Props = {
  item: DueItem;
  period: TaxPeriod;
  form: 'vat-small-scale' | 'vat-general';
  /** `filed`: the return was filed, so the due item that opened the dialog is leaving the list. */
  onClose: (filed: boolean) => void;
};

/**
 * 零申报 in one confirmation: the dialog states exactly what is declared (company, form, period,
 * sales 0.00, total 0.00); one click files it and shows the receipt number.
 */
export const ZeroFilingDialog = ({ item, period, form, onClose }: Props) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const refresh = useRefreshTax();
  // Elder mode (适老化): one primary action on the screen and nothing optional beside it; the
  // dialog's close button and Escape still cancel.
  const elder = useSession((s) => s.prefs.elderMode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ReturnDetail | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const failure = useRef<HTMLDivElement>(null);
  const statement = useRef<HTMLElement>(null);
  // Focus starts on what is declared: a screen reader reads it, and Tab goes on to the button.
  useEffect(() => {
    const id = window.setTimeout(() => statement.current?.focus(), 0);
    return () => window.clearTimeout(id);
  }, []);
  // The receipt (or the refusal) is where the keyboard and the screen reader go next.
  useResultFocus(result, done !== null);
  useResultFocus(failure, error !== null, error ?? undefined);
  // The same engine the platform runs: the sentence shows the figures that will be filed.
  const computation = computeReturn(period, zeroReturnInput(form), {
    location: 'urban',
    prepaidOnPlatform: '0.00',
  });
  const declaration = loc(declarationText(item.companyName, period, computation, { zero: true }));

  const file = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setDone(await taxApi.fileZero(item.companyId, period));
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('tax.zero.title')}
      onCancel={() => onClose(done !== null)}
      footer={
        done ? (
          <Button onClick={() => onClose(true)}>{t('tax.zero.cancel')}</Button>
        ) : (
          <Space>
            {!elder && <Button onClick={() => onClose(false)}>{t('tax.zero.cancel')}</Button>}
            <Button type="primary" loading={busy} onClick={() => void file()} data-testid="zero-confirm">
              {t('tax.zero.confirm')}
            </Button>
          </Space>
        )
      }
    >
      {done ? (
        <div ref={result} tabIndex={-1} className="st-result">
          <Result
            status="success"
            title={t('tax.zero.done')}
            subTitle={
              <span data-testid="zero-receipt">
                {t('tax.zero.receipt', { number: done.receiptNumber ?? '' })}
              </span>
            }
            extra={
              <Link to={`/companies/${done.companyId}/tax/returns/${done.id}`} onClick={() => onClose(true)}>
                {t('tax.zero.openReceipt')}
              </Link>
            }
          />
        </div>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {!elder && <Typography.Text>{t('tax.zero.intro')}</Typography.Text>}
          <Typography.Paragraph
            strong
            data-testid="zero-declaration"
            style={{ fontSize: '1.05em' }}
            ref={statement}
            tabIndex={-1}
            className="st-result"
          >
            {declaration}
          </Typography.Paragraph>
          {!elder && <Typography.Text type="secondary">{t('tax.zero.noSales')}</Typography.Text>}
          {item.state === 'overdue' && <Alert type="warning" showIcon message={t('tax.zero.late')} />}
          {error && (
            <div ref={failure} tabIndex={-1} className="st-result">
              <Alert type="error" showIcon message={error} />
            </div>
          )}
        </Space>
      )}
    </Modal>
  );
};
