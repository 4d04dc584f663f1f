import { useState } from 'react';
import { Alert, Button, Card, Checkbox, List, Select, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type ApiRequestError } from '../../api/client';
import { approvalsApi } from '../../../../shared/api/contracts/approvals';
import { identityApi } from '../../../../shared/api/contracts/identity';
import type { ApprovalItem, ApproveManyResult } from '../../../../shared/api/approvals';
import { isScopeKey, scopeInfo } from '../../../../shared/delegation/scopes';
import { FaceCapture, faceTestIds } from '../../components/face/FaceCapture';
import { formatDateTime } from '../../components/format';
import { useLocalized } from '../../components/useLang';
import { useApprovalQueue, useRefreshApprovals } from './api';
import { useSession } from '../../state/session';
import { PageTitle } from '../../components/PageTitle';

const keyOf = (i: Pick<ApprovalItem, 'kind' | 'id'>): string => `${i.kind}:${i.id}`;
const WINDOW_HOURS = [0.5, 1, 2, 4, 8, 24];

const ItemBody = ({ item }: { item: ApprovalItem }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap size={4}>
        <Tag color={item.kind === 'delegation' ? 'blue' : 'purple'}>{t(`approvals.kind.${item.kind}`)}</Tag>
        <Typography.Text strong>{item.companyName}</Typography.Text>
      </Space>
      <Typography.Text type="secondary">
        {t('approvals.from', {
          name: item.requesterIdMasked
            ? `${item.requesterName}（${item.requesterIdMasked}）`
            : item.requesterName,
        })}
      </Typography.Text>
      {item.scopes.length > 0 && (
        <Space wrap size={4}>
          {item.scopes.map((s) => (
            <Tag key={s}>{isScopeKey(s) ? loc(scopeInfo(s).name) : s}</Tag>
          ))}
        </Space>
      )}
      {item.roles.length > 0 && (
        <Typography.Text>
          {t('approvals.roles')}：{item.roles.map((r) => t(`approvals.roleNames.${r}`)).join('、')}
        </Typography.Text>
      )}
      {item.note && (
        <Typography.Text type="secondary">{t('approvals.note', { note: item.note })}</Typography.Text>
      )}
      {item.expiresAt && (
        <Typography.Text type="secondary">
          {t('approvals.until', { date: formatDateTime(item.expiresAt) })}
        </Typography.Text>
      )}
    </Space>
  );
};

/**
 * One queue of everything waiting for the legal representative's face, across companies: tick,
 * one face check, all confirmed. Consent to face processing is asked separately, with the counter
 * path as the equal alternative; the re-verification window is set here too.
 */
