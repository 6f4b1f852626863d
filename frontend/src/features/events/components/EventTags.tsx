import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventItem, EventKind } from '../api/get-events';
import type { RegistrationStatus } from '../api/get-registrations';
import { useTeams } from '../api/get-teams';

const COLORS: Record<RegistrationStatus, string> = { registered: 'blue', waitlisted: 'gold', cancelled: 'default', attended: 'green' };

export function RegistrationTag({ status, walkIn }: { status: RegistrationStatus; walkIn?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="registration-status">
      {t(`events.registrationStatus.${status}`)}
      {walkIn ? `（${t('events.walkIn')}）` : ''}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: EventKind }) {
  const { t } = useTranslation();
  return <Tag>{t(`events.kind.${kind}`)}</Tag>;
}

function TeamAudienceTag({ teamId }: { teamId?: string | null }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const name = teams.data?.find((team) => team.id === teamId)?.name;
  return (
    <Tag color="purple" data-testid="audience">
      {name ? t('events.audienceTeam', { team: name }) : t('events.audienceSomeTeam')}
    </Tag>
  );
}

/** 仅限党员 / 仅限腰鼓队成员; nothing for an event open to everyone. */
export function AudienceTag({ event }: { event: Pick<EventItem, 'audience' | 'team_id'> }) {
  const { t } = useTranslation();
  if (event.audience === 'party_members')
    return (
      <Tag color="red" data-testid="audience">
        {t('events.audiencePartyOnly')}
      </Tag>
    );
  if (event.audience === 'team') return <TeamAudienceTag teamId={event.team_id} />;
  return null;
}
