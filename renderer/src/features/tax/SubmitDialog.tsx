import { useRef, useState } from 'react';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../api/client';
import { useLang } from '../../components/useLang';
import { declarationText, type ReturnComputation, type ReturnInput } from '../../../../shared/api/tax';
import type { TaxPeriod } from '../../../../shared/tax/period';
import { taxApi, useRefreshTax } from './api';
import { ComputationView } from './ComputationView';

type Props = {
  companyId: string;
  companyName: string;
  period: TaxPeriod;
  input: ReturnInput;
  computation: ReturnComputation;
  correction: boolean;
  saveDraft: () => Promise<boolean>;
  onClose: () => void;
};

/**
 * The last look before filing: exactly what is declared and every figure. The draft is saved
 * first, so a refusal loses nothing; the key is made once, so a retried click files once.
 */
export const SubmitDialog = ({
  companyId,
  companyName,
  period,
  input,
  computation,
  correction,
  saveDraft,
  onClose,
}: Props) => {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const refresh = useRefreshTax();
  const key = useRef(newIdempotencyKey());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      if (!(await saveDraft())) return;
      const filed = await taxApi.submit(
        companyId,
        {
          period,
          input,
          confirmedTotal: computation.totalPayable,
          ...(correction ? { correction: true } : {}),
        },
        key.current,
      );
      refresh();
      navigate(`/companies/${companyId}/tax/returns/${filed.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('tax.form.confirmTitle')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('tax.zero.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="confirm-submit">
            {t('tax.form.confirmOk')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('tax.form.confirmIntro')}</Typography.Text>
        <Typography.Paragraph strong data-testid="declaration">
          {declarationText(companyName, period, computation, { correction })[lang]}
        </Typography.Paragraph>
        <ComputationView computation={computation} />
        {error && <Alert type="error" showIcon message={error} role="alert" data-testid="submit-error" />}
      </Space>
    </Modal>
  );
};
