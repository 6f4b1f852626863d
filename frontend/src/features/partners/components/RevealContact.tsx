// Staff see a partner's contact phone in full only after stating why; the reveal is audited.
import { useState } from 'react';
import { Button, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '@/lib/forms';
import { useRevealPartnerContact } from '../api/reveal-partner-contact';

export function RevealContact({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const report = useReportError();
  const reveal = useRevealPartnerContact(partnerId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  if (phone)
    return (
      <Typography.Text copyable data-testid="revealed-phone">
        {phone}
      </Typography.Text>
    );
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="reveal-phone">
        {t('support.showFull')}
      </Button>
      <Modal
        open={open}
        title={t('support.revealTitle')}
        okButtonProps={{ disabled: reason.trim().length < 4 }}
        confirmLoading={reveal.isPending}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          try {
            const contact = await reveal.mutateAsync(reason.trim());
            setPhone(contact.contact_phone ?? '—');
            setOpen(false);
          } catch (error) {
            report(error);
          }
        }}
      >
        <Typography.Paragraph>{t('support.revealHint')}</Typography.Paragraph>
        <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="reveal-reason" />
      </Modal>
    </>
  );
}
