import { Alert, App, Button, Card, Checkbox, Input, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiRequestError, newIdempotencyKey } from '../../api/client';
import { QueryError } from '../../components/QueryError';
import { useLocalized } from '../../components/useLang';
import type { ChecklistView, UploadView } from '../../../../shared/api/licences';
import { sameFileGroups } from '../../../../shared/licences/duplicate-uploads';
import { licenceApi, licenceKeys, useChecklist } from './api';
import { nowrap } from './bits';
import { ChecklistItems } from './ChecklistItems';
import { ServicePicker } from './ServicePicker';
import { useLicenceAbilities } from './scopes';

const Preview = ({
  checklist,
  consent,
  onConsent,
}: {
  checklist: ChecklistView;
  consent: boolean;
  onConsent: (v: boolean) => void;
}) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <Card title={t('licences.apply.preview')} data-testid="attachment-preview">
      <Typography.Paragraph type="secondary">{t('licences.apply.previewHint')}</Typography.Paragraph>
      {checklist.attachments.length === 0 ? (
        <Typography.Text>{t('licences.apply.noAttachments')}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="licenceId"
          pagination={false}
          dataSource={checklist.attachments}
          scroll={{ x: true }}
          columns={[
            { title: t('licences.verify.type'), render: (_, a) => loc(a.name) },
            {
              title: t('licences.detail.identifier'),
              dataIndex: 'identifier',
              render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
            },
            { title: nowrap(t('licences.verify.version')), dataIndex: 'version' },
            {
              title: nowrap(t('licences.detail.digest')),
              dataIndex: 'digest',
              render: (v: string) => nowrap(<Typography.Text code>{v.slice(0, 12)}…</Typography.Text>),
            },
            {
              title: nowrap(t('licences.verify.validUntil')),
              dataIndex: 'validUntil',
              render: (v: string | null) => nowrap(v ?? t('licences.wallet.indefinite')),
            },
          ]}
        />
      )}
      <Checkbox
        checked={consent}
        onChange={(e) => onConsent(e.target.checked)}
        style={{ marginTop: 16 }}
        data-testid="consent"
      >
        {t('licences.apply.consent')}
      </Checkbox>
    </Card>
  );
};

/** 免证办: pick a service, see the pre-flight checklist, upload the rest, preview and consent, submit. */
export const ApplyPage = () => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { companyId = '', serviceCode } = useParams();
  const checklist = useChecklist(companyId, serviceCode);
  const { canApply } = useLicenceAbilities(companyId);
  const [uploads, setUploads] = useState<Record<string, UploadView>>({});
  const [consent, setConsent] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const intent = useRef(newIdempotencyKey());
  useEffect(() => {
    setUploads({});
    setConsent(false);
    intent.current = newIdempotencyKey();
  }, [serviceCode]);

  const c = checklist.data;
  const uploadsMissing = (c?.items ?? []).some(
    (i) => i.kind === 'upload' && i.required && !uploads[i.materialKey],
  );
  const ready = !!c && c.canSubmit && consent && !uploadsMissing && canApply;
  const sameFiles = sameFileGroups(Object.values(uploads));

  const submit = async () => {
    if (!c) return;
    setBusy(true);
    try {
      const app = await licenceApi.submit(
        companyId,
        {
          serviceCode: c.service.code,
          consent: {
            agreed: true,
            attachments: c.attachments.map((a) => ({
              identifier: a.identifier,
              version: a.version,
              digest: a.digest,
            })),
          },
          uploads: Object.values(uploads).map((u) => ({ materialKey: u.materialKey, uploadId: u.id })),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        intent.current,
      );
      message.success(t('licences.apply.submitted'));
      void queryClient.invalidateQueries({ queryKey: licenceKeys.all });
      navigate(`/companies/${companyId}/licences/applications/${app.id}`);
    } catch (e) {
      message.error({ content: (e as Error).message, duration: 8 });
      // The registry changed under the applicant: show the fresh checklist and ask again.
      if (e instanceof ApiRequestError && e.status === 409) {
        setConsent(false);
        intent.current = newIdempotencyKey();
        void checklist.refetch();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/companies/${companyId}/licences`}>← {t('licences.apply.back')}</Link>
      <Card>
        <Typography.Title level={1} className="st-h1" style={{ marginTop: 0 }}>
          {t('licences.apply.title')}
        </Typography.Title>
        <Typography.Paragraph strong>{t('licences.apply.pick')}</Typography.Paragraph>
        <ServicePicker
          value={serviceCode}
          onChange={(code) => navigate(`/companies/${companyId}/licences/apply/${code}`)}
        />
      </Card>
      {checklist.error && <QueryError error={checklist.error} />}
      {serviceCode && (
        <Card
          loading={checklist.isLoading}
          title={
            c ? `${t('licences.apply.checklist')} · ${loc(c.service.name)}` : t('licences.apply.checklist')
          }
        >
          {c && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {t('licences.apply.department')}：{loc(c.service.department)}
              </Typography.Text>
              {!canApply && <Alert type="info" showIcon message={t('licences.apply.needApply')} />}
              {c.alreadyHeld && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="already-held"
                  message={t('licences.walkthrough.alreadyHeld', {
                    name: loc(c.alreadyHeld.name),
                    identifier: c.alreadyHeld.identifier,
                    until: c.alreadyHeld.validUntil ?? t('licences.walkthrough.longTerm'),
                  })}
                  description={t('licences.walkthrough.alreadyHeldHint')}
                />
              )}
              <ChecklistItems
                companyId={companyId}
                items={c.items}
                uploads={uploads}
                onUploaded={(u) => setUploads((m) => ({ ...m, [u.materialKey]: u }))}
                canApply={canApply}
              />
              {sameFiles.map((keys) => (
                <Alert
                  key={keys.join()}
                  type="warning"
                  showIcon
                  data-testid="same-file"
                  message={t('licences.walkthrough.sameFile', {
                    materials: keys
                      .map((k) => loc(c.items.find((i) => i.materialKey === k)?.name ?? { zh: k, en: k }))
                      .join(t('licences.walkthrough.listSeparator')),
                  })}
                />
              ))}
              {!c.canSubmit && (
                <Alert
                  type="error"
                  showIcon
                  message={t('licences.apply.cannotSubmit')}
                  data-testid="cannot-submit"
                />
              )}
            </Space>
          )}
        </Card>
      )}
      {c && c.canSubmit && canApply && (
        <>
          <Preview checklist={c} consent={consent} onConsent={setConsent} />
          <Card>
            <Typography.Paragraph strong>{t('licences.apply.note')}</Typography.Paragraph>
            <Input.TextArea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              rows={2}
              aria-label={t('licences.apply.note')}
            />
            <Button
              type="primary"
              size="large"
              style={{ marginTop: 16 }}
              disabled={!ready}
              loading={busy}
              onClick={() => void submit()}
              data-testid="submit-application"
            >
              {t('licences.apply.submit')}
            </Button>
          </Card>
        </>
      )}
    </Space>
  );
};
