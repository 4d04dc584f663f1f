import { Alert, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { licenceTypeByKey, licenceTypeByCode } from '../../../../shared/licences/catalogue';
import type { SignedLicence } from '../../../../shared/licences/document';
import type { LicenceStateView, LicenceRegistryStatus, VerifyAnswer } from '../../../../shared/api/licences';
import { useLocalized } from '../../components/useLang';

export const stateColor: Record<string, string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
  'not-yet-valid': 'blue',
  revoked: 'default',
  superseded: 'default',
};

/** Registry status first (a revoked licence is revoked whatever its dates), then the dates. */
export const ValidityTag = ({
  state,
  status,
}: {
  state: LicenceStateView;
  status: LicenceRegistryStatus;
}) => {
  const { t } = useTranslation();
  const key = status === 'active' ? state.state : status;
  return (
    <Tag color={stateColor[key]} data-testid="licence-state">
      {t(`licences.state.${key}`)}
    </Tag>
  );
};

/** "40 days left" / "expired 12 days ago" / "valid indefinitely". */
export const Countdown = ({ state }: { state: LicenceStateView }) => {
  const { t } = useTranslation();
  const d = state.daysLeft;
  const label =
    d === null
      ? t('licences.state.noExpiry')
      : d > 0
        ? t('licences.state.daysLeft', { days: d })
        : d === 0
          ? t('licences.state.lastDay')
          : t('licences.state.daysAgo', { days: -d });
  const strong = d !== null && d <= 90;
  return (
    <Typography.Text
      type={d !== null && d < 0 ? 'danger' : strong ? 'warning' : 'secondary'}
      strong={strong}
      data-testid="countdown"
    >
      {label}
    </Typography.Text>
  );
};

export const validityText = (from: string, until: string | null, indefinite: string): string =>
  `${from} — ${until ?? indefinite}`;

/** The licence's fields with the labels of its type, in the type's order; unknown fields last. */
export const useFieldRows = (signed: SignedLicence): [string, string][] => {
  const loc = useLocalized();
  const type = licenceTypeByCode(signed.document.typeCode);
  const fields = signed.document.fields;
  const known = (type?.fields ?? []).filter((f) => fields[f.name] !== undefined);
  const rest = Object.keys(fields).filter((k) => !known.some((f) => f.name === k));
  const show = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join('；') : (v ?? ''));
  return [
    ...known.map((f): [string, string] => [loc(f.label), show(fields[f.name])]),
    ...rest.map((k): [string, string] => [k, show(fields[k])]),
  ];
};

export const useTypeName = () => {
  const loc = useLocalized();
  return (typeKey: string) => {
    const type = licenceTypeByKey(typeKey);
    return type ? loc(type.name) : typeKey;
  };
};

export const verdictType = (v: VerifyAnswer['verdict']): 'success' | 'warning' | 'error' =>
  v === 'valid' ? 'success' : v === 'expired' || v === 'not-yet-valid' ? 'warning' : 'error';

/** A verification answer: the verdict in large type and every reason in order. */
export const VerdictAlert = ({
  answer,
  title,
  testId,
}: {
  answer: VerifyAnswer;
  title: string;
  testId: string;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <Alert
      data-testid={testId}
      type={verdictType(answer.verdict)}
      showIcon
      message={
        <Space wrap>
          <span>{title}</span>
          <Typography.Text strong style={{ fontSize: '1.2em' }} data-testid={`${testId}-verdict`}>
            {t(`licences.verify.verdict.${answer.verdict}`)}
          </Typography.Text>
        </Space>
      }
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {answer.reasons.map((r, i) => (
            <li key={i}>{loc(r)}</li>
          ))}
          {answer.notices?.map((n, i) => (
            <li key={`notice-${i}`} data-testid={`${testId}-notice`}>
              <Typography.Text type="warning">{loc(n)}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
};

export const formatBytes = (n: number): string =>
  n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Keeps short cells (versions, dates, digests) on one line when elder mode enlarges the text. */
export const nowrap = (content: ReactNode) => <span style={{ whiteSpace: 'nowrap' }}>{content}</span>;
