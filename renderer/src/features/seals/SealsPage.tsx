import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { FaceCapture, faceTestIds } from '../../components/face/FaceCapture';
import { sealsApi } from '../../../../shared/api/contracts/seals';
import type { SealSignResult, SealView, SealsOverview } from '../../../../shared/api/seals';
import { formatChinaDate, formatChinaDateTime } from '../../../../shared/time/china';
import { base64ToBlobUrl, fileToBase64 } from './files';
import { PageTitle } from '../../components/PageTitle';

const keyOf = (companyId: string) => ['seals', companyId] as const;

const faceRoutes = (companyId: string) => ({
  challenge: () => api.call(sealsApi.faceChallenge, { params: { companyId } }),
  check: (challengeId: string, frames: string[]) =>
    api.call(sealsApi.face, { params: { companyId }, body: { challengeId, frames } }),
});

const Claim = ({ companyId, onDone }: { companyId: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const face = faceRoutes(companyId);
  return (
    <Card title={t('seals.claimTitle')} data-testid="seal-claim">
      <Typography.Paragraph>{t('seals.claimIntro')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 320 }}>
        <Form.Item label={t('seals.pin')} htmlFor="seal-claim-pin">
          <Input.Password
            id="seal-claim-pin"
            data-testid="seal-claim-pin"
            maxLength={6}
            inputMode="numeric"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </Form.Item>
      </Form>
      <FaceCapture
        getChallenge={face.challenge}
        submit={async (challengeId, frames) => {
          const { faceCheckId } = await face.check(challengeId, frames);
          return api.call(sealsApi.claim, { params: { companyId }, body: { faceCheckId, pin } });
        }}
        onDone={onDone}
        startLabel={t('seals.claimStart')}
        retryLabel={t('seals.retry')}
        disabled={!/^\d{6}$/.test(pin)}
        testIds={faceTestIds('seal-claim-face')}
      />
    </Card>
  );
};

