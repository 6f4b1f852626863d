// A team. Staff: what it is (with 编辑), its requests and members (同意 / 婉拒 / 移出, adding
// someone directly) and its equipment (adding to it). The resident who leads it: the same requests
// and members. Other residents: the team, where their household stands and 申请加入. Everyone who
// sees it: the equipment.
import { useState } from 'react';
import { App, Button, Card, Form, Modal, Space } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { ApiProblem } from '@/api/problem';
import { useReportError } from '@/lib/forms';
import { useMe } from '@/lib/session';
import type { TeamDetail } from '../api/get-teams';
import { useTeam } from '../api/get-team';
import { useUpdateTeam } from '../api/update-team';
import { EquipmentCard } from '../components/EquipmentCard';
import { HouseholdStanding } from '../components/HouseholdStanding';
import { MembersCard } from '../components/MembersCard';
import { TeamFields, teamRequest, type TeamValues } from '../components/TeamFields';
import { TeamInfo } from '../components/TeamInfo';

export function TeamPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const staff = me.role === 'staff';
  const team = useTeam(id);
  const [editing, setEditing] = useState(false);
  const data = team.data;
  return (
    <PageShell
      title={data?.name ?? t('teams.title')}
      loading={team.isLoading}
      testId="team-page"
      bare
      actions={
        staff &&
        data && (
          <Button size="large" onClick={() => setEditing(true)} data-testid="edit-team">
            {t('teams.edit')}
          </Button>
        )
      }
    >
      {data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            <TeamInfo team={data} />
            {me.role === 'resident' && (
              <div style={{ marginTop: 12 }}>
                <HouseholdStanding team={data} />
              </div>
            )}
          </Card>
          {data.members != null && <MembersCard team={data} staff={staff} />}
          <EquipmentCard team={data} staff={staff} />
          {staff && <EditTeamModal open={editing} onClose={() => setEditing(false)} team={data} />}
        </Space>
      )}
    </PageShell>
  );
}

function EditTeamModal({ open, onClose, team }: { open: boolean; onClose: () => void; team: TeamDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const update = useUpdateTeam();
  const [form] = Form.useForm<TeamValues>();
  const leader = team.leader_resident_id && team.leader_name ? { value: team.leader_resident_id, label: team.leader_name } : undefined;
  return (
    <Modal
      open={open}
      title={t('teams.editTitle', { team: team.name })}
      okText={t('teams.save')}
      okButtonProps={{ loading: update.isPending, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      cancelText={t('teams.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<TeamValues>
        form={form}
        layout="vertical"
        initialValues={{
          name: team.name,
          description: team.description,
          practice_schedule: team.practice_schedule,
          leader_resident_id: team.leader_resident_id ?? undefined,
        }}
        onFinish={(v) =>
          update.mutate(
            { id: team.id, body: { ...teamRequest(v), version: team.version } },
            {
              onSuccess: () => {
                void message.success(t('teams.saved'));
                onClose();
              },
              onError: (e) =>
                e instanceof ApiProblem && e.code === 'duplicate' ? form.setFields([{ name: 'name', errors: [t('teams.duplicateName')] }]) : report(e, form),
            },
          )
        }
      >
        <TeamFields leader={leader} />
      </Form>
    </Modal>
  );
}
