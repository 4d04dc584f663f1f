import { Alert, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GENERAL_RATES } from '../../../../shared/tax/contract';
import {
  type CitPrepayReturnInput,
  type GeneralReturnInput,
  type ReturnFacts,
  type ReturnInput,
  type SmallScaleReturnInput,
} from '../../../../shared/api/tax';
import { formatMoney } from '../../components/format';
import { AmountField, FlagField, type FieldError } from './fields';

type Props<T> = { input: T; onChange: (next: T) => void; error: FieldError };

const SMALL_FIELDS = [
  'general1pct',
  'special1pct',
  'special3pct',
  'grossInclusive1pct',
  'realEstate5pct',
] as const;

/** 增值税及附加税费申报表（小规模纳税人适用）: sales by levy rate and invoice type, and the 差额 deduction. */
const SmallScaleFields = ({ input, onChange, error }: Props<SmallScaleReturnInput>) => {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2}>{t('tax.form.smallScale.title')}</Typography.Title>
      {SMALL_FIELDS.map((f) => (
        <AmountField
          key={f}
          label={t(`tax.form.smallScale.${f}`)}
          path={`sales.${f}`}
          value={input.sales[f]}
          error={error}
          onChange={(v) => onChange({ ...input, sales: { ...input.sales, [f]: v } })}
        />
      ))}
      <AmountField
        label={t('tax.form.smallScale.deduction')}
        path="deduction"
        value={input.deduction}
        error={error}
        onChange={(v) => onChange({ ...input, deduction: v })}
      />
      <Alert type="info" showIcon message={t('tax.form.smallScale.surchargesNote')} />
    </>
  );
};

/** 一般纳税人: sales per rate (ex- or incl. VAT), input tax, credit brought forward, 六税两费 status. */
const GeneralFields = ({ input, onChange, error }: Props<GeneralReturnInput>) => {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2}>{t('tax.form.general.title')}</Typography.Title>
      {GENERAL_RATES.map((rate) => (
        <Row key={rate} gutter={16}>
          <Col xs={24} md={12}>
            <AmountField
              label={`${t('tax.form.general.rate', { rate })} · ${t('tax.form.general.exclusive')}`}
              path={`salesByRate.${rate}`}
              value={input.salesByRate[rate]}
              error={error}
              onChange={(v) => onChange({ ...input, salesByRate: { ...input.salesByRate, [rate]: v } })}
            />
          </Col>
          <Col xs={24} md={12}>
            <AmountField
              label={`${t('tax.form.general.rate', { rate })} · ${t('tax.form.general.inclusive')}`}
              path={`inclusiveSalesByRate.${rate}`}
              value={input.inclusiveSalesByRate[rate]}
              error={error}
              onChange={(v) =>
                onChange({ ...input, inclusiveSalesByRate: { ...input.inclusiveSalesByRate, [rate]: v } })
              }
            />
          </Col>
        </Row>
      ))}
      <AmountField
        label={t('tax.form.general.inputTax')}
        path="inputTax"
        value={input.inputTax}
        error={error}
        onChange={(v) => onChange({ ...input, inputTax: v })}
      />
      <AmountField
        label={t('tax.form.general.credit')}
        path="carriedForwardCredit"
        value={input.carriedForwardCredit}
        error={error}
        onChange={(v) => onChange({ ...input, carriedForwardCredit: v })}
      />
      <FlagField
        label={t('tax.form.general.sixTaxesHalf')}
        checked={input.sixTaxesHalf}
        onChange={(v) => onChange({ ...input, sixTaxesHalf: v })}
      />
    </>
  );
};

/** 企业所得税预缴: cumulative profit, earlier prepayments, and start/end headcount and assets per quarter. */
const CitFields = ({
  input,
  onChange,
  error,
  facts,
}: Props<CitPrepayReturnInput> & { facts: ReturnFacts }) => {
  const { t } = useTranslation();
  const pair = (key: 'headcountByQuarter' | 'assetsByQuarter', i: number, side: 0 | 1, v: string) =>
    onChange({
      ...input,
      [key]: input[key].map((p, j) => (j === i ? (side === 0 ? [v, p[1]] : [p[0], v]) : p)),
    });
  return (
    <>
      <Typography.Title level={2}>{t('tax.form.cit.title')}</Typography.Title>
      <AmountField
        label={t('tax.form.cit.cumulativeProfit')}
        required
        path="cumulativeProfit"
        value={input.cumulativeProfit}
        error={error}
        onChange={(v) => onChange({ ...input, cumulativeProfit: v })}
      />
      <AmountField
        label={t('tax.form.cit.prepaidBefore')}
        path="prepaidBeforePlatform"
        value={input.prepaidBeforePlatform}
        error={error}
        onChange={(v) => onChange({ ...input, prepaidBeforePlatform: v })}
      />
      <Typography.Paragraph type="secondary">
        {t('tax.form.cit.prepaidOnPlatform', { amount: formatMoney(facts.prepaidOnPlatform) })}
      </Typography.Paragraph>
      <Typography.Title level={3}>{t('tax.form.cit.quarters')}</Typography.Title>
      {input.headcountByQuarter.map((_, i) => (
        <fieldset
          key={i}
          style={{ border: '1px solid #e5e7eb', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}
        >
          <legend style={{ padding: '0 6px' }}>{t('tax.form.cit.quarter', { q: i + 1 })}</legend>
          <Row gutter={16}>
            {([0, 1] as const).map((side) => (
              <Col xs={24} md={12} key={`h${side}`}>
                <AmountField
                  label={t(side === 0 ? 'tax.form.cit.headStart' : 'tax.form.cit.headEnd')}
                  required
                  path={`headcountByQuarter.${i}.${side}`}
                  unit={t('tax.form.persons')}
                  value={input.headcountByQuarter[i]?.[side]}
                  error={error}
                  onChange={(v) => pair('headcountByQuarter', i, side, v)}
                />
              </Col>
            ))}
            {([0, 1] as const).map((side) => (
              <Col xs={24} md={12} key={`a${side}`}>
                <AmountField
                  label={t(side === 0 ? 'tax.form.cit.assetsStart' : 'tax.form.cit.assetsEnd')}
                  required
                  path={`assetsByQuarter.${i}.${side}`}
                  value={input.assetsByQuarter[i]?.[side]}
                  error={error}
                  onChange={(v) => pair('assetsByQuarter', i, side, v)}
                />
              </Col>
            ))}
          </Row>
        </fieldset>
      ))}
      <FlagField
        label={t('tax.form.cit.restricted')}
        checked={input.restrictedIndustry}
        onChange={(v) => onChange({ ...input, restrictedIndustry: v })}
      />
    </>
  );
};

/** The fields of whichever form the return is. */
export const FormFields = ({ input, onChange, error, facts }: Props<ReturnInput> & { facts: ReturnFacts }) =>
  input.form === 'vat-small-scale' ? (
    <SmallScaleFields input={input} onChange={onChange} error={error} />
  ) : input.form === 'vat-general' ? (
    <GeneralFields input={input} onChange={onChange} error={error} />
  ) : (
    <CitFields input={input} onChange={onChange} error={error} facts={facts} />
  );
