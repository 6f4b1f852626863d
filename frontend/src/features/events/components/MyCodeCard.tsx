// 我的签到码: the resident's own code as a QR code to show at the door, and the code in large
// type for when the scanner cannot read it (staff can type it). 我的签到码 at the top of 活动 jumps
// here (#my-code); the card takes the focus then, so the next Tab goes on from the code.
import { Alert, Card, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { useCheckInCode } from '../api/get-check-in-code';

export function MyCodeCard() {
  const { t } = useTranslation();
  const code = useCheckInCode();
  return (
    <Card
      title={t('events.myCode')}
      loading={code.isLoading}
      data-testid="my-code"
      id="my-code"
      tabIndex={-1}
      // Scrolled to, it stops below the phone's sticky header (56 px), not under it.
      style={{ scrollMarginTop: 68 }}
    >
      {code.isError && <Alert type="info" showIcon message={t('events.noCode')} />}
      {code.data && (
        <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 12, textAlign: 'center' }}>
          <Typography.Paragraph style={{ margin: 0, fontSize: 18 }}>{t('events.codeHowTo')}</Typography.Paragraph>
          <div style={{ background: '#fff', padding: 12 }}>
            <QRCodeSVG value={code.data.code} size={200} level="M" role="img" aria-label={t('events.codeQrLabel', { name: code.data.resident_name })} />
          </div>
          <Typography.Text>{code.data.resident_name}</Typography.Text>
          <Typography.Text
            copyable={{ text: code.data.code, tooltips: [t('events.copyCode'), t('events.copied')] }}
            style={{ fontFamily: 'monospace', fontSize: 22, letterSpacing: 1, overflowWrap: 'anywhere' }}
            data-testid="my-code-text"
          >
            {code.data.code}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
