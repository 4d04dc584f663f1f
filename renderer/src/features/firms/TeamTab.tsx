import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useLocalized } from '../../components/useLang';
import type { FirmRole } from '../../../../shared/api/firms';
import { firmApi, useRefreshFirm, useTeam } from './api';
import { cst, errorText } from './bits';

/** Staff and access groups: admins invite people, form groups and decide who handles which clients. */
export const TeamTab = ({ firmId, isAdmin }: { firmId: string; isAdmin: boolean }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const l = useLocalized();
  const team = useTeam(firmId);
  const refresh = useRefreshFirm(firmId);
  const [groupName, setGroupName] = useState('');
  const [form] = Form.useForm<{ phone: string; role: FirmRole; groupIds: string[] }>();
  if (team.error) return <QueryError error={team.error} />;
  const k = (key: string, o?: Record<string, unknown>) => t(`firms.team.${key}`, o);
  const act = (p: Promise<unknown>, ok?: string) =>
    void p
      .then(() => {
        if (ok) void message.success(ok);
        refresh();
      })
      .catch((e: unknown) => void message.error(errorText(e)));
  const members = team.data?.members ?? [];
  const groups = team.data?.groups ?? [];
  const staffOptions = members.map((m) => ({
    value: m.personId,
    label: `${m.name}（${t(`firms.role.${m.role}`)}）`,
  }));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={k('members')} loading={team.isLoading}>
          <Typography.Paragraph type="secondary">{k('staffHint')}</Typography.Paragraph>
          <List
            dataSource={members}
            renderItem={(m) => (
              <List.Item
                data-testid="member-row"
                actions={
                  isAdmin
                    ? [
                        <Popconfirm
                          key="rm"
                          title={k('remove')}
                          onConfirm={() => act(firmApi.removeMember(firmId, m.personId))}
                        >
                          <Button size="small" danger>
                            {k('remove')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Space wrap>
                  <strong>{m.name}</strong>
                  <Typography.Text type="secondary">{m.phoneMasked}</Typography.Text>
                  <Tag color={m.role === 'admin' ? 'red' : 'blue'}>{t(`firms.role.${m.role}`)}</Tag>
                  {m.groupIds.map((g) => (
                    <Tag key={g}>{groups.find((x) => x.id === g)?.name}</Tag>
                  ))}
                </Space>
              </List.Item>
            )}
          />
          {isAdmin && (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ role: 'staff', groupIds: [] }}
              onFinish={(v) =>
                act(
                  firmApi.invite(firmId, v).then((r) => {
                    void message.info(l(r.message));
                    form.resetFields();
                  }),
                )
              }
              style={{ marginTop: 16 }}
            >
              <Typography.Title level={2} style={{ fontSize: 20 }}>
                {k('invite')}
              </Typography.Title>
              <Form.Item
                name="phone"
                label={k('phone')}
                rules={[{ required: true, pattern: /^1\d{10}$/, message: t('signUp.phoneInvalid') }]}
              >
                <Input inputMode="numeric" maxLength={11} data-testid="invite-phone" />
              </Form.Item>
              <Form.Item name="role" label={k('role')}>
                <Select
                  options={(['staff', 'admin'] as const).map((r) => ({
                    value: r,
                    label: t(`firms.role.${r}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="groupIds" label={k('groups')}>
                <Select mode="multiple" options={groups.map((g) => ({ value: g.id, label: g.name }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" data-testid="invite-send">
                {k('send')}
              </Button>
            </Form>
          )}
          {isAdmin && (team.data?.invites.length ?? 0) > 0 && (
            <List
              header={k('pending')}
              dataSource={team.data?.invites ?? []}
              renderItem={(i) => (
                <List.Item>
                  {i.phoneMasked} · {t(`firms.role.${i.role}`)} · {cst(i.createdAt)}
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {!isAdmin && <Alert type="info" showIcon message={k('adminOnly')} />}
          {isAdmin && (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label={k('groupName')}
                placeholder={k('groupName')}
                value={groupName}
                maxLength={40}
                onChange={(e) => setGroupName(e.target.value)}
                data-testid="group-name"
              />
              <Button
                type="primary"
                disabled={!groupName.trim()}
                onClick={() =>
                  act(firmApi.createGroup(firmId, groupName.trim()).then(() => setGroupName('')))
                }
                data-testid="group-create"
              >
                {k('newGroup')}
              </Button>
            </Space.Compact>
          )}
          {groups.map((g) => (
            <Card
              key={g.id}
              size="small"
              data-testid="group-card"
              title={
                <Typography.Text
                  editable={
                    isAdmin
                      ? {
                          onChange: (name) =>
                            name.trim() &&
                            name !== g.name &&
                            act(firmApi.renameGroup(firmId, g.id, name.trim())),
                          triggerType: ['icon'],
                        }
                      : false
                  }
                >
                  {g.name}
                </Typography.Text>
              }
              extra={
                <Space>
                  <Typography.Text type="secondary">{k('clients', { count: g.clientCount })}</Typography.Text>
                  {isAdmin && (
                    <Popconfirm
                      title={k('deleteConfirm')}
                      onConfirm={() => act(firmApi.deleteGroup(firmId, g.id))}
                    >
                      <Button size="small" danger>
                        {k('deleteGroup')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              }
            >
              <label style={{ display: 'block' }}>
                <span style={{ display: 'block', marginBottom: 4 }}>{k('staff')}</span>
                <Select
                  mode="multiple"
                  style={{ width: '100%' }}
                  disabled={!isAdmin}
                  value={g.staffIds}
                  options={staffOptions}
                  onChange={(ids: string[]) => act(firmApi.setGroupStaff(firmId, g.id, ids), k('saved'))}
                  data-testid="group-staff"
                />
              </label>
            </Card>
          ))}
        </Space>
      </Col>
    </Row>
  );
};
