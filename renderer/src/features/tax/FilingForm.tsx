import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../components/useLang';
import { isDomainError, type DomainError } from '../../../../shared/domain-error';
import type { CompanyDetail } from '../../../../shared/api/companies';
import {
  computeReturn,
  FORM_NAMES,
  inputFromInvoices,
  periodEnd,
  periodStart,
  type Prefill,
  type ReturnComputation,
  type ReturnInput,
} from '../../../../shared/api/tax';
import { periodLabel } from '../../../../shared/tax/period';
import { taxApi, useRefreshTax } from './api';
import { ComputationView } from './ComputationView';
import { FormFields } from './FormFields';
import type { FieldError } from './fields';
import { InvoicePanel } from './InvoicePanel';
import { SubmitDialog } from './SubmitDialog';

type Props = {
  prefill: Prefill;
  company: CompanyDetail;
  correction: boolean;
  refetch: () => Promise<Prefill | undefined>;
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The value at a dotted path of the input ("sales.general1pct", "headcountByQuarter.0.1"). */
const valueAt = (input: ReturnInput, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      input,
    );
const isBlank = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.trim() === '');

type Live = { computation: ReturnComputation; error: null } | { computation: null; error: FieldError };

/** The form with the engine's computation beside it, recomputed in the browser on every keystroke. */
export const FilingForm = ({ prefill, company, correction, refetch }: Props) => {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useRefreshTax();
  const [input, setInput] = useState<ReturnInput>(prefill.input);
  const [dirty, setDirty] = useState(false);
  const [summary, setSummary] = useState(prefill.invoices);
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** The engine's refusal in the form's words: no field paths, no API jargon. */
  const problemText = useCallback(
    (e: DomainError, current: ReturnInput): string => {
      if (e.field && isBlank(valueAt(current, e.field))) return t('tax.form.fillRequired');
      if (e.code === 'INVALID_NUMBER') return t('tax.form.invalidNumber');
      // The engine names the field by its path; the form shows the message under that field instead.
      return e.field
        ? e.text[lang].replace(new RegExp(`^${escapeRegExp(e.field)}[：:]?\\s*`), '')
        : e.text[lang];
    },
    [t, lang],
  );
  const live: Live = useMemo(() => {
    try {
      return { computation: computeReturn(prefill.period, input, prefill.facts), error: null };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return { computation: null, error: { field: e.field ?? null, message: problemText(e, input) } };
    }
  }, [input, prefill.period, prefill.facts, problemText]);

  const change = (next: ReturnInput): void => {
    setInput(next);
    setDirty(true);
  };
  const save = async (): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      await taxApi.saveDraft(company.id, prefill.period, input);
      refresh();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setSaving(false);
    }
  };
  const imported = async (): Promise<void> => {
    const next = await refetch();
    setSummary(next?.invoices ?? null);
    refresh();
    if (next && !dirty) setInput(next.input);
  };
  const applyInvoices = summary ? () => change(inputFromInvoices(prefill.form, summary) ?? input) : null;
  const canImport = company.grantedScopes.includes('*') || company.grantedScopes.includes('invoice.manage');
  const label = periodLabel(prefill.period)[lang];
  const version = prefill.corrects ? prefill.corrects.version + 1 : 1;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} className="st-h1" style={{ marginTop: 0 }} data-testid="form-title">
          {FORM_NAMES[prefill.form][lang]}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          size="small"
          style={{ marginBottom: 12 }}
        >
          <Descriptions.Item label={t('tax.form.taxpayer')}>{company.name}</Descriptions.Item>
          <Descriptions.Item label={t('company.uscc')}>
            <span className="st-id">{company.uscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('tax.form.period')}>
            {label}（{periodStart(prefill.period)} – {periodEnd(prefill.period)}）
          </Descriptions.Item>
          <Descriptions.Item label={t('tax.form.deadline')}>
            <Space>
              {prefill.dueDate}
              {prefill.late && <Tag color="red">{t('tax.due.state.overdue')}</Tag>}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Space direction="vertical" style={{ width: '100%' }}>
          {correction && (
            <Alert
              type="info"
              showIcon
              message={t('tax.form.correction', { version })}
              data-testid="correction-note"
            />
          )}
          {prefill.late && prefill.periodEnded && (
            <Alert type="warning" showIcon message={t('tax.form.late', { date: prefill.dueDate })} />
          )}
          {!prefill.periodEnded && <Alert type="warning" showIcon message={t('tax.form.notEnded')} />}
          <Typography.Text type="secondary">{t(`tax.form.source.${prefill.inputSource}`)}</Typography.Text>
        </Space>
      </Card>
      {prefill.form !== 'cit-prepay' && (
        <InvoicePanel
          companyId={company.id}
          periodKey={prefill.periodKey}
          summary={summary}
          canImport={canImport}
          onImported={() => void imported()}
          onApply={dirty ? applyInvoices : null}
        />
      )}
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={14}>
          <Card>
            <FormFields input={input} onChange={change} error={live.error} facts={prefill.facts} />
            {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginTop: 12 }} />}
            <Space style={{ marginTop: 16 }} wrap>
              <Button
                loading={saving}
                onClick={() => void save().then((ok) => ok && void message.success(t('tax.form.saved')))}
                data-testid="save-draft"
              >
                {t('tax.form.save')}
              </Button>
              <Button
                type="primary"
                disabled={!live.computation || !prefill.periodEnded}
                onClick={() => setConfirming(true)}
                data-testid="submit-return"
              >
                {t('tax.form.submit')}
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('tax.form.liveTitle')} style={{ position: 'sticky', top: 16 }}>
            <ComputationView computation={live.computation} problem={live.error?.message ?? null} />
          </Card>
        </Col>
      </Row>
      {confirming && live.computation && (
        <SubmitDialog
          companyId={company.id}
          companyName={company.name}
          period={prefill.period}
          input={input}
          computation={live.computation}
          correction={correction}
          saveDraft={save}
          onClose={() => setConfirming(false)}
        />
      )}
    </Space>
  );
};
