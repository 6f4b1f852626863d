import { useRef, useState } from 'react';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { Alert, Button, Descriptions, Form, Input, Modal } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useRevealResident } from '../api/reveal-resident';

/** Staff see a resident's full ID number and phones after stating why; the reason is audited. */
export function RevealButton({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealResident(residentId);
  const report = useReportError();
  const reasonRef = useRef<TextAreaRef>(null);
  const close = () => {
    setOpen(false);
    reveal.reset();
  };
  return (
    <>
      <Button icon={<EyeOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="reveal">
        {t('registry.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('registry.revealTitle')}
        onCancel={close}
        footer={null}
        destroyOnHidden
        // The dialog opens on its reason field: the reason is what it asks for.
        afterOpenChange={(visible) => visible && reasonRef.current?.focus()}
      >
        {reveal.data ? (
          <Descriptions column={1} bordered size="small" data-testid="revealed">
            <Descriptions.Item label={t('registry.idNumber')}>{reveal.data.id_number}</Descriptions.Item>
            <Descriptions.Item label={t('registry.phone')}>{reveal.data.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('registry.householdPhone')}>{reveal.data.household_phone ?? '—'}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Form form={form} layout="vertical" onFinish={({ reason }) => reveal.mutateAsync(reason).catch((e: unknown) => report(e, form))}>
            <Alert type="info" showIcon message={t('registry.revealNotice')} style={{ marginBottom: 16 }} />
            <Form.Item name="reason" label={t('registry.revealReason')} rules={[{ required: true, min: 4, max: 200, message: t('registry.revealReasonRule') }]}>
              <Input.TextArea ref={reasonRef} rows={2} placeholder={t('registry.revealReasonPlaceholder')} data-testid="reveal-reason" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={reveal.isPending} data-testid="reveal-confirm">
              {t('registry.revealConfirm')}
            </Button>
          </Form>
        )}
      </Modal>
    </>
  );
}
