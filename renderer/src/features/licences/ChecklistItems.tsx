import { List, Space, Tag, Typography } from 'antd';
import { ItemMeta } from '../../components/ItemMeta';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChecklistItemView, UploadView } from '../../../../shared/api/licences';
import { useLocalized } from '../../components/useLang';
import { MaterialUpload } from './MaterialUpload';

const statusColor = {
  auto: 'green',
  upload: 'blue',
  missing: 'red',
  expired: 'red',
  revoked: 'red',
} as const;

/** The pre-flight: each material with what will happen to it, and the way to fix what blocks. */
export const ChecklistItems = ({
  companyId,
  items,
  uploads,
  onUploaded,
  canApply,
}: {
  companyId: string;
  items: ChecklistItemView[];
  uploads: Record<string, UploadView>;
  onUploaded: (u: UploadView) => void;
  canApply: boolean;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <List
      dataSource={items}
      data-testid="checklist"
      renderItem={(i) => (
        <List.Item
          data-testid="checklist-item"
          data-status={i.status}
          data-material={i.materialKey}
          extra={
            i.kind === 'upload' ? (
              <MaterialUpload
                companyId={companyId}
                materialKey={i.materialKey}
                value={uploads[i.materialKey]}
                onUploaded={onUploaded}
                disabled={!canApply}
              />
            ) : undefined
          }
        >
          <ItemMeta
            title={
              <Space wrap>
                <span>{loc(i.name)}</span>
                {!i.required && <Tag>{t('licences.apply.optional')}</Tag>}
                {(i.required || i.kind === 'licence') && (
                  <Tag
                    color={
                      i.kind === 'licence' && i.status === 'missing' && !i.required
                        ? 'default'
                        : statusColor[i.status]
                    }
                  >
                    {t(`licences.apply.status.${i.status}`)}
                  </Tag>
                )}
              </Space>
            }
            description={
              <Space direction="vertical" size={2}>
                <Typography.Text type={i.expiringInDays !== undefined ? 'warning' : undefined}>
                  {loc(i.text)}
                </Typography.Text>
                {i.licence && (
                  <Typography.Text type="secondary" style={{ fontSize: '0.9em', wordBreak: 'break-all' }}>
                    {i.licence.identifier}
                  </Typography.Text>
                )}
                {i.fixService && (
                  <Link
                    to={`/companies/${companyId}/licences/apply/${i.fixService.code}`}
                    data-testid="fix-service"
                  >
                    {t('licences.apply.fix', { name: loc(i.fixService.name) })}
                  </Link>
                )}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
};
