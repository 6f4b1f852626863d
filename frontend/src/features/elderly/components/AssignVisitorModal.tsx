// 改派 (staff): who is to visit someone — a staff member (themself first) or a group leader, from
// the community's colleagues (/colleagues), the leaders with the groups they lead.
import { useState } from 'react';
import { App, Form, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useMe } from '@/lib/session';
import { useAssignVisitor } from '../api/assign-visitor';
import { useColleagues } from '../api/get-colleagues';
import { useGroups } from '../api/get-groups';
import type { Visit } from '../api/get-visits';
import { visitorChoices } from './text';

export function AssignVisitorModal({ campaignId, visit, onClose }: { campaignId: string; visit: Visit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const report = useReportError();
  const assign = useAssignVisitor();
  const groups = useGroups(!!visit);
  const colleagues = useColleagues(!!visit);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const options = visitorChoices(
    t,
    colleagues.data ?? [],
    me,
    groups.data ?? [],
    visit?.visitor_id ? { id: visit.visitor_id, name: visit.visitor_name ?? '—' } : undefined,
  );
  const value = chosen === undefined ? (visit?.visitor_id ?? null) : chosen;
  const close = () => {
    setChosen(undefined);
    onClose();
  };
  return (
    <Modal
      open={!!visit}
      title={visit ? t('elderly.assignTitle', { name: visit.name }) : ''}
      okText={t('elderly.save')}
      cancelText={t('elderly.cancel')}
      okButtonProps={{ loading: assign.isPending, 'data-testid': 'save-visitor' } as ButtonProps}
      onCancel={close}
      onOk={() =>
        visit &&
        assign.mutate(
          { campaignId, visitId: visit.id, visitorId: value, version: visit.version },
          {
            onSuccess: () => {
              void message.success(t('elderly.visitorSaved'));
              close();
            },
            onError: (e) => report(e),
          },
        )
      }
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('elderly.visitor')} extra={t('elderly.visitorHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            value={value ?? undefined}
            onChange={(v?: string) => setChosen(v ?? null)}
            placeholder={t('elderly.noVisitor')}
            options={options}
            loading={colleagues.isLoading || groups.isLoading}
            aria-label={t('elderly.visitor')}
            data-testid="visitor-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
