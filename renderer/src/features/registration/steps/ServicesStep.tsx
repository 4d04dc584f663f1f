import { Card, Checkbox, Col, Row, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  EsealKind,
  esealLabels,
  type ApplicationDraft,
} from '../../../../../shared/registration/application';
import { banks, branchesOf } from '../../../../../shared/registration/banks';
import { findDivision } from '../../../../../shared/registration/divisions';
import { useLang } from '../../../components/useLang';
import { errorsAt, Field } from '../fields';
import type { StepProps } from './step-props';

type ServicesDraft = NonNullable<ApplicationDraft['services']>;

const defaults = (): ServicesDraft => ({
  seals: true,
  taxRegistration: { enabled: true, digitalInvoices: true },
  socialInsurance: true,
  housingFund: true,
  bankAccount: { enabled: true },
});

/** The one-stop extras, all ticked unless the applicant opts out. */
export const ServicesStep = ({ draft, patch, errors, readOnly }: StepProps) => {
  const { t } = useTranslation();
  const lang = useLang();
  const s = { ...defaults(), ...draft.services };
  const edit = (fn: (x: ServicesDraft) => void): void =>
    patch((d) => fn((d.services = { ...defaults(), ...d.services })));
  const cityCode = draft.domicile?.divisionCode
    ? findDivision(draft.domicile.divisionCode)?.cityCode
    : undefined;
  const bank = s.bankAccount ?? {};
  const branches = bank.bankCode ? branchesOf(bank.bankCode, cityCode) : [];
  const tax = s.taxRegistration ?? {};
  return (
    <>
      <Typography.Title level={2}>{t('registration.services.title')}</Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Checkbox
            disabled={readOnly}
            checked={s.seals !== false}
            onChange={(e) => edit((x) => void (x.seals = e.target.checked))}
          >
            {t('registration.services.seals')}
          </Checkbox>
          <div style={{ marginTop: 8 }}>
            {EsealKind.options.map((k) => (
              <Tag key={k}>{esealLabels[k][lang]}</Tag>
            ))}
          </div>
        </Card>
        <Card size="small">
          <Space direction="vertical">
            <Checkbox
              disabled={readOnly}
              checked={tax.enabled !== false}
              onChange={(e) =>
                edit((x) => void (x.taxRegistration = { ...x.taxRegistration, enabled: e.target.checked }))
              }
            >
              {t('registration.services.tax')}
            </Checkbox>
            <Checkbox
              disabled={readOnly || tax.enabled === false}
              checked={tax.digitalInvoices !== false}
              onChange={(e) =>
                edit(
                  (x) =>
                    void (x.taxRegistration = { ...x.taxRegistration, digitalInvoices: e.target.checked }),
                )
              }
              style={{ marginLeft: 24 }}
            >
              {t('registration.services.digitalInvoices')}
            </Checkbox>
          </Space>
        </Card>
        <Card size="small">
          <Space direction="vertical">
            <Checkbox
              disabled={readOnly}
              checked={s.socialInsurance !== false}
              onChange={(e) => edit((x) => void (x.socialInsurance = e.target.checked))}
            >
              {t('registration.services.social')}
            </Checkbox>
            <Checkbox
              disabled={readOnly}
              checked={s.housingFund !== false}
              onChange={(e) => edit((x) => void (x.housingFund = e.target.checked))}
            >
              {t('registration.services.housing')}
            </Checkbox>
          </Space>
        </Card>
        <Card size="small">
          <Checkbox
            disabled={readOnly}
            checked={bank.enabled !== false}
            onChange={(e) =>
              edit((x) => void (x.bankAccount = { ...x.bankAccount, enabled: e.target.checked }))
            }
          >
            {t('registration.services.bank')}
          </Checkbox>
          {bank.enabled !== false && (
            <Row gutter={16} style={{ marginTop: 12 }}>
              <Col xs={24} md={10}>
                <Field
                  id="reg-bank"
                  label={t('registration.services.bankName')}
                  errors={errorsAt(errors, 'services.bankAccount.bankCode')}
                >
                  <Select
                    id="reg-bank"
                    data-testid="reg-bank"
                    disabled={readOnly}
                    showSearch
                    optionFilterProp="label"
                    value={bank.bankCode}
                    options={banks.map((b) => ({ value: b.code, label: b.shortName }))}
                    onChange={(v: string) =>
                      edit((x) => void (x.bankAccount = { enabled: true, bankCode: v }))
                    }
                  />
                </Field>
              </Col>
              <Col xs={24} md={14}>
                <Field
                  id="reg-branch"
                  label={t('registration.services.branch')}
                  errors={errorsAt(errors, 'services.bankAccount.branchCode')}
                  extra={t('registration.services.branchHelp')}
                >
                  <Select
                    id="reg-branch"
                    data-testid="reg-branch"
                    disabled={readOnly || !bank.bankCode}
                    showSearch
                    optionFilterProp="label"
                    value={bank.branchCode}
                    options={branches.map((b) => ({ value: b.code, label: b.name }))}
                    onChange={(v: string) =>
                      edit((x) => void (x.bankAccount = { ...x.bankAccount, enabled: true, branchCode: v }))
                    }
                  />
                </Field>
              </Col>
            </Row>
          )}
        </Card>
      </Space>
    </>
  );
};
