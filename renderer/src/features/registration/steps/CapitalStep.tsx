import { Alert, Button, Card, Col, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import Decimal from 'decimal.js';
import { useTranslation } from 'react-i18next';
import {
  ContributionForm,
  contributionFormLabels,
  type ApplicationDraft,
} from '../../../../../shared/registration/application';
import { latestContributionDate } from '../../../../../shared/registration/capital-rules';
import { chinaToday } from '../../../../../shared/time/china';
import { formatMoney } from '../../../components/format';
import { useLang } from '../../../components/useLang';
import { useMePerson } from '../api';
import { errorsAt, Field } from '../fields';
import { identifierProblems } from '../identifiers';
import type { StepProps } from './step-props';

type ShareholderDraft = NonNullable<ApplicationDraft['shareholders']>[number];

const AMOUNT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;
const sumOf = (list: readonly ShareholderDraft[]): Decimal =>
  list.reduce(
    (s, x) => (AMOUNT.test(x.contribution?.amount ?? '') ? s.plus(x.contribution?.amount ?? '0') : s),
    new Decimal(0),
  );

export const CapitalStep = ({ draft, patch, errors, readOnly }: StepProps) => {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMePerson();
  const list = draft.shareholders ?? [];
  const capital = draft.registeredCapital ?? '';
  const latest = latestContributionDate(chinaToday());
  const sum = sumOf(list);
  const capitalOk = AMOUNT.test(capital);
  const fresh = (kind: 'person' | 'company', name = '', id = ''): ShareholderDraft => {
    // A sole shareholder subscribes the whole capital; others start empty.
    const amount = list.length === 0 && capitalOk ? capital : '';
    const base = { kind, name, contribution: { amount, form: 'cash' as const, dueDate: latest } };
    return kind === 'person' ? { ...base, residentId: id } : { ...base, uscc: id };
  };
  const update = (i: number, fn: (s: ShareholderDraft) => void): void =>
    patch((d) => {
      const s = d.shareholders?.[i];
      if (s) fn(s);
    });
  const meListed = me.data
    ? list.some((s) => s.kind === 'person' && s.residentId === me.data.residentId)
    : true;
  return (
    <>
      <Typography.Title level={2}>{t('registration.capital.title')}</Typography.Title>
      <Field
        id="reg-capital"
        label={t('registration.capital.capital')}
        errors={errorsAt(errors, 'registeredCapital')}
        extra={t('registration.capital.capitalHelp')}
      >
        <Input
          id="reg-capital"
          size="large"
          inputMode="decimal"
          disabled={readOnly}
          value={capital}
          style={{ maxWidth: 280 }}
          onChange={(e) =>
            patch((d) => {
              const next = e.target.value.trim();
              // A sole shareholder's subscription follows the capital until it is changed by hand.
              const only = d.shareholders?.length === 1 ? d.shareholders[0] : undefined;
              if (only && (!only.contribution?.amount || only.contribution.amount === d.registeredCapital))
                only.contribution = { ...only.contribution, amount: next };
              d.registeredCapital = next;
            })
          }
        />
      </Field>
      <Typography.Title level={3}>{t('registration.capital.shareholders')}</Typography.Title>
      {errorsAt(errors, 'shareholders').map((m) => (
        <Alert key={m} type="error" showIcon message={m} style={{ marginBottom: 12 }} />
      ))}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {list.map((s, i) => {
          const at = `shareholders.${i}`;
          const idField = s.kind === 'company' ? 'uscc' : 'residentId';
          return (
            <Card
              key={i}
              size="small"
              data-testid="reg-shareholder"
              title={
                <Space>
                  {t('registration.capital.shareholderNo', { n: i + 1 })}
                  <Tag>{t(`registration.capital.${s.kind ?? 'person'}`)}</Tag>
                </Space>
              }
              extra={
                !readOnly && (
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => patch((d) => void d.shareholders?.splice(i, 1))}
                  >
                    {t('registration.capital.remove')}
                  </Button>
                )
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Field
                    id={`${at}.name`}
                    label={t('registration.capital.name')}
                    errors={errorsAt(errors, `${at}.name`)}
                  >
                    <Input
                      id={`${at}.name`}
                      disabled={readOnly}
                      value={s.name ?? ''}
                      onChange={(e) => update(i, (x) => void (x.name = e.target.value))}
                    />
                  </Field>
                </Col>
                <Col xs={24} md={12}>
                  <Field
                    id={`${at}.${idField}`}
                    label={t(
                      s.kind === 'company' ? 'registration.capital.uscc' : 'registration.capital.residentId',
                    )}
                    errors={[
                      ...errorsAt(errors, `${at}.${idField}`),
                      ...identifierProblems(s.kind === 'company' ? 'uscc' : 'resident-id', s[idField], lang),
                    ]}
                  >
                    <Input
                      id={`${at}.${idField}`}
                      disabled={readOnly}
                      value={s[idField] ?? ''}
                      maxLength={20}
                      onChange={(e) => update(i, (x) => void (x[idField] = e.target.value))}
                    />
                  </Field>
                </Col>
                <Col xs={24} md={8}>
                  <Field
                    id={`${at}.amount`}
                    label={t('registration.capital.amount')}
                    errors={errorsAt(errors, `${at}.contribution.amount`)}
                  >
                    <Input
                      id={`${at}.amount`}
                      inputMode="decimal"
                      disabled={readOnly}
                      value={s.contribution?.amount ?? ''}
                      onChange={(e) =>
                        update(
                          i,
                          (x) => void (x.contribution = { ...x.contribution, amount: e.target.value.trim() }),
                        )
                      }
                    />
                  </Field>
                </Col>
                <Col xs={24} md={8}>
                  <Field
                    id={`${at}.form`}
                    label={t('registration.capital.form')}
                    errors={errorsAt(errors, `${at}.contribution.form`)}
                  >
                    <Select
                      id={`${at}.form`}
                      disabled={readOnly}
                      value={s.contribution?.form}
                      options={ContributionForm.options.map((f) => ({
                        value: f,
                        label: contributionFormLabels[f][lang],
                      }))}
                      onChange={(v: ContributionForm) =>
                        update(i, (x) => void (x.contribution = { ...x.contribution, form: v }))
                      }
                    />
                  </Field>
                </Col>
                <Col xs={24} md={8}>
                  <Field
                    id={`${at}.dueDate`}
                    label={t('registration.capital.dueDate')}
                    errors={errorsAt(errors, `${at}.contribution.dueDate`)}
                    extra={t('registration.capital.dueHelp', { date: latest })}
                  >
                    <Input
                      id={`${at}.dueDate`}
                      type="date"
                      max={latest}
                      disabled={readOnly}
                      value={s.contribution?.dueDate ?? ''}
                      onChange={(e) =>
                        update(
                          i,
                          (x) => void (x.contribution = { ...x.contribution, dueDate: e.target.value }),
                        )
                      }
                    />
                  </Field>
                </Col>
              </Row>
            </Card>
          );
        })}
      </Space>
      {!readOnly && list.length < 50 && (
        <Space wrap style={{ margin: '16px 0' }}>
          {!meListed && me.data && (
            <Button
              type="primary"
              icon={<UserOutlined aria-hidden />}
              data-testid="reg-add-me-shareholder"
              onClick={() =>
                patch(
                  (d) =>
                    void (d.shareholders = [
                      ...(d.shareholders ?? []),
                      fresh('person', me.data.name, me.data.residentId),
                    ]),
                )
              }
            >
              {t('registration.capital.addMe')}
            </Button>
          )}
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => patch((d) => void (d.shareholders = [...(d.shareholders ?? []), fresh('person')]))}
          >
            {t('registration.capital.addPerson')}
          </Button>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() =>
              patch((d) => void (d.shareholders = [...(d.shareholders ?? []), fresh('company')]))
            }
          >
            {t('registration.capital.addCompany')}
          </Button>
        </Space>
      )}
      {list.length > 0 && capitalOk && (
        <Alert
          data-testid="reg-capital-sum"
          type={sum.eq(capital) ? 'success' : 'warning'}
          showIcon
          message={t('registration.capital.sum', {
            sum: formatMoney(sum.toFixed(2)),
            capital: formatMoney(new Decimal(capital).toFixed(2)),
          })}
          description={sum.eq(capital) ? null : t('registration.capital.sumMismatch')}
        />
      )}
    </>
  );
};
