// One team as a big card for residents and leaders on a phone: name, when and where it practises,
// its leader and size; for a resident also where their household stands and 申请加入.
import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Team } from '../api/get-teams';
import { HouseholdStanding } from './HouseholdStanding';

export function TeamCard({ team, resident }: { team: Team; resident: boolean }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="team-card">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0, fontSize: 22, overflowWrap: 'anywhere' }}>
          <Link to={`/teams/${team.id}`} data-testid="team-link">
            {team.name}
          </Link>
        </Typography.Title>
        {team.you_lead && (
          <span>
            <Tag color="blue">{t('teams.youLead')}</Tag>
          </span>
        )}
        {team.practice_schedule && (
          <Typography.Text style={{ fontSize: 18 }}>
            {t('teams.schedule')}：{team.practice_schedule}
          </Typography.Text>
        )}
        <Typography.Text style={{ fontSize: 18 }}>
          {t('teams.leader')}：{team.leader_name ?? t('teams.noLeader')}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 18 }} data-testid="member-count">
          {t('teams.memberCount', { count: team.member_count })}
        </Typography.Text>
        {resident && <HouseholdStanding team={team} />}
      </Space>
    </Card>
  );
}
