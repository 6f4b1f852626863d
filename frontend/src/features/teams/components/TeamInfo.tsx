// What a team is: when and where it practises, its leader, its size and what it does.
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Team } from '../api/get-teams';

export function TeamInfo({ team }: { team: Team }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={1} size="small" data-testid="team-info">
      <Descriptions.Item label={t('teams.schedule')}>{team.practice_schedule || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('teams.leader')}>{team.leader_name ?? t('teams.noLeader')}</Descriptions.Item>
      <Descriptions.Item label={t('teams.members')}>
        <span data-testid="member-count">{t('teams.memberCount', { count: team.member_count })}</span>
      </Descriptions.Item>
      {team.description && <Descriptions.Item label={t('teams.description')}>{team.description}</Descriptions.Item>}
    </Descriptions>
  );
}
