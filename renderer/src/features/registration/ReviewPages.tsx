import { ItemMeta } from '../../components/ItemMeta';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  List,
  Result,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { findDivision } from '../../../../shared/registration/divisions';
import { findScopeEntry } from '../../../../shared/registration/business-scope';
import type { ReviewView } from '../../../../shared/api/registration';
import { newIdempotencyKey, type ApiRequestError } from '../../api/client';
import { useMe } from '../../api/queries';
import { formatDateTime, formatMoney } from '../../components/format';
import { QueryError } from '../../components/QueryError';
import { useLang } from '../../components/useLang';
import { regApi, regKeys, useReview, useReviewQueue } from './api';
import { StatusPanel } from './StatusPanel';

/** /registration/review — the reviewer's queue, oldest first. */
export const ReviewQueuePage = () => {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const queue = useReviewQueue(me.data?.role === 'reviewer');
  if (queue.error) return <QueryError error={queue.error} />;
  return (
    <Card
      title={
        <Typography.Title level={1} className="st-h1" style={{ margin: 0 }}>
          {t('registration.reviewer.queueTitle')}
        </Typography.Title>
      }
    >
      <List
        loading={queue.isLoading}
        dataSource={queue.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('registration.reviewer.empty')} /> }}
        renderItem={(i) => (
          <List.Item
            data-testid="reg-review-item"
            actions={[
              <Link key="open" to={`/registration/review/${i.id}`}>
                <Button type="primary">{t('registration.reviewer.open')}</Button>
              </Link>,
            ]}
          >
            <ItemMeta
              title={i.name}
              description={
                <Space direction="vertical" size={2}>
                  <span>
                    {t('registration.reviewer.filer', { name: i.filerName })} ·{' '}
                    {t('registration.reviewer.submittedAt', { time: formatDateTime(i.submittedAt) })}
                  </span>
                  {i.reasons.map((r, n) => (
                    <Typography.Text key={n} type="warning">
                      {r.text[lang]}
                    </Typography.Text>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
};

const verdictColor = {
  verified: 'green',
  unknown: 'orange',
  'name-mismatch': 'red',
  blocked: 'red',
} as const;

/** The form's facts in one table, for the reviewer. */
const Facts = ({ v }: { v: ReviewView }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const d = v.draft;
  return (
    <Descriptions bordered column={1} size="middle">
      <Descriptions.Item label={t('registration.basics.name')}>{d.name}</Descriptions.Item>
      <Descriptions.Item
        label={t('registration.domicile.title')}
      >{`${findDivision(d.domicile?.divisionCode ?? '')?.fullName ?? ''}${d.domicile?.street ?? ''}`}</Descriptions.Item>
      <Descriptions.Item label={t('registration.capital.capital')}>
        {formatMoney(d.registeredCapital ?? '0')}
      </Descriptions.Item>
      <Descriptions.Item label={t('registration.capital.shareholders')}>
        {(d.shareholders ?? []).map((s, i) => (
          <div key={i}>
            {s.name} · {formatMoney(s.contribution?.amount ?? '0')} · {s.contribution?.dueDate}
          </div>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('registration.scope.title')}>
        {(d.businessScope ?? []).map((c) => findScopeEntry(c)?.wording[lang] ?? c).join('；')}
      </Descriptions.Item>
    </Descriptions>
  );
};

/** /registration/review/:applicationId — identities, reasons, approve or return with comments. */
export const ReviewDetailPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { applicationId = '' } = useParams();
  const queryClient = useQueryClient();
  const q = useReview(applicationId);
  const [comment, setComment] = useState('');
  const [key] = useState(newIdempotencyKey);
  const done = (v: ReviewView): void => {
    queryClient.setQueryData(regKeys.review(v.id), v);
    void queryClient.invalidateQueries({ queryKey: regKeys.queue });
  };
  const approve = useMutation<ReviewView, ApiRequestError>({
    mutationFn: () => regApi.approve(applicationId, `${key}-approve`),
    onSuccess: done,
    onError: (e) => void message.error(e.message),
  });
  const returnIt = useMutation<ReviewView, ApiRequestError>({
    mutationFn: () => regApi.returnIt(applicationId, comment, `${key}-return-${comment.length}`),
    onSuccess: done,
    onError: (e) => void message.error(e.message),
  });
  if (q.error) return <QueryError error={q.error} />;
  const v = q.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/registration/review">← {t('registration.reviewer.back')}</Link>
      <Card
        loading={!v}
        title={
          <Typography.Title level={1} className="st-h1" style={{ margin: 0 }}>
            {v?.draft.name}
          </Typography.Title>
        }
      >
        {v && v.status === 'approved' && (
          <Result status="success" title={t('registration.reviewer.approvedDone')} />
        )}
        {v && v.status === 'returned' && (
          <Result status="info" title={t('registration.reviewer.returnedDone')} />
        )}
        {v && (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Facts v={v} />
            <div>
              <Typography.Title level={3}>{t('registration.reviewer.identities')}</Typography.Title>
              <Space wrap>
                {v.identities.map((i, n) => (
                  <Tag key={n} color={verdictColor[i.verdict]} data-testid="reg-identity">
                    {i.name}（{i.identifierMasked}）{t(`registration.reviewer.verdicts.${i.verdict}`)}
                  </Tag>
                ))}
              </Space>
            </div>
            {v.status === 'in-review' && (
              <Card size="small">
                <Typography.Text strong>{t('registration.reviewer.comment')}</Typography.Text>
                <Input.TextArea
                  aria-label={t('registration.reviewer.comment')}
                  rows={3}
                  value={comment}
                  maxLength={1000}
                  placeholder={t('registration.reviewer.commentPlaceholder')}
                  onChange={(e) => setComment(e.target.value)}
                  style={{ margin: '8px 0' }}
                />
                <Space wrap>
                  <Button
                    type="primary"
                    size="large"
                    loading={approve.isPending}
                    onClick={() => approve.mutate()}
                    data-testid="reg-approve"
                  >
                    {t('registration.reviewer.approve')}
                  </Button>
                  <Button
                    size="large"
                    danger
                    disabled={comment.trim().length < 2}
                    loading={returnIt.isPending}
                    onClick={() => returnIt.mutate()}
                    data-testid="reg-return"
                  >
                    {t('registration.reviewer.return')}
                  </Button>
                </Space>
              </Card>
            )}
            {v.status !== 'in-review' && v.status !== 'approved' && v.status !== 'returned' && (
              <Alert type="info" message={t(`registration.status.${v.status}`)} />
            )}
          </Space>
        )}
      </Card>
      {v && <StatusPanel view={v} observer />}
    </Space>
  );
};
