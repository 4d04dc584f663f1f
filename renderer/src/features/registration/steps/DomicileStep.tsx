import { Cascader, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { districtsOf, findDivision, guangdongCities } from '../../../../../shared/registration/divisions';
import { errorsAt, Field } from '../fields';
import type { StepProps } from './step-props';

type Option = { value: string; label: string; children?: Option[] };

/** Guangdong's cities and their districts/counties, with GB/T 2260 codes as values. */
const options: Option[] = guangdongCities.map((c) => ({
  value: c.code,
  label: c.name,
  children: districtsOf(c.code).map((d) => ({ value: d.code, label: d.name })),
}));

export const DomicileStep = ({ draft, patch, errors, readOnly }: StepProps) => {
  const { t } = useTranslation();
  const code = draft.domicile?.divisionCode ?? '';
  const division = code ? findDivision(code) : undefined;
  const value = division?.cityCode ? [division.cityCode, division.code] : [];
  const street = draft.domicile?.street ?? '';
  return (
    <>
      <Typography.Title level={2}>{t('registration.domicile.title')}</Typography.Title>
      <Field
        id="reg-division"
        label={t('registration.domicile.division')}
        errors={errorsAt(errors, 'domicile.divisionCode')}
        extra={division ? t('registration.domicile.code', { code: division.code }) : null}
      >
        <Cascader
          id="reg-division"
          data-testid="reg-division"
          size="large"
          disabled={readOnly}
          options={options}
          value={value}
          showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
          placeholder={t('registration.domicile.divisionPlaceholder')}
          style={{ width: '100%', maxWidth: 420 }}
          onChange={(v) => {
            const picked = Array.isArray(v) ? String(v[v.length - 1] ?? '') : '';
            patch((d) => void (d.domicile = { ...d.domicile, divisionCode: picked }));
          }}
        />
      </Field>
      <Field
        id="reg-street"
        label={t('registration.domicile.street')}
        errors={errorsAt(errors, 'domicile.street')}
      >
        <Input
          id="reg-street"
          size="large"
          disabled={readOnly}
          value={street}
          maxLength={120}
          placeholder={t('registration.domicile.streetPlaceholder')}
          onChange={(e) => patch((d) => void (d.domicile = { ...d.domicile, street: e.target.value }))}
        />
      </Field>
      {division && street.trim() && (
        <Typography.Paragraph data-testid="reg-full-address">
          {t('registration.domicile.full', { address: division.fullName + street.trim() })}
        </Typography.Paragraph>
      )}
    </>
  );
};
