import { useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocalized } from '../../components/useLang';
import { newIdempotencyKey } from '../../api/client';
import {
  fieldRule,
  operatingStatusLabels,
  OperatingStatus,
  type AnnualReportContent,
  type ReportField,
  type Withholdable,
} from '../../../../shared/lifecycle/annual-report-fields';
import type { AnnualReportFiled, AnnualReportPrefill } from '../../../../shared/api/annual-reports';
import { DisclosureTag } from './bits';
import { useCorrectReport, useFileReport } from './api';

const MONEY: ReportField[] = [
  'totalAssets',
  'totalLiabilities',
  'guaranteesGiven',
  'ownersEquity',
  'totalRevenue',
  'mainBusinessRevenue',
  'totalProfit',
  'netProfit',
  'totalTaxPaid',
];
const INSURANCES = ['pension', 'unemployment', 'medical', 'workInjury', 'maternity'] as const;

type Values = Omit<AnnualReportContent, 'headcount' | 'socialInsurance'> & {
  headcount: number | null;
  socialInsurance: Record<(typeof INSURANCES)[number], number | null>;
};

/**
 * The report form, opened on what the platform knows. Every item says where its value came from
 * (平台预填 / 待填写) and whether it is published; withholdable items carry a publish switch.
 */
export const ReportForm = ({
  companyId,
  prefill,
  onFiled,
  correction = false,
}: {
  companyId: string;
  prefill: AnnualReportPrefill;
  onFiled: (filed: AnnualReportFiled) => void;
  /** Opened on the filed report to correct it (a new version; the reason is asked). */
  correction?: boolean;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const [form] = Form.useForm<Values>();
  const [withheld, setWithheld] = useState<Withholdable[]>(prefill.withheld);
  // One key per report: a retried click or a double submit files once.
  const [key] = useState(newIdempotencyKey);
  const fileMutation = useFileReport(companyId);
  const correctMutation = useCorrectReport(companyId);
  const file = correction ? correctMutation : fileMutation;
  const [note, setNote] = useState('');
  const c = prefill.content;
  const initial = useMemo(
    () => ({
      address: c.address ?? '',
      postcode: c.postcode ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
      operatingStatus: c.operatingStatus ?? 'operating',
      websites: c.websites ?? [],
      investments: c.investments ?? [],
      shareholders: c.shareholders ?? [],
      equityTransfers: c.equityTransfers ?? [],
      headcount: c.headcount ?? null,
      ...Object.fromEntries(MONEY.map((m) => [m, (c as Record<string, unknown>)[m] ?? ''])),
      socialInsurance: c.socialInsurance ?? {
        pension: null,
        unemployment: null,
        medical: null,
        workInjury: null,
        maternity: null,
      },
    }),
    [c],
  );

  const label = (key: ReportField): ReactNode => {
    const rule = fieldRule(key);
    const fromPlatform = prefill.sources[key] !== undefined;
    return (
      <Space size={4} wrap>
        <span>{loc(rule.label)}</span>
        <DisclosureTag disclosure={rule.disclosure} />
        {fromPlatform ? (
          <Tag color="green">{t('annual.fromPlatform')}</Tag>
        ) : (
          <Tag color="orange">{t('annual.toFill')}</Tag>
        )}
      </Space>
    );
  };
  const publishSwitch = (key: Withholdable): ReactNode => (
    <Switch
      data-testid={`publish-${key}`}
      checked={!withheld.includes(key)}
      checkedChildren={t('annual.published')}
      unCheckedChildren={t('annual.withheld')}
      onChange={(on) => setWithheld((w) => (on ? w.filter((x) => x !== key) : [...w, key]))}
    />
  );
  const money = (key: ReportField) => (
    <Form.Item key={key} label={label(key)} required>
      <Space>
        <Form.Item name={key} noStyle rules={[{ required: true }]}>
          <Input
            inputMode="decimal"
            style={{ width: 220 }}
            data-testid={`field-${key}`}
            aria-label={loc(fieldRule(key).label)}
          />
        </Form.Item>
        {publishSwitch(key as Withholdable)}
      </Space>
    </Form.Item>
  );

  const submit = (entered: Values) => {
    // Items without an input here (websites, investments, transfers) keep their prefilled value.
    const v: Values = { ...(initial as Values), ...entered };
    const content: AnnualReportContent = {
      ...v,
      // An empty date field means "not yet" (null), never an empty string.
      shareholders: v.shareholders.map((s) => ({
        ...s,
        subscribed: { ...s.subscribed, date: s.subscribed.date || null },
        paid: { ...s.paid, date: s.paid.date || null },
      })),
      headcount: v.headcount ?? 0,
      socialInsurance: Object.fromEntries(
        INSURANCES.map((i) => [i, v.socialInsurance[i] ?? 0]),
      ) as AnnualReportContent['socialInsurance'],
    };
    if (correction)
      correctMutation.mutate(
        { year: prefill.reportYear, body: { content, withheld, note } },
        { onSuccess: onFiled },
      );
    else
      fileMutation.mutate(
        { body: { reportYear: prefill.reportYear, content, withheld }, key },
        { onSuccess: onFiled },
      );
  };

  return (
    <Card
      data-testid="annual-form"
      title={
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('annual.formTitle', { year: prefill.reportYear })}
          {correction && ` · ${t('annual.correct')}`}
        </Typography.Title>
      }
    >
      {prefill.late && (
        <Alert type="warning" showIcon message={t('annual.lateNote')} style={{ marginBottom: 12 }} />
      )}
      {!correction && (
        <>
          <Alert type="info" showIcon message={t('annual.prefillNote')} style={{ marginBottom: 12 }} />
          <Descriptions size="small" column={1} title={t('annual.knownFacts')} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('annual.siRegistration')}>
              {prefill.known.socialInsuranceRegistration ?? t('annual.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('annual.licences')}>
              {prefill.known.licences.length === 0
                ? t('annual.none')
                : prefill.known.licences.map((l) => loc(l.name)).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('annual.taxReturns', { count: prefill.known.taxReturnsCounted })}>
              {prefill.content.totalTaxPaid ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="address" label={label('address')} rules={[{ required: true }]}>
          <Input data-testid="field-address" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item
            name="postcode"
            label={label('postcode')}
            rules={[{ required: true, pattern: /^\d{6}$/ }]}
          >
            <Input data-testid="field-postcode" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="phone" label={label('phone')} rules={[{ required: true }]}>
            <Input data-testid="field-phone" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="email" label={label('email')} rules={[{ required: true, type: 'email' }]}>
            <Input data-testid="field-email" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="operatingStatus" label={label('operatingStatus')}>
            <Select
              style={{ width: 160 }}
              options={OperatingStatus.options.map((s) => ({
                value: s,
                label: loc(operatingStatusLabels[s]),
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={label('shareholders')}>
          <Form.List name="shareholders">
            {(fields) => (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                data-testid="field-shareholders"
                columns={[
                  {
                    title: t('annual.shareholder'),
                    render: (_, f) => (
                      <>
                        {String(form.getFieldValue(['shareholders', f.name, 'name']) ?? '')}
                        <Form.Item name={[f.name, 'name']} hidden>
                          <Input />
                        </Form.Item>
                      </>
                    ),
                  },
                  {
                    title: t('annual.subscribed'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'subscribed', 'amount']} noStyle>
                        <Input style={{ width: 140 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('annual.paid'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'paid', 'amount']} noStyle>
                        <Input style={{ width: 140 }} data-testid={`paid-${f.name}`} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('annual.paidDate'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'paid', 'date']} noStyle>
                        <Input placeholder="YYYY-MM-DD" style={{ width: 130 }} />
                      </Form.Item>
                    ),
                  },
                ]}
              />
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={label('headcount')} required>
          <Space>
            <Form.Item name="headcount" noStyle rules={[{ required: true }]}>
              <InputNumber
                min={0}
                precision={0}
                data-testid="field-headcount"
                aria-label={loc(fieldRule('headcount').label)}
              />
            </Form.Item>
            {publishSwitch('headcount')}
          </Space>
        </Form.Item>
        {MONEY.map(money)}
        <Form.Item label={label('socialInsurance')} required>
          <Space wrap>
            {INSURANCES.map((i) => (
              <Form.Item
                key={i}
                name={['socialInsurance', i]}
                label={t(`annual.${i}`)}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} precision={0} data-testid={`field-si-${i}`} />
              </Form.Item>
            ))}
            {publishSwitch('socialInsurance')}
          </Space>
        </Form.Item>
        {correction && (
          <Form.Item label={t('annual.correctionNote')} required>
            <Input.TextArea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              data-testid="annual-correction-note"
            />
          </Form.Item>
        )}
        <ErrorAlert error={file.error} testId="annual-error" style={{ marginBottom: 12 }} />
        <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="annual-submit">
          {correction ? t('annual.correct') : t('annual.submit')}
        </Button>
      </Form>
    </Card>
  );
};
