// 文体队伍: staff see every team in a table (cards on a phone) and start new ones; residents and
// leaders see each team as a big card — a resident asks to join for themself or someone of their
// household, withdraws or leaves.
import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useMe } from '@/lib/session';
import { useTeams, type Team } from '../api/get-teams';
import { TeamCard } from '../components/TeamCard';

export function TeamsPage() {
  const me = useMe();
  return me.role === 'staff' ? <StaffTeams /> : <PhoneTeams resident={me.role === 'resident'} />;
}

function PhoneTeams({ resident }: { resident: boolean }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const rows = teams.data ?? [];
  return (
    <PageShell title={t('teams.title')} intro={resident ? t('teams.residentIntro') : t('teams.leaderIntro')} loading={teams.isLoading} testId="teams-page" bare>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {rows.length === 0 && <Typography.Paragraph>{t('teams.none')}</Typography.Paragraph>}
        {rows.map((team) => (
          <TeamCard key={team.id} team={team} resident={resident} />
        ))}
      </Space>
    </PageShell>
  );
}

function StaffTeams() {
  const { t } = useTranslation();
  const teams = useTeams();
  const leader = (team: Team) => team.leader_name ?? t('teams.noLeader');
  return (
    <PageShell
      title={t('teams.manageTitle')}
      actions={
        <LinkButton to="/teams/new" type="primary" data-testid="new-team">
          {t('teams.create')}
        </LinkButton>
      }
      testId="teams-page"
    >
      <DataList<Team>
        rows={teams.data ?? []}
        rowKey={(team) => team.id}
        loading={teams.isLoading}
        empty={t('teams.none')}
        testId="teams-list"
        itemTestId="team-row"
        href={(team) => `/teams/${team.id}`}
        columns={[
          { title: t('teams.name'), key: 'name', render: (_, team) => <Link to={`/teams/${team.id}`}>{team.name}</Link> },
          { title: t('teams.leader'), key: 'leader', render: (_, team) => leader(team) },
          { title: t('teams.schedule'), key: 'schedule', render: (_, team) => team.practice_schedule || '—' },
          { title: t('teams.members'), key: 'members', render: (_, team) => t('teams.memberCount', { count: team.member_count }) },
        ]}
        card={(team) => (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Link to={`/teams/${team.id}`} style={{ fontSize: 18 }}>
              {team.name}
            </Link>
            <span>
              {t('teams.leader')}：{leader(team)}
            </span>
            {team.practice_schedule && <span>{team.practice_schedule}</span>}
            <span>{t('teams.memberCount', { count: team.member_count })}</span>
          </Space>
        )}
      />
    </PageShell>
  );
}
