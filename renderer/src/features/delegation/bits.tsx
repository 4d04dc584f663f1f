import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isScopeKey, scopeInfo } from '../../../../shared/delegation/scopes';
import { describeValidity, type Validity } from '../../../../shared/delegation/validity';
import type { DelegationStatus } from '../../../../shared/delegation/status';
import { useLocalized } from '../../components/useLang';

/** Scopes by their plain-language names, with the description on hover. */
export const ScopeTags = ({ scopes }: { scopes: readonly string[] }) => {
  const loc = useLocalized();
  return (
    <>
      {scopes.map((s) =>
        isScopeKey(s) ? (
          <Tooltip key={s} title={loc(scopeInfo(s).description)}>
            <Tag color="blue">{loc(scopeInfo(s).name)}</Tag>
          </Tooltip>
        ) : (
          <Tag key={s}>{s}</Tag>
        ),
      )}
    </>
  );
};

const statusColor: Record<DelegationStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  expired: 'default',
  cancelled: 'default',
  revoked: 'volcano',
};

export const StatusTag = ({ status }: { status: DelegationStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} data-testid="delegation-status-tag">
      {t(`delegation.status.${status}`)}
    </Tag>
  );
};

export const ValidityText = ({ validity }: { validity: Validity }) => {
  const loc = useLocalized();
  return <>{loc(describeValidity(validity))}</>;
};
