// 新建队伍 (staff): name, when and where it practises, its leader (found by name) and what it does.
import { App, Button, Form } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { ApiProblem } from '@/api/problem';
import { useReportError } from '@/lib/forms';
import { useCreateTeam } from '../api/create-team';
import { TeamFields, teamRequest, type TeamValues } from '../components/TeamFields';

export function TeamFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useReportError();
  const create = useCreateTeam();
  const [form] = Form.useForm<TeamValues>();
  const onFinish = (v: TeamValues) =>
    create.mutate(teamRequest(v), {
      onSuccess: (team) => {
        void message.success(t('teams.created'));
        navigate(`/teams/${team.id}`);
      },
      onError: (e) =>
        e instanceof ApiProblem && e.code === 'duplicate' ? form.setFields([{ name: 'name', errors: [t('teams.duplicateName')] }]) : report(e, form),
    });
  return (
    <PageShell title={t('teams.create')} testId="team-form">
      <Form<TeamValues> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 560 }}>
        <TeamFields />
        <Button type="primary" size="large" htmlType="submit" loading={create.isPending} data-testid="submit-team">
          {t('teams.create')}
        </Button>
      </Form>
    </PageShell>
  );
}