const Grants = ({
  companyId,
  seal,
  people,
}: {
  companyId: string;
  seal: SealView;
  people: SealsOverview['people'];
}) => {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{
    personId: string;
    role: 'admin' | 'user';
    validUntil: { format: (f: string) => string };
    pin: string;
  }>();
  const grant = useMutation({
    mutationFn: (v: {
      personId: string;
      role: 'admin' | 'user';
      validUntil: { format: (f: string) => string };
      pin: string;
    }) =>
      api.call(sealsApi.grant, {
        params: { companyId, sealId: seal.sealId },
        body: {
          personId: v.personId,
          role: v.role,
          validUntil: v.validUntil.format('YYYY-MM-DD'),
          pin: v.pin,
        },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keyOf(companyId) }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        pagination={false}
        rowKey="grantId"
        dataSource={seal.grants ?? []}
        locale={{ emptyText: t('seals.noGrants') }}
        columns={[
          { title: t('seals.grantTo'), dataIndex: 'name' },
          { title: '', dataIndex: 'role', render: (r: string) => t(`seals.role_${r}`) },
          {
            title: t('seals.grantUntil'),
            dataIndex: 'validUntil',
            render: (v: string) => formatChinaDate(new Date(new Date(v).getTime() - 1)),
          },
          { title: '', dataIndex: 'state', render: (s: string) => <Tag>{t(`seals.grantState_${s}`)}</Tag> },
        ]}
      />
      {grant.error && <Alert type="error" showIcon message={grant.error.message} />}
      <Form form={form} layout="inline" onFinish={(v) => grant.mutate(v)} initialValues={{ role: 'user' }}>
        <Form.Item name="personId" label={t('seals.grantTo')} rules={[{ required: true }]}>
          <Select
            style={{ minWidth: 140 }}
            options={(people ?? []).map((p) => ({ value: p.personId, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="role" rules={[{ required: true }]}>
          <Select
            style={{ minWidth: 120 }}
            options={['user', 'admin'].map((r) => ({ value: r, label: t(`seals.role_${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="validUntil" label={t('seals.grantUntil')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="pin" label={t('seals.pin')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
          <Input.Password maxLength={6} style={{ width: 110 }} />
        </Form.Item>
        <Button htmlType="submit" loading={grant.isPending}>
          {t('seals.grant')}
        </Button>
      </Form>
    </Space>
  );
};

const Sign = ({
  companyId,
  seal,
  overview,
}: {
  companyId: string;
  seal: SealView;
  overview: SealsOverview;
}) => {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [place, setPlace] = useState({ page: 1, x: 380, y: 80, size: 120 });
  const [pin, setPin] = useState('');
  const [result, setResult] = useState<SealSignResult | null>(null);
  const windowOk =
    overview.reverifyMinutes > 0 &&
    !!overview.lastFaceCheckAt &&
    Date.now() - Date.parse(overview.lastFaceCheckAt) < overview.reverifyMinutes * 60_000;
  const body = async () => ({
    fileName: file!.name,
    contentBase64: await fileToBase64(file!),
    placement: place,
  });
  const byPin = useMutation({
    mutationFn: async () =>
      api.call(sealsApi.sign, {
        params: { companyId, sealId: seal.sealId },
        body: { ...(await body()), pin },
      }),
    onSuccess: setResult,
  });
  const face = faceRoutes(companyId);
  const num = (k: keyof typeof place, label: string) => (
    <Form.Item label={label} htmlFor={`seal-${k}`}>
      <InputNumber
        id={`seal-${k}`}
        data-testid={`seal-${k}`}
        value={place[k]}
        min={0}
        onChange={(v) => setPlace({ ...place, [k]: Number(v ?? 0) })}
      />
    </Form.Item>
  );
  return (
    <Card title={t('seals.signTitle', { name: seal.name })} data-testid="seal-sign">
      <Form layout="vertical">
        <Form.Item label={t('seals.file')}>
          <Upload
            accept="application/pdf,.pdf"
            maxCount={1}
            beforeUpload={(f) => (setFile(f), false)}
            onRemove={() => setFile(null)}
          >
            <Button data-testid="seal-file">{t('seals.file')}</Button>
          </Upload>
        </Form.Item>
        <Space wrap>
          {num('page', t('seals.page'))}
          {num('x', t('seals.x'))}
          {num('y', t('seals.y'))}
          {num('size', t('seals.size'))}
        </Space>
        {windowOk ? (
          <Space align="end">
            <Form.Item
              label={t('seals.byPin', { minutes: overview.reverifyMinutes })}
              htmlFor="seal-sign-pin"
            >
              <Input.Password
                id="seal-sign-pin"
                data-testid="seal-sign-pin"
                maxLength={6}
                value={pin}
                onChange={(e) => setPin(e.target.value)}
              />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                data-testid="seal-sign-submit"
                disabled={!file || !/^\d{6}$/.test(pin)}
                loading={byPin.isPending}
                onClick={() => byPin.mutate()}
              >
                {t('seals.sign')}
              </Button>
            </Form.Item>
          </Space>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('seals.faceNeeded')}</Typography.Paragraph>
            <FaceCapture
              getChallenge={face.challenge}
              submit={async (challengeId, frames) => {
                const { faceCheckId } = await face.check(challengeId, frames);
                return api.call(sealsApi.sign, {
                  params: { companyId, sealId: seal.sealId },
                  body: { ...(await body()), faceCheckId },
                });
              }}
              onDone={setResult}
              startLabel={t('seals.byFace')}
              retryLabel={t('seals.retry')}
              disabled={!file}
              testIds={faceTestIds('seal-sign-face')}
            />
          </>
        )}
      </Form>
      {byPin.error && (
        <Alert type="error" showIcon message={byPin.error.message} data-testid="seal-sign-error" />
      )}
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="seal-signed"
          message={t('seals.signed', { name: result.fileName })}
          description={
            <Space>
              <a
                href={base64ToBlobUrl(result.contentBase64)}
                download={result.fileName}
                data-testid="seal-download"
              >
                {t('seals.download')}
              </a>
              <Link to="/verify-seal">{t('seals.verifyLink')}</Link>
            </Space>
          }
        />
      )}
    </Card>
  );
};

/** The company's e-seals: claim (legal representative), grants per seal, and signing a PDF. */
export const SealsPage = () => {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: keyOf(companyId),
    queryFn: () => api.call(sealsApi.overview, { params: { companyId } }),
  });
  const [signing, setSigning] = useState<string | null>(null);
  const o = q.data;
  if (q.error) return <Alert type="error" showIcon message={q.error.message} />;
  if (!o) return <Card loading />;
  const chosen = o.seals.find((s) => s.sealId === signing);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <PageTitle title={`${o.companyName} · ${t('seals.title')}`} testId="seals-title" />
      {!o.claimed && o.isLegalRepresentative && (
        <Claim
          companyId={companyId}
          onDone={() => void qc.invalidateQueries({ queryKey: keyOf(companyId) })}
        />
      )}
      {!o.claimed && !o.isLegalRepresentative && <Alert type="info" message={t('seals.notClaimed')} />}
      {o.claimed && o.claimedAt && (
        <Typography.Text type="secondary" data-testid="seals-claimed">
          {t('seals.claimed', { date: formatChinaDateTime(o.claimedAt) })}
        </Typography.Text>
      )}
      {o.seals.map((s) => (
        <Card
          key={s.sealId}
          data-testid={`seal-${s.code}`}
          title={
            <Space>
              {s.name}
              <Tag>{s.sealType}</Tag>
              <Tag color={s.status === 'active' ? 'green' : 'red'}>{t(`seals.status_${s.status}`)}</Tag>
            </Space>
          }
          extra={
            s.canSign && (
              <Button type="primary" data-testid={`seal-use-${s.code}`} onClick={() => setSigning(s.sealId)}>
                {t('seals.sign')}
              </Button>
            )
          }
        >
          <Typography.Text type="secondary">{`${t('seals.code')} ${s.code}`}</Typography.Text>
          {s.lockedUntil && (
            <Alert
              type="warning"
              showIcon
              message={t('seals.locked', { time: formatChinaDateTime(s.lockedUntil) })}
            />
          )}
          {o.claimed && o.isLegalRepresentative && s.status === 'active' && (
            <Grants companyId={companyId} seal={s} people={o.people} />
          )}
        </Card>
      ))}
      {chosen && <Sign key={chosen.sealId} companyId={companyId} seal={chosen} overview={o} />}
    </Space>
  );
};
