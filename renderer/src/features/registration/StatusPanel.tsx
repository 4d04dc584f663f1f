import { Alert, App, Button, Card, Descriptions, List, Space, Timeline, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationView } from '../../../../shared/api/registration';
import { api, newIdempotencyKey, urlOf, type ApiRequestError } from '../../api/client';
import { licencesWalletApi } from '../../../../shared/api/contracts/licences-wallet';
import { useLang } from '../../components/useLang';
import { regApi, regKeys } from './api';
import { ConfirmationRow } from './ConfirmationRow';
import { formatDateTimeSeconds } from '../../components/format';

/** Timeline steps are seconds apart: show the seconds (China time). */
const formatTimestamp = (iso: string): string => formatDateTimeSeconds(iso);

/** After the form: who has confirmed, submission, review outcome, the timeline and what was issued. */
export const StatusPanel = ({ view, observer = false }: { view: ApplicationView; observer?: boolean }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const refresh = (): void => void queryClient.invalidateQueries({ queryKey: regKeys.app(view.id) });
  const submit = useMutation<ApplicationView, ApiRequestError>({
    mutationFn: () => regApi.submit(view.id, `${key}-${view.revision}`),
    onSuccess: (v) => {
      queryClient.setQueryData(regKeys.app(v.id), v);
      void queryClient.invalidateQueries({ queryKey: ['companies'] });
      void queryClient.invalidateQueries({ queryKey: regKeys.list });
    },
    onError: (e) => {
      void message.error(e.message);
      refresh();
    },
  });
  const waiting = view.confirmations.filter((c) => c.status !== 'confirmed').length;
  const canSubmit =
    (view.status === 'confirming' || view.status === 'returned') &&
    view.confirmations.length > 0 &&
    waiting === 0;
  const outcome = view.outcome;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {outcome && (
        <Card data-testid="reg-outcome">
          <Alert
            type="success"
            showIcon
            message={t('registration.panel.outcome')}
            description={outcome.companyName}
            style={{ marginBottom: 16 }}
          />
          <Descriptions bordered column={1} size="middle">
            <Descriptions.Item label={t('registration.panel.uscc')}>
              <span data-testid="reg-uscc" className="st-id">
                {outcome.uscc}
              </span>
            </Descriptions.Item>
            {outcome.records.map((r, i) => (
              <Descriptions.Item key={i} label={r.title[lang]}>
                <Typography.Text
                  copyable={r.kind === 'business-licence'}
                  data-testid={`reg-record-${r.kind}`}
                >
                  {r.reference}
                </Typography.Text>
                {r.kind === 'business-licence' && r.licenceId && (
                  <Space wrap style={{ marginTop: 8, display: 'flex' }}>
                    <Link to={`/companies/${outcome.companyId}/licences/${r.licenceId}`}>
                      <Button size="small" data-testid="reg-view-licence">
                        {t('registration.panel.viewLicence')}
                      </Button>
                    </Link>
                    <Button
                      size="small"
                      data-testid="reg-download-licence"
                      onClick={() =>
                        void api
                          .download(
                            urlOf(licencesWalletApi.pdf, {
                              params: { companyId: outcome.companyId, licenceId: r.licenceId! },
                            }),
                            `${outcome.companyName}.pdf`,
                          )
                          .catch((e: unknown) => void message.error((e as Error).message))
                      }
                    >
                      {t('registration.panel.downloadLicence')}
                    </Button>
                  </Space>
                )}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Link to={`/companies/${outcome.companyId}`}>
            <Button type="primary" style={{ marginTop: 16 }} data-testid="reg-open-company">
              {t('registration.panel.openCompany')}
            </Button>
          </Link>
        </Card>
      )}
      {view.status === 'returned' && view.returnComment && (
        <Alert
          type="warning"
          showIcon
          message={t('registration.panel.returned', { comment: view.returnComment })}
          data-testid="reg-returned"
        />
      )}
      {view.status === 'in-review' && view.reviewReasons.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="reg-reasons"
          message={t('registration.panel.reasons')}
          description={
            <ul style={{ margin: 0 }}>
              {view.reviewReasons.map((r, i) => (
                <li key={i}>{r.text[lang]}</li>
              ))}
            </ul>
          }
        />
      )}
      {view.confirmations.length > 0 && view.status !== 'approved' && (
        <Card title={t('registration.panel.confirmations')}>
          <List
            dataSource={view.confirmations}
            renderItem={(c) => (
              <ConfirmationRow c={observer ? { ...c, isMe: false } : c} onConfirmed={refresh} />
            )}
          />
          {view.confirmations.some((c) => c.method === 'code') && (
            <Typography.Paragraph type="secondary">{t('registration.panel.weakNote')}</Typography.Paragraph>
          )}
          {!observer && (view.status === 'confirming' || view.status === 'returned') && (
            <Space direction="vertical" style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">
                {waiting > 0
                  ? t('registration.panel.waiting', { count: waiting })
                  : t('registration.panel.submitHelp')}
              </Typography.Text>
              <Button
                type="primary"
                size="large"
                disabled={!canSubmit}
                loading={submit.isPending}
                onClick={() => submit.mutate()}
                data-testid="reg-submit"
              >
                {t('registration.panel.submit')}
              </Button>
            </Space>
          )}
        </Card>
      )}
      <Card title={t('registration.panel.timeline')}>
        <Timeline
          data-testid="reg-timeline"
          items={view.timeline.map((e) => ({
            color: e.kind === 'approved' ? 'green' : e.kind === 'returned' ? 'orange' : 'blue',
            children: (
              <span>
                <Typography.Text type="secondary">{formatTimestamp(e.at)}</Typography.Text> {e.text[lang]}
              </span>
            ),
          }))}
        />
      </Card>
    </Space>
  );
};
