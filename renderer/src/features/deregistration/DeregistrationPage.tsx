import { Alert, Card, Space, Spin, Steps, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, newIdempotencyKey } from '../../api/client';
import { useCompany } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../components/format';
import { deregistrationApi } from '../../../../shared/api/contracts/deregistration';
import type { DeregistrationOverview, DeregistrationView } from '../../../../shared/api/deregistration';
import { deregKeys, useDeregistration } from './api';
import { CardTitle } from './bits';
import { Commitment } from './Commitment';
import { Eligibility } from './Eligibility';
import { NoticeStatus, TaxClearanceCard } from './NoticeAndTax';

/** Which step the procedure is at (antd Steps index): eligibility, commitment, notice, tax, done. */
const stepOf = (overview: DeregistrationOverview, current: DeregistrationView | null): number => {
  if (overview.companyStatus === 'deregistered' || current?.status === 'deregistered') return 4;
  if (!current || current.status === 'ended') return 0;
  if (current.status === 'commitment') return 1;
  if (current.status === 'notice') return 2;
  return 3;
};

const Ended = ({ current }: { current: DeregistrationView }) => {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="dereg-ended"
      message={t('dereg.endedTitle')}
      description={current.endedReason ? t(`dereg.endedReason.${current.endedReason}`) : undefined}
    />
  );
};

const Done = ({ current }: { current: DeregistrationView | null }) => {
  const { t } = useTranslation();
  return (
    <Card title={<CardTitle>{t('dereg.doneTitle')}</CardTitle>} data-testid="dereg-done">
      {current?.completedAt && (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('dereg.doneText', { time: formatDateTime(current.completedAt) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
};

/** 简易注销 for one company: every step of the procedure on one page, as far as it has come. */
export const DeregistrationPage = () => {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const company = useCompany(companyId);
  const q = useDeregistration(companyId);
  const queryClient = useQueryClient();
  // One key per attempt: a retry of the same click is the same submission.
  const [startKey, setStartKey] = useState(newIdempotencyKey);
  const [applyKey, setApplyKey] = useState(newIdempotencyKey);
  const settle = (o: DeregistrationOverview) => {
    queryClient.setQueryData(deregKeys.overview(companyId), o);
    void queryClient.invalidateQueries({ queryKey: ['companies'] });
  };
  const start = useMutation({
    mutationFn: () => api.call(deregistrationApi.start, { params: { companyId }, idempotencyKey: startKey }),
    onSuccess: settle,
    onSettled: () => setStartKey(newIdempotencyKey()),
  });
  const apply = useMutation({
    mutationFn: () => api.call(deregistrationApi.apply, { params: { companyId }, idempotencyKey: applyKey }),
    onSuccess: settle,
    onSettled: () => setApplyKey(newIdempotencyKey()),
  });

  const overview = q.data;
  const current = overview?.current ?? null;
  const isLegalRep = company.data?.actingAs === 'legal-representative';
  const deregistered = overview?.companyStatus === 'deregistered';
  const underWay = !!current && current.status !== 'ended' && current.status !== 'deregistered';
  const step = overview ? stepOf(overview, current) : 0;

  return (
    <div style={{ maxWidth: 960 }}>
      <PageTitle title={t('dereg.title')} testId="dereg-title">
        {t('dereg.title')}
        {overview ? ` · ${overview.companyName}` : ''}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('dereg.pageIntro')}</Typography.Paragraph>
      {q.isLoading && <Spin />}
      <ErrorAlert error={q.error} testId="dereg-load-error" />
      {overview && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Steps
            current={step}
            size="small"
            items={(['eligibility', 'commitment', 'notice', 'tax', 'done'] as const).map((s) => ({
              title: t(`dereg.steps.${s}`),
            }))}
          />
          {current?.status === 'ended' && <Ended current={current} />}
          {deregistered ? (
            <Done current={current} />
          ) : (
            <>
              {!underWay && (
                <Eligibility
                  companyId={companyId}
                  overview={overview}
                  isLegalRep={isLegalRep}
                  canStart
                  starting={start.isPending}
                  onStart={() => start.mutate()}
                />
              )}
              <ErrorAlert error={start.error} testId="dereg-start-error" />
              {current && underWay && (
                <Commitment companyId={companyId} overview={overview} current={current} onChanged={settle} />
              )}
              {current && underWay && (
                <NoticeStatus
                  companyId={companyId}
                  uscc={company.data?.uscc}
                  current={current}
                  isLegalRep={isLegalRep}
                  applying={apply.isPending}
                  onApply={() => apply.mutate()}
                />
              )}
              <ErrorAlert error={apply.error} testId="dereg-apply-error" />
              {(underWay || !overview.eligible) && (
                <TaxClearanceCard companyId={companyId} clearance={overview.taxClearance} />
              )}
            </>
          )}
        </Space>
      )}
    </div>
  );
};
