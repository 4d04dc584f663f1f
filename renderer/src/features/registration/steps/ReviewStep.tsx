import { Alert, App, Button, List, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Application } from '../../../../../shared/registration/application';
import { generateArticles } from '../../../../../shared/registration/articles';
import type { ApplicationView } from '../../../../../shared/api/registration';
import { newIdempotencyKey, type ApiRequestError } from '../../../api/client';
import { useLang } from '../../../components/useLang';
import { ArticlesView } from '../ArticlesView';
import { regApi, regKeys } from '../api';
import { stepOfField, type WizardStep } from '../fields';
import type { StepProps } from './step-props';

type Props = StepProps & {
  view: ApplicationView;
  goTo: (s: WizardStep) => void;
  beforeRequest: () => Promise<void>;
};

/** Everything the rules still object to, the articles, and the request for everyone's confirmation. */
export const ReviewStep = ({ draft, view, goTo, readOnly, beforeRequest }: Props) => {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState(false);
  const parsed = useMemo(() => Application.safeParse(draft), [draft]);
  const articles = useMemo(() => (parsed.success ? generateArticles(parsed.data) : undefined), [parsed]);
  const errors = view.check.problems.filter((p) => p.severity === 'error');
  const warnings = view.check.problems.filter((p) => p.severity === 'warning');
  const [key] = useState(newIdempotencyKey);
  const request = useMutation<ApplicationView, ApiRequestError>({
    mutationFn: async () => {
      await beforeRequest();
      return regApi.requestConfirmations(view.id, `${key}-${view.revision}`);
    },
    onSuccess: (v) => queryClient.setQueryData(regKeys.app(v.id), v),
    onError: (e) => void message.error(e.message),
  });
  const problemList = (items: typeof errors, type: 'error' | 'warning') => (
    <List
      size="small"
      bordered
      data-testid={`reg-${type}s`}
      dataSource={items}
      renderItem={(p) => (
        <List.Item
          actions={
            readOnly
              ? []
              : [
                  <Button key="go" type="link" onClick={() => goTo(stepOfField(p.field))}>
                    {t('registration.review.goTo')}
                  </Button>,
                ]
          }
        >
          <Typography.Text type={type === 'error' ? 'danger' : 'warning'}>
            {t(`registration.steps.${stepOfField(p.field)}`)} · {p.text[lang]}
          </Typography.Text>
        </List.Item>
      )}
      style={{ marginBottom: 16 }}
    />
  );
  return (
    <>
      <Typography.Title level={2}>{t('registration.review.title')}</Typography.Title>
      {errors.length > 0 ? (
        <>
          <Typography.Title level={3}>{t('registration.review.problems')}</Typography.Title>
          {problemList(errors, 'error')}
        </>
      ) : (
        <Alert
          type="success"
          showIcon
          message={t('registration.review.noProblems')}
          style={{ marginBottom: 16 }}
          data-testid="reg-no-problems"
        />
      )}
      {warnings.length > 0 && (
        <>
          <Typography.Title level={4}>{t('registration.review.warnings')}</Typography.Title>
          {problemList(warnings, 'warning')}
        </>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          icon={<EyeOutlined aria-hidden />}
          disabled={!articles}
          onClick={() => setPreview(true)}
          data-testid="reg-preview-articles"
        >
          {t('registration.review.preview')}
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          disabled={!articles}
          onClick={() =>
            void regApi.articlesPdf(view.id, draft.name ?? '').catch((e: Error) => message.error(e.message))
          }
        >
          {t('registration.review.download')}
        </Button>
      </Space>
      {!readOnly && view.status !== 'confirming' && (
        <Alert
          type="info"
          message={t('registration.review.requestHelp')}
          action={
            <Button
              type="primary"
              icon={<SendOutlined aria-hidden />}
              disabled={errors.length > 0 || !view.check.complete}
              loading={request.isPending}
              onClick={() => request.mutate()}
              data-testid="reg-request-confirm"
            >
              {t('registration.review.requestConfirm')}
            </Button>
          }
        />
      )}
      <Modal
        open={preview}
        title={t('registration.articles.title')}
        onCancel={() => setPreview(false)}
        footer={<Button onClick={() => setPreview(false)}>{t('registration.articles.close')}</Button>}
        width={860}
      >
        {articles && <ArticlesView doc={articles} />}
      </Modal>
    </>
  );
};
