// What staff do with a resident's 优待证 from a list row: 登记优待证 (an application, after a
// confirmation) when there is none, 登记发证 (card number and day) when it waits.
import { App, Button, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { KeyboardPopconfirm } from '@/components/KeyboardPopconfirm';
import { ApiProblem } from '@/api/problem';
import { todayInCommunity } from '@/lib/dates';
import { useReportError } from '@/lib/forms';
import { useApplyCard } from '../api/apply-card';
import type { OlderResident } from '../api/get-elderly';
import { useIssueCard } from '../api/issue-card';

/** The actions a row offers: apply, or issue an application (when the list carries its id). */
export function CardActions({ resident, onIssue }: { resident: OlderResident; onIssue: (resident: OlderResident) => void }) {
  const { t } = useTranslation();
  if (!resident.card_status) return <ApplyCardButton resident={resident} />;
  if (resident.card_status === 'applied' && resident.card_id && resident.card_version != null) {
    return (
      <Button onClick={() => onIssue(resident)} aria-label={t('elderly.issueFor', { name: resident.name })} data-testid="issue-card">
        {t('elderly.issue')}
      </Button>
    );
  }
  return null;
}

function ApplyCardButton({ resident }: { resident: OlderResident }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const apply = useApplyCard();
  return (
    <KeyboardPopconfirm
      title={t('elderly.applyConfirm', { name: resident.name })}
      okText={t('elderly.apply')}
      cancelText={t('elderly.cancel')}
      okButtonProps={{ 'data-testid': 'confirm-apply' } as ButtonProps}
      // The row leaves a "no card" list once applied: the promise, not the mutation's callbacks
      // (which end with the row), says how it went.
      onConfirm={() =>
        apply.mutateAsync(resident.id).then(
          () => void message.success(t('elderly.applied', { name: resident.name })),
          (e: unknown) =>
            e instanceof ApiProblem && e.code === 'duplicate' ? void message.info(t('elderly.alreadyApplied', { name: resident.name })) : report(e),
        )
      }
    >
      <Button loading={apply.isPending} aria-label={t('elderly.applyFor', { name: resident.name })} data-testid="apply-card">
        {t('elderly.apply')}
      </Button>
    </KeyboardPopconfirm>
  );
}

interface IssueValues {
  card_number: string;
  issued_on: Dayjs;
}

/** 登记发证: the number printed on the card and the day it was handed over (default today). */
export function IssueCardModal({ resident, onClose }: { resident: OlderResident | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const issue = useIssueCard();
  const [form] = Form.useForm<IssueValues>();
  const today = todayInCommunity();
  return (
    <Modal
      open={!!resident}
      title={resident ? t('elderly.issueTitle', { name: resident.name }) : ''}
      okText={t('elderly.issueSave')}
      cancelText={t('elderly.cancel')}
      okButtonProps={{ loading: issue.isPending, 'data-testid': 'save-issue' } as ButtonProps}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {resident && (
        <Form<IssueValues>
          form={form}
          layout="vertical"
          initialValues={{ issued_on: dayjs(today) }}
          onFinish={(v) =>
            issue.mutate(
              {
                cardId: resident.card_id ?? '',
                body: { version: resident.card_version ?? 0, card_number: v.card_number.trim(), issued_on: v.issued_on.format('YYYY-MM-DD') },
              },
              {
                onSuccess: () => {
                  void message.success(t('elderly.issued', { name: resident.name }));
                  onClose();
                },
                onError: (e) => report(e, form),
              },
            )
          }
        >
          <Form.Item
            name="card_number"
            label={t('elderly.cardNumber')}
            rules={[{ required: true, whitespace: true, message: t('elderly.cardNumberRequired') }, { max: 40 }]}
          >
            <Input autoFocus autoComplete="off" data-testid="card-number" />
          </Form.Item>
          <Form.Item name="issued_on" label={t('elderly.issuedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} data-testid="issued-on" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