export const ApprovalsPage = () => {
  const { t } = useTranslation();
  const loc = useLocalized();
  // Elder mode (适老化): one step and one primary action at a time — consent first, then the face
  // check; select-all and the re-verification setting are folded away (everything is ticked anyway).
  const elder = useSession((s) => s.prefs.elderMode);
  const queue = useApprovalQueue();
  const refresh = useRefreshApprovals();
  const items = queue.data?.items ?? [];
  const assurance = queue.data?.assurance;
  // Everything is ticked by default (newly arrived requests too): remember what was unticked.
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [consentTicked, setConsentTicked] = useState(false);
  const [results, setResults] = useState<ApproveManyResult | undefined>();
  const chosen = items.filter((i) => !unticked.has(keyOf(i)));
  const body = { items: chosen.map(({ kind, id }) => ({ kind, id })) };

  const approveDirect = useMutation<ApproveManyResult, ApiRequestError>({
    mutationFn: () => api.call(approvalsApi.approve, { body }),
    onSuccess: (r) => {
      setResults(r);
      void refresh();
    },
  });
  const consent = useMutation<unknown, ApiRequestError, 'given' | 'refused'>({
    mutationFn: (decision) => api.call(identityApi.faceConsent, { body: { decision } }),
    onSuccess: () => void refresh(),
  });
  const window = useMutation<unknown, ApiRequestError, number | null>({
    mutationFn: (minutes) => api.call(identityApi.reverifyWindow, { body: { minutes } }),
    onSuccess: () => void refresh(),
  });

  const assured = assurance?.faceValidUntil != null || assurance?.counterVerified === true;
  const consentGiven = assurance?.faceConsent === 'given';
  const refusedFace = assurance?.faceConsent === 'refused';
  const approvedCount = results?.results.filter((r) => r.outcome === 'approved').length ?? 0;

  const windowSetting = (
    <Space direction="vertical" size={4}>
      <Typography.Text strong>{t('approvals.window')}</Typography.Text>
      <Select<number>
        aria-label={t('approvals.window')}
        data-testid="approvals-window"
        style={{ minWidth: 220 }}
        value={assurance?.reverifyWindowMinutes ?? 0}
        onChange={(m) => window.mutate(m === 0 ? null : m)}
        options={[
          { value: 0, label: t('approvals.windowEvery') },
          ...WINDOW_HOURS.map((h) => ({
            value: h * 60,
            label: t('approvals.windowHours', { hours: h }),
          })),
        ]}
      />
      <Typography.Text type="secondary">{t('approvals.windowHint')}</Typography.Text>
    </Space>
  );

  return (
    <Card title={<PageTitle title={t('approvals.title')} style={{ margin: 0 }} />}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('approvals.intro')}</Typography.Paragraph>
        {results && (
          <Alert
            type={approvedCount === results.results.length ? 'success' : 'warning'}
            showIcon
            data-testid="approvals-result"
            message={t('approvals.done', { count: approvedCount })}
            description={results.results
              .filter((r) => r.outcome === 'refused')
              .map((r) => (r.message ? loc(r.message) : r.code))
              .join(' ')}
          />
        )}
        {items.length === 0 && !queue.isLoading && (
          <Typography.Text type="secondary" data-testid="approvals-empty">
            {t('approvals.empty')}
          </Typography.Text>
        )}
        {items.length > 0 && (
          <>
            {!elder && (
              <Checkbox
                checked={chosen.length === items.length}
                indeterminate={chosen.length > 0 && chosen.length < items.length}
                onChange={(e) => setUnticked(new Set(e.target.checked ? [] : items.map(keyOf)))}
              >
                {t('approvals.selectAll')}
              </Checkbox>
            )}
            <List
              bordered
              dataSource={items}
              renderItem={(item) => (
                <List.Item data-testid="approval-item">
                  <Space align="start" style={{ width: '100%' }}>
                    <Checkbox
                      aria-label={`${t(`approvals.kind.${item.kind}`)} ${item.companyName}`}
                      checked={!unticked.has(keyOf(item))}
                      onChange={(e) => {
                        const next = new Set(unticked);
                        if (e.target.checked) next.delete(keyOf(item));
                        else next.add(keyOf(item));
                        setUnticked(next);
                      }}
                    />
                    <ItemBody item={item} />
                  </Space>
                </List.Item>
              )}
            />
            {assurance?.counterVerified && <Alert type="info" showIcon message={t('approvals.counter')} />}
            {!assurance?.counterVerified && assurance?.faceValidUntil && (
              <Alert
                type="info"
                showIcon
                message={t('approvals.faceValid', { time: formatDateTime(assurance.faceValidUntil) })}
              />
            )}
            {approveDirect.error && <Alert type="error" showIcon message={approveDirect.error.message} />}
            {assured ? (
              <Button
                type="primary"
                size="large"
                block
                disabled={chosen.length === 0}
                loading={approveDirect.isPending}
                onClick={() => approveDirect.mutate()}
                data-testid="approvals-approve"
              >
                {t('approvals.approveNoFace', { count: chosen.length })}
              </Button>
            ) : refusedFace ? (
              <Alert
                type="info"
                showIcon
                message={t('approvals.refusedAlert')}
                action={
                  <Button onClick={() => consent.mutate('given')}>{t('approvals.consentAgain')}</Button>
                }
              />
            ) : (
              <>
                {!consentGiven && (
                  <Card size="small" title={t('approvals.consentTitle')}>
                    <Typography.Paragraph>{t('approvals.consentNotice')}</Typography.Paragraph>
                    <Space direction="vertical">
                      <Checkbox
                        checked={consentTicked}
                        onChange={(e) => setConsentTicked(e.target.checked)}
                        data-testid="approvals-consent"
                      >
                        {t('approvals.consent')}
                      </Checkbox>
                      <Button type="link" style={{ padding: 0 }} onClick={() => consent.mutate('refused')}>
                        {t('approvals.refuse')}
                      </Button>
                    </Space>
                  </Card>
                )}
                {(!elder || consentGiven || consentTicked) && (
                  <FaceCapture
                    getChallenge={async () => {
                      if (!consentGiven)
                        await api.call(identityApi.faceConsent, { body: { decision: 'given' } });
                      return api.call(identityApi.faceChallenge);
                    }}
                    submit={async (challengeId, frames) => {
                      await api.call(identityApi.faceCheck, { body: { challengeId, frames } });
                      return api.call(approvalsApi.approve, { body });
                    }}
                    onDone={(r) => {
                      setResults(r);
                      void refresh();
                    }}
                    onSettled={() => void refresh()}
                    startLabel={t('approvals.approveFace', { count: chosen.length })}
                    retryLabel={t('approvals.retry')}
                    disabled={chosen.length === 0 || (!consentGiven && !consentTicked)}
                    testIds={faceTestIds('approvals-face')}
                  />
                )}
              </>
            )}
          </>
        )}
        {elder ? (
          <details data-testid="approvals-more">
            <summary className="st-summary">{t('approvals.more')}</summary>
            {windowSetting}
          </details>
        ) : (
          windowSetting
        )}
      </Space>
    </Card>
  );
};
