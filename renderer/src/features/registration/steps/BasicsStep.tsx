import { Alert, Button, Input, Radio, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCompanyName } from '../../../../../shared/registration/name-rules';
import type { NameCheckResponse } from '../../../../../shared/api/registration';
import { useLang } from '../../../components/useLang';
import { regApi } from '../api';
import { errorsAt, Field } from '../fields';
import type { StepProps } from './step-props';

const CHECK_DELAY_MS = 350;

/** The name as typed, checked with the pure rules at once and against the registry shortly after. */
const useNameCheck = (name: string, companyType: 'llc' | 'sole-llc', applicationId: string) => {
  const local = useMemo(
    () => (name.trim() ? checkCompanyName(name.trim(), { existing: [], legalForm: companyType }) : undefined),
    [name, companyType],
  );
  const [remote, setRemote] = useState<{ name: string; result: NameCheckResponse } | undefined>();
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      regApi
        .nameCheck(trimmed, companyType, applicationId, controller.signal)
        .then((result) => setRemote({ name: trimmed, result }))
        .catch(() => undefined)
        .finally(() => setLoading(false));
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [name, companyType, applicationId]);
  const current = remote && remote.name === name.trim() ? remote.result : undefined;
  return { local, remote: current, loading: loading && !current };
};

export const BasicsStep = ({ draft, patch, errors, applicationId, readOnly }: StepProps) => {
  const { t } = useTranslation();
  const lang = useLang();
  const name = draft.name ?? '';
  const type = draft.companyType ?? 'llc';
  const { local, remote, loading } = useNameCheck(name, type, applicationId);
  const result =
    remote ??
    (local
      ? { ok: local.ok, parts: local.parts ?? null, problems: local.problems, suggestions: local.suggestions }
      : undefined);
  const nameErrors = [
    ...errorsAt(errors, 'name'),
    ...(result?.problems.filter((p) => p.severity === 'error').map((p) => p.text[lang]) ?? []),
  ];
  const warnings = result?.problems.filter((p) => p.severity === 'warning') ?? [];
  return (
    <>
      <Typography.Title level={2}>{t('registration.basics.title')}</Typography.Title>
      <Field id="reg-type" label={t('registration.basics.type')} errors={errorsAt(errors, 'companyType')}>
        <Radio.Group
          id="reg-type"
          disabled={readOnly}
          value={type}
          onChange={(e) => patch((d) => void (d.companyType = e.target.value as 'llc' | 'sole-llc'))}
          options={(['llc', 'sole-llc'] as const).map((k) => ({
            value: k,
            label: t(`registration.basics.types.${k}`),
          }))}
        />
      </Field>
      <Field
        id="reg-name"
        label={t('registration.basics.name')}
        errors={[...new Set(nameErrors)]}
        extra={t('registration.basics.nameHelp')}
      >
        <Input
          id="reg-name"
          data-testid="reg-name"
          size="large"
          disabled={readOnly}
          value={name}
          maxLength={60}
          placeholder={t('registration.basics.namePlaceholder')}
          onChange={(e) => patch((d) => void (d.name = e.target.value))}
          suffix={loading ? <Spin size="small" /> : null}
        />
      </Field>
      {loading && <Typography.Text type="secondary">{t('registration.basics.checking')}</Typography.Text>}
      {result?.ok && remote && (
        <Alert
          type="success"
          showIcon
          data-testid="name-ok"
          message={t('registration.basics.nameOk')}
          description={result.parts ? t('registration.basics.parts', result.parts) : null}
        />
      )}
      {warnings.map((w) => (
        <Alert key={w.code} type="warning" showIcon message={w.text[lang]} style={{ marginTop: 8 }} />
      ))}
      {result && result.suggestions.length > 0 && !readOnly && (
        <div style={{ marginTop: 12 }} data-testid="name-suggestions">
          <Typography.Text>{t('registration.basics.suggestions')}</Typography.Text>
          <Space wrap style={{ marginTop: 8 }}>
            {result.suggestions.map((s) => (
              <Button key={s} onClick={() => patch((d) => void (d.name = s))}>
                {s}
              </Button>
            ))}
          </Space>
        </div>
      )}
    </>
  );
};
