// A resident's side of a team: where each person of their household stands (申请中 / 已加入 /
// 未通过), 撤回申请 or 退出 for each, and a big 申请加入 that asks for whom when the household has
// more than one person.
import { useState } from 'react';
import { App, Button, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import type { Membership, Team } from '../api/get-teams';
import { useHousehold } from '../api/get-household';
import { useJoinTeam } from '../api/join-team';
import { useMoveMembership } from '../api/move-membership';
import { MembershipTag } from './MembershipTag';
import { householdStanding, joinCandidates } from './text';

export function HouseholdStanding({ team }: { team: Team }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const move = useMoveMembership();
  const standing = householdStanding(team.your_household);

  const leave = (m: Membership) =>
    modal.confirm({
      title:
        m.status === 'requested'
          ? t('teams.withdrawConfirm', { name: m.resident_name, team: team.name })
          : t('teams.leaveConfirm', { name: m.resident_name, team: team.name }),
      okText: m.status === 'requested' ? t('teams.withdraw') : t('teams.leave'),
      okButtonProps: { danger: true },
      cancelText: t('teams.keep'),
      onOk: () =>
        move.mutateAsync({ teamId: team.id, membershipId: m.id, move: 'leave', version: m.version }).then(
          () => void message.success(m.status === 'requested' ? t('teams.withdrawn') : t('teams.left')),
          (e: unknown) => report(e),
        ),
    });

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {standing.map((m) => (
        <div key={m.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }} data-testid="household-standing">
          <Typography.Text strong style={{ fontSize: 18 }}>
            {m.resident_name}
          </Typography.Text>
          <MembershipTag status={m.status} />
          {(m.status === 'requested' || m.status === 'member') && (
            <Button size="large" onClick={() => leave(m)} style={{ marginInlineStart: 'auto' }} data-testid={m.status === 'requested' ? 'withdraw' : 'leave'}>
              {m.status === 'requested' ? t('teams.withdraw') : t('teams.leave')}
            </Button>
          )}
        </div>
      ))}
      {standing.some((m) => m.status === 'requested') && <Typography.Text type="secondary">{t('teams.waitingHint')}</Typography.Text>}
      <JoinButton team={team} />
    </Space>
  );
}

/** 申请加入: for oneself when one lives alone; otherwise for whom (those not in or waiting already). */
function JoinButton({ team }: { team: Team }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const household = useHousehold();
  const join = useJoinTeam();
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const people = household.data ?? [];
  const candidates = joinCandidates(people, team.your_household);
  if (household.isSuccess && candidates.length === 0) return null;

  const send = (residentId?: string) =>
    join.mutate(
      { teamId: team.id, residentId },
      {
        onSuccess: () => {
          setChoosing(false);
          void message.success(t('teams.requested'));
        },
        onError: (e) => report(e),
      },
    );
  const start = () => {
    // Living alone (or the household unknown): the request is for oneself.
    if (people.length <= 1) return send();
    setChosen(candidates.length === 1 ? candidates[0]?.id : undefined);
    setChoosing(true);
  };

  return (
    <>
      <Button type="primary" size="large" block onClick={start} loading={household.isLoading || (join.isPending && !choosing)} data-testid="join">
        {t('teams.join')}
      </Button>
      <Modal
        open={choosing}
        title={t('teams.joinTitle', { team: team.name })}
        okText={t('teams.sendRequest')}
        okButtonProps={{ disabled: !chosen, loading: join.isPending, size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        cancelText={t('teams.cancel')}
        onOk={() => chosen && send(chosen)}
        onCancel={() => setChoosing(false)}
        destroyOnHidden
      >
        <Typography.Paragraph id={`join-who-${team.id}`}>{t('teams.forWhom')}</Typography.Paragraph>
        <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} aria-labelledby={`join-who-${team.id}`} data-testid="join-who">
          <Space direction="vertical" size={4}>
            {candidates.map((p) => (
              <Radio key={p.id} value={p.id} style={{ fontSize: 18, minHeight: 44, alignItems: 'center' }}>
                {p.name}（{t(`registry.relationships.${p.relationship}`)}）
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Modal>
    </>
  );
}
