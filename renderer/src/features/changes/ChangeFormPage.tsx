import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, newIdempotencyKey, type ApiRequestError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { useLocalized } from '../../components/useLang';
import { changesApi } from '../../../../shared/api/contracts/changes';
import type { ChangeForm, ChangeProposal, ChangeView } from '../../../../shared/api/changes';
import type { ChangeItemKey } from '../../../../shared/lifecycle/change-items';
import { changeDeadline, voteThreshold } from '../../../../shared/lifecycle/change-rules';
import { changeKeys, useChangeForm } from './api';
import { draftOf, previewOf, proposalOf, splitNames, type Draft, type TransferDraft } from './proposal';
import { CapitalTermAlert } from './CapitalTermAlert';
import { formatMoney } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';

type Vote = 'for' | 'against' | 'abstain';

/** The fields of one ticked item, opened on today's facts. */
const ItemFields = ({
  item,
  form,
  d,
  set,
}: {
  item: ChangeItemKey;
  form: ChangeForm;
  d: Draft;
  set: (p: Partial<Draft>) => void;
}) => {
  const { t } = useTranslation();
  const text = (key: keyof Draft, label: string, testId: string) => (
    <Form.Item label={label} key={key}>
      <Input
        size="large"
        aria-label={label}
        value={String(d[key])}
        onChange={(e) => set({ [key]: e.target.value })}
        data-testid={testId}
      />
    </Form.Item>
  );
  switch (item) {
    case 'name':
      return text('name', t('changes.name'), 'chg-name');
    case 'type':
      return (
        <Form.Item label={t('changes.type')}>
          <Select
            size="large"
            value={d.type}
            onChange={(v: Draft['type']) => set({ type: v })}
            options={(['llc', 'sole-llc'] as const).map((v) => ({
              value: v,
              label: t(`changes.typeOption.${v}`),
            }))}
          />
        </Form.Item>
      );
    case 'address':
      return (
        <>
          {text('divisionCode', t('changes.division'), 'chg-division')}
          {text('street', t('changes.street'), 'chg-street')}
        </>
      );
    case 'scope':
      return text('scope', t('changes.scope'), 'chg-scope');
    case 'capital':
      return (
        <>
          {text('capital', t('changes.capital'), 'chg-capital')}
          <Form.Item label={t('changes.reduction')}>
            <Radio.Group
              value={d.coverLosses}
              onChange={(e) => set({ coverLosses: e.target.value as boolean })}
            >
              <Radio value={false}>{t('changes.reductionOrdinary')}</Radio>
              <Radio value={true}>{t('changes.reductionLosses')}</Radio>
            </Radio.Group>
          </Form.Item>
          {!d.coverLosses && (
            <Form.Item label={t('changes.creditorsNotifiedOn')} extra={t('changes.reductionDeadlines')}>
              <Input
                type="date"
                size="large"
                style={{ maxWidth: 240 }}
                aria-label={t('changes.creditorsNotifiedOn')}
                value={d.creditorsNotifiedOn}
                onChange={(e) => set({ creditorsNotifiedOn: e.target.value })}
                data-testid="chg-creditors-notified"
              />
            </Form.Item>
          )}
        </>
      );
    case 'shareholders':
      return <TransferFields form={form} d={d} set={set} />;
    case 'contributions':
      return (
        <>
          <RegisterTable form={form} />
          <Form.Item label={t('changes.capitalDueOn')}>
            <Input
              type="date"
              size="large"
              style={{ maxWidth: 240 }}
              aria-label={t('changes.capitalDueOn')}
              value={d.capitalDueOn}
              onChange={(e) => set({ capitalDueOn: e.target.value })}
              data-testid="chg-capital-due"
            />
          </Form.Item>
        </>
      );
    case 'term':
      return (
        <Form.Item label={t('changes.businessTerm')}>
          <Space wrap>
            <Radio.Group value={d.termLong} onChange={(e) => set({ termLong: e.target.value as boolean })}>
              <Radio value={true}>{t('changes.termLong')}</Radio>
              <Radio value={false}>{t('changes.termUntil')}</Radio>
            </Radio.Group>
            {!d.termLong && (
              <Input
                type="date"
                size="large"
                aria-label={t('changes.termUntil')}
                value={d.termEndsOn}
                onChange={(e) => set({ termEndsOn: e.target.value })}
                data-testid="chg-term-ends"
              />
            )}
          </Space>
        </Form.Item>
      );
    case 'beneficial-owners':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('changes.boPrivate')}</Typography.Paragraph>
          {text('boName', t('changes.boName'), 'chg-bo-name')}
          {text('boId', t('changes.boId'), 'chg-bo-id')}
          <Form.Item label={t('changes.boBasis')}>
            <Radio.Group
              value={d.boBasis}
              onChange={(e) => set({ boBasis: e.target.value as Draft['boBasis'] })}
            >
              {(['ownership', 'control', 'benefit'] as const).map((b) => (
                <Radio key={b} value={b}>
                  {t(`changes.boBasisOption.${b}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {text('boShare', t('changes.boShare'), 'chg-bo-share')}
        </>
      );
    case 'legal-representative':
      return (
        <>
          {text('repName', t('changes.repName'), 'chg-rep-name')}
          {text('repId', t('changes.repId'), 'chg-rep-id')}
          <Form.Item label={t('changes.repCapacity')}>
            <Radio.Group
              value={d.repCapacity}
              onChange={(e) => set({ repCapacity: e.target.value as Draft['repCapacity'] })}
            >
              <Radio value="director" data-testid="chg-rep-director">
                {t('changes.capacity.director')}
              </Radio>
              <Radio value="manager" data-testid="chg-rep-manager">
                {t('changes.capacity.manager')}
              </Radio>
            </Radio.Group>
          </Form.Item>
        </>
      );
    case 'articles':
      return (
        <Form.Item label={t('changes.articles')}>
          <Input.TextArea
            rows={3}
            aria-label={t('changes.articles')}
            value={d.articles}
            onChange={(e) => set({ articles: e.target.value })}
            data-testid="chg-articles"
          />
        </Form.Item>
      );
    case 'officers':
      return (
        <>
          {text('directors', t('changes.directors'), 'chg-directors')}
          {text('supervisors', t('changes.supervisors'), 'chg-supervisors')}
          {text('manager', t('changes.manager'), 'chg-manager')}
        </>
      );
    case 'liaison':
      return (
        <>
          {text('liaisonName', t('changes.liaisonName'), 'chg-liaison-name')}
          {text('liaisonId', t('changes.liaisonId'), 'chg-liaison-id')}
          {text('liaisonPhone', t('changes.liaisonPhone'), 'chg-liaison-phone')}
        </>
      );
  }
};

/** The shareholder register as filed: names, subscriptions, paid in, terms. */
const RegisterTable = ({ form }: { form: ChangeForm }) => {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="name"
      style={{ marginBottom: 16 }}
      dataSource={form.facts.register}
      data-testid="chg-register"
      columns={[
        { title: t('changes.shareholder'), dataIndex: 'name' },
        { title: t('changes.subscribed'), render: (_, r) => formatMoney(r.subscribed) },
        { title: t('changes.paid'), render: (_, r) => formatMoney(r.paid) },
        { title: t('changes.subscriptionDue'), render: (_, r) => r.dueOn ?? '—' },
      ]}
    />
  );
};

/** Equity transfers: from a shareholder, to a shareholder or an outsider (who is identified). */
const TransferFields = ({
  form,
  d,
  set,
}: {
  form: ChangeForm;
  d: Draft;
  set: (p: Partial<Draft>) => void;
}) => {
  const { t } = useTranslation();
  const holders = form.facts.register.map((r) => r.name);
  const update = (i: number, p: Partial<TransferDraft>) =>
    set({ transfers: d.transfers.map((x, j) => (j === i ? { ...x, ...p } : x)) });
  if (holders.length === 0) return <Alert type="warning" showIcon message={t('changes.noRegister')} />;
  return (
    <>
      <RegisterTable form={form} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('changes.preemptionHint')} />
      {d.transfers.map((x, i) => {
        const outsider = x.toName.trim() !== '' && !holders.includes(x.toName.trim());
        return (
          <Space key={i} wrap align="start" data-testid="chg-transfer">
            <Form.Item label={t('changes.transferFrom')}>
              <Select
                size="large"
                style={{ minWidth: 140 }}
                aria-label={t('changes.transferFrom')}
                value={x.from}
                onChange={(v: string) => update(i, { from: v })}
                options={holders.map((h) => ({ value: h, label: h }))}
              />
            </Form.Item>
            <Form.Item label={t('changes.transferTo')}>
              <Input
                size="large"
                aria-label={t('changes.transferTo')}
                value={x.toName}
                onChange={(e) => update(i, { toName: e.target.value })}
                data-testid="chg-transfer-to"
              />
            </Form.Item>
            {outsider && (
              <Form.Item label={t('changes.transferToId')}>
                <Input
                  size="large"
                  aria-label={t('changes.transferToId')}
                  value={x.toId}
                  onChange={(e) => update(i, { toId: e.target.value })}
                  data-testid="chg-transfer-to-id"
                />
              </Form.Item>
            )}
            <Form.Item label={t('changes.transferAmount')}>
              <Input
                size="large"
                aria-label={t('changes.transferAmount')}
                value={x.amount}
                onChange={(e) => update(i, { amount: e.target.value })}
                data-testid="chg-transfer-amount"
              />
            </Form.Item>
          </Space>
        );
      })}
      <Button
        onClick={() =>
          set({ transfers: [...d.transfers, { from: holders[0] ?? '', toName: '', toId: '', amount: '' }] })
        }
      >
        {t('changes.addTransfer')}
      </Button>
    </>
  );
};

const Loaded = ({ form, companyId }: { form: ChangeForm; companyId: string }) => {
  const { t } = useTranslation();
  const loc = useLocalized();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<Set<ChangeItemKey>>(new Set());
  const [d, setD] = useState<Draft>(() => draftOf(form));
  const [resolutionDate, setResolutionDate] = useState(form.today);
  const [votes, setVotes] = useState<Record<string, Vote>>(() =>
    Object.fromEntries(form.shareholders.map((s) => [s.name, 'for' as Vote])),
  );
  const [stated, setStated] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));
  const preview = useMemo(() => previewOf(items, form, d), [items, form, d]);
  const deadline = useMemo(() => {
    try {
      return changeDeadline(resolutionDate, form.today);
    } catch {
      return null;
    }
  }, [resolutionDate, form.today]);
  const labelOf = (k: ChangeItemKey) => loc(form.items.find((i) => i.key === k)!.label);
  const voteList: ChangeProposal['votes'] =
    form.shareholders.length > 0
      ? Object.entries(votes).map(([shareholder, vote]) => ({ shareholder, vote }))
      : splitNames(stated).map((shareholder) => ({ shareholder, vote: 'for' as const }));
  const create = useMutation<ChangeView, ApiRequestError>({
    mutationFn: () =>
      api.call(changesApi.create, {
        params: { companyId },
        body: proposalOf(items, form, d, resolutionDate, voteList),
        idempotencyKey: key,
      }),
    onSuccess: (v) => {
      setKey(newIdempotencyKey());
      queryClient.setQueryData(changeKeys.detail(v.id), v);
      void queryClient.invalidateQueries({ queryKey: changeKeys.all });
      navigate(`/companies/${companyId}/changes/${v.id}`);
    },
  });
  const toggle = (k: ChangeItemKey, on: boolean) =>
    setItems((s) => {
      const next = new Set(s);
      if (on) next.add(k);
      else next.delete(k);
      return next;
    });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <CapitalTermAlert flag={form.facts.capitalTermFlag} />
      <Card title={t('changes.pickItems')}>
        <Space direction="vertical">
          {(['change', 'filing'] as const).map((kind) => (
            <Space key={kind} wrap>
              <Typography.Text strong>
                {t(kind === 'change' ? 'changes.kindChange' : 'changes.kindFiling')}
              </Typography.Text>
              {form.items
                .filter((i) => i.kind === kind)
                .map((i) => (
                  <Checkbox
                    key={i.key}
                    checked={items.has(i.key)}
                    onChange={(e) => toggle(i.key, e.target.checked)}
                    data-testid={`chg-item-${i.key}`}
                  >
                    {loc(i.label)}
                  </Checkbox>
                ))}
            </Space>
          ))}
        </Space>
      </Card>
      {items.size > 0 && (
        <Card title={t('changes.proposed')}>
          <Form layout="vertical" style={{ maxWidth: 720 }}>
            {form.items
              .filter((i) => items.has(i.key))
              .map((i) => (
                <div key={i.key}>
                  <Typography.Title level={2} style={{ fontSize: 16 }}>
                    {loc(i.label)}
                  </Typography.Title>
                  <ItemFields item={i.key} form={form} d={d} set={set} />
                </div>
              ))}
          </Form>
        </Card>
      )}
      <Card title={t('changes.diffTitle')} data-testid="chg-diff">
        {preview.length === 0 ? (
          <Typography.Text type="secondary">{t('changes.noDiff')}</Typography.Text>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r[0]}
            dataSource={preview}
            columns={[
              { title: t('changes.item'), render: (_, r) => labelOf(r[0]), width: 140 },
              {
                title: t('changes.before'),
                render: (_, r) => <Typography.Text delete>{r[1] || '—'}</Typography.Text>,
              },
              {
                title: t('changes.after'),
                render: (_, r) => <Typography.Text strong>{r[2] || '—'}</Typography.Text>,
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('changes.votes')}>
        <Form layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item label={t('changes.resolutionDate')}>
            <Input
              type="date"
              size="large"
              aria-label={t('changes.resolutionDate')}
              style={{ maxWidth: 240 }}
              value={resolutionDate}
              max={form.today}
              onChange={(e) => setResolutionDate(e.target.value)}
              data-testid="chg-resolution-date"
            />
          </Form.Item>
          {deadline && (
            <Alert
              showIcon
              type={deadline.late ? 'warning' : 'info'}
              data-testid="chg-deadline"
              message={t('changes.deadline', { date: deadline.deadline })}
              description={
                deadline.late ? t('changes.overdue') : t('changes.daysLeft', { days: deadline.daysLeft })
              }
              style={{ marginBottom: 16 }}
            />
          )}
          {items.size > 0 && (
            <Typography.Paragraph>{t(`changes.threshold.${voteThreshold([...items])}`)}</Typography.Paragraph>
          )}
          {form.shareholders.length > 0 ? (
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={form.shareholders}
              columns={[
                { title: t('changes.votes'), dataIndex: 'name' },
                { title: t('changes.votingRights'), render: (_, s) => `${s.share}%` },
                {
                  title: '',
                  render: (_, s) => (
                    <Radio.Group
                      value={votes[s.name]}
                      onChange={(e) => setVotes((v) => ({ ...v, [s.name]: e.target.value as Vote }))}
                    >
                      {(['for', 'against', 'abstain'] as const).map((v) => (
                        <Radio key={v} value={v}>
                          {t(`changes.vote.${v}`)}
                        </Radio>
                      ))}
                    </Radio.Group>
                  ),
                },
              ]}
            />
          ) : (
            <Form.Item label={t('changes.statedVoters')}>
              <Input
                size="large"
                aria-label={t('changes.statedVoters')}
                value={stated}
                onChange={(e) => setStated(e.target.value)}
                data-testid="chg-voters"
              />
            </Form.Item>
          )}
        </Form>
      </Card>
      <ErrorAlert error={create.error} testId="chg-error" />
      <Button
        type="primary"
        size="large"
        disabled={items.size === 0}
        loading={create.isPending}
        onClick={() => create.mutate()}
        data-testid="chg-submit"
      >
        {t('changes.submit')}
      </Button>
    </Space>
  );
};

/** 变更登记: the company's current facts, the items ticked, a live diff, the resolution's date and votes. */
export const ChangeFormPage = () => {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const form = useChangeForm(companyId);
  return (
    <div style={{ maxWidth: 960 }}>
      <PageTitle title={`${t('changes.formTitle')}${form.data ? ` · ${form.data.facts.name}` : ''}`} />
      <Typography.Paragraph type="secondary">{t('changes.formIntro')}</Typography.Paragraph>
      {form.isLoading && <Spin />}
      {form.error && <QueryError error={form.error} />}
      {form.data && <Loaded form={form.data} companyId={companyId} />}
    </div>
  );
};
