import { Alert, Button, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client';
import { useLocalized } from '../../components/useLang';
import type {
  ClientSelection,
  EligibilityRow,
  PreflightOverride,
  ZeroFilingPreview,
} from '../../../../shared/api/firms';
import { firmApi } from './api';
import { errorText } from './bits';

type Props = {
  firmId: string;
  periods: { month: string; quarter: string };
  selected: string[];
  onClose: () => void;
  onStarted: (batchId: string) => void;
};

/** A row held back only by a finding a person may let pass with a note (e.g. an authorization ending soon). */
export const mayOverride = (r: EligibilityRow): boolean =>
  !r.eligible && r.checks.some((c) => c.code === r.code && c.overridable && !c.overridden);

/** The overrides the notes amount to: every overridable finding of a row with a note of 2+ characters. */
export const overridesOf = (
  rows: readonly EligibilityRow[],
  notes: Readonly<Record<string, string>>,
): PreflightOverride[] =>
  rows.flatMap((r) => {
    const note = (notes[r.companyId] ?? '').trim();
    return note.length >= 2
      ? r.checks.filter((c) => c.overridable).map((c) => ({ companyId: r.companyId, code: c.code, note }))
      : [];
  });

/**
 * Batch zero filing: choose the period and the clients, preview who qualifies and why not, let an
 * overridable finding pass with a note (sent with the batch and audited on the client's record),
 * then run.
 */
export const ZeroFilingDialog = ({ firmId, periods, selected, onClose, onStarted }: Props) => {
  const { t } = useTranslation();
  const l = useLocalized();
  const [periodKey, setPeriodKey] = useState(periods.quarter);
  const [scope, setScope] = useState<'selected' | 'no-sales'>(selected.length > 0 ? 'selected' : 'no-sales');
  const [preview, setPreview] = useState<ZeroFilingPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  // One key per intent: a retried click on "run" returns the same batch instead of a second one.
  const [runKey] = useState(newIdempotencyKey);
  const clients: ClientSelection = scope === 'selected' ? { companyIds: selected } : { selector: 'no-sales' };

  const overrides = preview ? overridesOf(preview.rows, notes) : [];
  const load = () => {
    setBusy(true);
    setError(null);
    firmApi
      .previewZero(firmId, periodKey, clients, overrides)
      .then(setPreview)
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  };
  const run = () => {
    if (!preview) return;
    setBusy(true);
    firmApi
      .startZero(firmId, periodKey, { companyIds: preview.rows.map((r) => r.companyId) }, runKey, overrides)
      .then((b) => onStarted(b.id))
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  };
  const rows = preview ? [...preview.rows].sort((a, b) => Number(a.eligible) - Number(b.eligible)) : [];

  return (
    <Modal
      open
      width={880}
      title={t('firms.zero.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="preview"
          onClick={load}
          loading={busy && !preview}
          disabled={scope === 'selected' && selected.length === 0}
          data-testid="zero-preview"
        >
          {preview ? t('firms.zero.recheck') : t('firms.zero.preview')}
        </Button>,
        <Button
          key="run"
          type="primary"
          danger
          onClick={run}
          loading={busy && !!preview}
          disabled={!preview || preview.eligibleCount === 0}
          data-testid="zero-run"
        >
          {t('firms.zero.run', { count: preview?.eligibleCount ?? 0 })}
        </Button>,
      ]}
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <div>
          <Typography.Text strong>{t('firms.zero.period')}</Typography.Text>
          <Radio.Group
            style={{ display: 'block', marginTop: 4 }}
            value={periodKey}
            onChange={(e) => {
              setPeriodKey(e.target.value as string);
              setPreview(null);
              setNotes({});
            }}
            options={[
              { value: periods.quarter, label: t('firms.zero.quarter', { key: periods.quarter }) },
              { value: periods.month, label: t('firms.zero.month', { key: periods.month }) },
            ]}
          />
        </div>
        <div>
          <Typography.Text strong>{t('firms.zero.selection')}</Typography.Text>
          <Radio.Group
            style={{ display: 'block', marginTop: 4 }}
            value={scope}
            onChange={(e) => {
              setScope(e.target.value as 'selected' | 'no-sales');
              setPreview(null);
            }}
            options={[
              {
                value: 'selected',
                label: t('firms.zero.selected', { count: selected.length }),
                disabled: selected.length === 0,
              },
              { value: 'no-sales', label: t('firms.zero.noSales') },
            ]}
          />
        </div>
        {error && <Alert type="error" showIcon message={error} />}
        {preview && (
          <>
            <Alert
              type={preview.eligibleCount > 0 ? 'info' : 'warning'}
              showIcon
              data-testid="zero-summary"
              message={`${t('firms.zero.eligible', { count: preview.eligibleCount })}；${t('firms.zero.ineligible', { count: preview.rows.length - preview.eligibleCount })}`}
              description={
                preview.eligibleCount > 0
                  ? t('firms.zero.confirm', { count: preview.eligibleCount, period: l(preview.periodLabel) })
                  : undefined
              }
            />
            <Table<EligibilityRow>
              virtual
              size="small"
              rowKey="companyId"
              pagination={false}
              scroll={{ y: 320 }}
              dataSource={rows}
              data-testid="zero-preview-table"
              columns={[
                {
                  key: 'name',
                  title: t('firms.batch.client'),
                  width: 300,
                  // Name and USCC together on every step, so nobody files for the wrong company.
                  render: (_, r) => (
                    <span>
                      {r.name}{' '}
                      <Typography.Text type="secondary" className="st-id">
                        {r.uscc}
                      </Typography.Text>
                    </span>
                  ),
                },
                {
                  key: 'ok',
                  title: t('firms.batch.result'),
                  width: 100,
                  render: (_, r) =>
                    r.eligible ? <Tag color="green">✓</Tag> : <Tag color="orange">{r.code}</Tag>,
                },
                {
                  key: 'reason',
                  title: t('firms.zero.reason'),
                  // The first reason, then every pre-flight finding (e.g. an authorization ending
                  // before the deadline) so the whole picture is on one row; an overridable one
                  // that holds the client back takes a note.
                  render: (_, r) => (
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      {r.reason && !r.checks.some((c) => c.code === r.code) && <span>{l(r.reason)}</span>}
                      {r.checks.map((c) => (
                        <Tag
                          key={c.code}
                          data-testid={`zero-check-${c.code}`}
                          color={c.overridden ? 'default' : c.overridable ? 'orange' : 'red'}
                          style={{ whiteSpace: 'normal' }}
                        >
                          {l(c.reason)}
                          {c.overridden ? `（${t('firms.zero.overridden')}）` : ''}
                        </Tag>
                      ))}
                      {mayOverride(r) && (
                        <Input
                          size="small"
                          placeholder={t('firms.zero.note')}
                          aria-label={t('firms.zero.note')}
                          title={t('firms.zero.noteHint')}
                          maxLength={500}
                          value={notes[r.companyId] ?? ''}
                          onChange={(e) => setNotes((n) => ({ ...n, [r.companyId]: e.target.value }))}
                          data-testid="zero-override-note"
                        />
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
};
