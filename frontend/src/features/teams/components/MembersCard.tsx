// A team's people, for staff and for the resident who leads it: open requests first with 同意 /
// 婉拒, then the members with 移出; staff also add someone who signed up at the office.
import { useState } from 'react';
import { App, Button, Card, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { ResidentPicker } from '@/components/ResidentPicker';
import { formatDate, formatDateTime } from '@/lib/format';
import { useReportError } from '@/lib/forms';
import type { Membership, TeamDetail } from '../api/get-teams';
import { useJoinTeam } from '../api/join-team';
import { useMoveMembership, type MembershipMove } from '../api/move-membership';
import { MembershipTag } from './MembershipTag';
import { splitMembers } from './text';

export function MembersCard({ team, staff }: { team: TeamDetail; staff: boolean }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const move = useMoveMembership();
  const [busy, setBusy] = useState<string>();
  const { requests, current } = splitMembers(team.members ?? []);

  const run = (m: Membership, action: MembershipMove) => {
    setBusy(`${m.id}:${action}`);
    return move
      .mutateAsync({ teamId: team.id, membershipId: m.id, move: action, version: m.version })
      .then(
        () => void message.success(t(`teams.done.${action}`, { name: m.resident_name })),
        (e: unknown) => report(e),
      )
      .finally(() => setBusy(undefined));
  };
  const remove = (m: Membership) =>
    modal.confirm({
      title: t('teams.removeConfirm', { name: m.resident_name, team: team.name }),
      okText: t('teams.remove'),
      okButtonProps: { danger: true },
      cancelText: t('teams.keep'),
      onOk: () => run(m, 'leave'),
    });
  const button = (m: Membership, action: MembershipMove, onClick: () => void, primary = false) => (
    <Button
      size="large"
      type={primary ? 'primary' : 'default'}
      danger={action === 'leave'}
      loading={busy === `${m.id}:${action}`}
      disabled={busy !== undefined && busy !== `${m.id}:${action}`}
      onClick={onClick}
      aria-label={`${t(`teams.action.${action}`)}：${m.resident_name}`}
      data-testid={action}
    >
      {t(`teams.action.${action}`)}
    </Button>
  );
  const decide = (m: Membership) => (
    <Space wrap>
      {button(m, 'approve', () => void run(m, 'approve'), true)}
      {button(m, 'decline', () => void run(m, 'decline'))}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('teams.requestsTitle', { count: requests.length })} data-testid="requests">
        <DataList<Membership>
          rows={requests}
          rowKey={(m) => m.id}
          empty={t('teams.noRequests')}
          itemTestId="request-row"
          columns={[
            { title: t('teams.residentName'), dataIndex: 'resident_name' },
            { title: t('teams.askedAt'), key: 'asked', render: (_, m) => formatDateTime(m.created_at, i18n.language) },
            { title: t('teams.actions'), key: 'actions', render: (_, m) => decide(m) },
          ]}
          card={(m) => (
            <Space direction="vertical" size={6} style={{ width: '100%' }}>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {m.resident_name} <MembershipTag status={m.status} />
              </Typography.Text>
              <span>
                {t('teams.askedAt')}：{formatDateTime(m.created_at, i18n.language)}
              </span>
              {decide(m)}
            </Space>
          )}
        />
      </Card>
      <Card title={t('teams.membersTitle', { count: current.length })} data-testid="members">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {staff && <AddMember teamId={team.id} />}
          <DataList<Membership>
            rows={current}
            rowKey={(m) => m.id}
            empty={t('teams.noMembers')}
            itemTestId="member-row"
            pageSize={20}
            columns={[
              { title: t('teams.residentName'), dataIndex: 'resident_name' },
              { title: t('teams.joinedAt'), key: 'joined', render: (_, m) => formatDate(m.decided_at ?? m.created_at, i18n.language) },
              { title: t('teams.actions'), key: 'actions', render: (_, m) => button(m, 'leave', () => remove(m)) },
            ]}
            card={(m) => (
              <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {m.resident_name}
                </Typography.Text>
                <span style={{ marginInlineStart: 'auto' }}>{button(m, 'leave', () => remove(m))}</span>
              </div>
            )}
          />
        </Space>
      </Card>
    </Space>
  );
}

/** Staff add a resident directly (signed up at the office): a member at once. */
function AddMember({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const join = useJoinTeam();
  const [form] = Form.useForm<{ resident_id?: string }>();
  const chosen = Form.useWatch('resident_id', form);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={({ resident_id }) =>
        resident_id &&
        join.mutate(
          { teamId, residentId: resident_id },
          {
            onSuccess: (m) => {
              form.resetFields();
              void message.success(t('teams.added', { name: m.resident_name }));
            },
            onError: (e) => report(e, form),
          },
        )
      }
      style={{ maxWidth: 560 }}
    >
      <Form.Item name="resident_id" label={t('teams.addMember')} style={{ marginBottom: 8 }}>
        <ResidentPicker testId="add-member-resident" />
      </Form.Item>
      <Button size="large" htmlType="submit" disabled={!chosen} loading={join.isPending} data-testid="add-member">
        {t('teams.add')}
      </Button>
    </Form>
  );
}
