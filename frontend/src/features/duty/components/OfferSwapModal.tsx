// 找人替班: a leader offers one of their nights to the other leaders, with a word for them if
// they like. The dialog says first what will happen: the night shows under the others' 可以接的班;
// when one takes it, it moves at once if the rules allow, else the office decides; until then
// the night is still theirs.
import { App, Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useOfferSwap } from '../api/offer-swap';
import { swapProblemMessage } from './swaps';
import { formatNight } from './text';

interface Values {
  note?: string;
}

/** The night to offer: its date and the caller's duty on it. */
export interface Offering {
  night: string;
  assignmentId: string;
}

export function OfferSwapModal({ offering, today, onClose }: { offering: Offering | null; today: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const offer = useOfferSwap();
  const [form] = Form.useForm<Values>();
  const submit = async (values: Values) => {
    if (!offering) return;
    try {
      await offer.mutateAsync({ assignmentId: offering.assignmentId, note: values.note?.trim() ?? '' });
      message.success(t('duty.swap.offered'));
      onClose();
    } catch (error) {
      const words = swapProblemMessage(t, 'offer', error);
      if (words) void message.error(words);
      else report(error, form);
    }
  };
  return (
    <Modal
      open={!!offering}
      title={offering ? t('duty.swap.offerTitle', { night: formatNight(offering.night, i18n.language, { today }) }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('duty.swap.offerConfirm')}
      okButtonProps={{ size: 'large', 'data-testid': 'offer-confirm' } as ButtonProps}
      cancelText={t('duty.cancel')}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={offer.isPending}
      destroyOnHidden
    >
      {offering && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="offer-form">
          <Alert type="info" showIcon message={t('duty.swap.offerExplain')} style={{ marginBottom: 16 }} />
          <Form.Item name="note" label={t('duty.swap.noteLabel')} rules={[{ max: 200, message: t('duty.swap.noteRule') }]}>
            <Input.TextArea rows={2} maxLength={200} placeholder={t('duty.swap.notePlaceholder')} data-testid="offer-note" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
