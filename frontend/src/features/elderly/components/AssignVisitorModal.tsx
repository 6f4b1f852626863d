// 改派 (staff): who is to visit someone — one of the group leaders, or the staff member themself.
// There is no list of staff users to choose from, so another staff member cannot be named here.
import { useState } from 'react';
import { App, Form, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useMe } from '@/lib/session';
import { useAssignVisitor } from '../api/assign-visitor';
import { useGroups } from '../api/get-groups';
import type { Visit } from '../api/get-visits';

export function AssignVisitorModal({ campaignId, visit, onClose }: { campaignId: string; visit: Visit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const report = useReportError();
  const assign = useAssignVisitor();
  const groups = useGroups(!!visit);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const options = [
    ...(groups.data ?? []).filter((g) => g.leader_user_id).map((g) => ({ value: g.leader_user_id as string, label: g.leader_name ?? g.name })),
    { value: me.id, label: t('elderly.me', { name: me.display_name }) },
  ];
  // A visitor who is neither (another staff member) still shows by name.
  if (visit?.visitor_id && !options.some((o) => o.value === visit.visitor_id)) options.push({ value: visit.visitor_id, label: visit.visitor_name ?? '—' });
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
            loading={groups.isLoading}
            aria-label={t('elderly.visitor')}
            data-testid="visitor-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
