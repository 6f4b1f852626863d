// 扫码签到: the phone's camera in a dialog, reading the QR code on one resident's phone after
// another. Each code read is checked in at once and the result is said in large type (and to
// screen readers); the camera stays on for the next person until the dialog is closed (Esc, the
// close button), which turns it off. When the camera cannot be used, the dialog says why in plain
// words; the typed code and the search by name under it still work.
import { useState } from 'react';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblem, problemMessage } from '@/api/problem';
import { useCheckIn } from '../api/check-in';
import { isCheckInCode, type CameraProblem } from '../lib/qr-scanner';
import { useQrScanner } from '../lib/use-qr-scanner';

interface Props {
  eventId: string;
  open: boolean;
  onClose: () => void;
  /** The success text of each check-in, for the box under the dialog. */
  onCheckedIn: (text: string) => void;
}

// `n` counts the results, so the same words for the next person replace the old node and are said again.
type Result = { kind: 'success' | 'error' | 'info'; text: string; detail?: string; n: number };

const CAMERA_TEXT: Record<CameraProblem, string> = {
  unsupported: 'events.cameraUnsupported',
  denied: 'events.cameraDenied',
  'no-camera': 'events.cameraMissing',
  busy: 'events.cameraBusy',
  failed: 'events.cameraFailed',
};

function failureText(t: TFunction, error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.code === 'duplicate') return t('events.scanAlready');
    if (error.code === 'validation_failed') return t('events.scanInvalid');
    if (error.code === 'not_found') return t('events.scanNobody');
  }
  return problemMessage(t, error);
}

/**
 * Mount it afresh for each opening (a new `key`): the camera and the last result start over. The
 * camera is owned here, outside the dialog's content (which the dialog stops updating while it
 * fades out), so it goes off the moment the dialog is told to close.
 */
export function QrScanModal({ eventId, open, onClose, onCheckedIn }: Props) {
  const { t } = useTranslation();
  const checkIn = useCheckIn();
  const [result, setResult] = useState<Result>();
  const show = (r: Omit<Result, 'n'>) => setResult((old) => ({ ...r, n: (old?.n ?? 0) + 1 }));

  const read = async (value: string) => {
    if (!isCheckInCode(value)) {
      show({ kind: 'info', text: t('events.scanNotACode') });
      return;
    }
    try {
      const r = await checkIn.mutateAsync({ eventId, code: value });
      const text = t('events.checkedIn', { name: r.resident_name });
      show({ kind: 'success', text, detail: r.walk_in ? t('events.scanWalkIn') : t('events.scanRegistered') });
      onCheckedIn(r.walk_in ? t('events.checkedInWalkIn', { name: r.resident_name }) : text);
      navigator.vibrate?.(120);
    } catch (error) {
      show({ kind: 'error', text: failureText(t, error) });
    }
  };
  const { videoRef, status, retry } = useQrScanner(open, read);
  const problem = status !== 'starting' && status !== 'scanning' ? status : undefined;

  const colour = result?.kind === 'success' ? '#237804' : result?.kind === 'error' ? '#a8071a' : '#1f1f1f';
  const icon = result?.kind === 'success' ? <CheckCircleFilled /> : result?.kind === 'error' ? <CloseCircleFilled /> : <InfoCircleFilled />;

  return (
    <Modal
      open={open}
      title={<span style={{ fontSize: 20 }}>{t('events.scanTitle')}</span>}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button size="large" onClick={onClose} data-testid="scan-close">
          {t('events.scanClose')}
        </Button>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {problem ? (
          <Alert
            type="warning"
            showIcon
            message={<span style={{ fontSize: 18 }}>{t(CAMERA_TEXT[problem])}</span>}
            action={
              problem !== 'unsupported' && (
                <Button size="large" onClick={retry} data-testid="scan-retry">
                  {t('events.scanRetry')}
                </Button>
              )
            }
            data-testid="scan-camera-problem"
          />
        ) : (
          <Typography.Paragraph style={{ fontSize: 18, margin: 0 }}>
            {status === 'starting' ? t('events.scanStarting') : t('events.scanHowTo')}
          </Typography.Paragraph>
        )}
        <video
          ref={videoRef}
          muted
          playsInline
          autoPlay
          aria-label={t('events.scanVideoLabel')}
          data-testid="scan-video"
          style={{ display: problem ? 'none' : 'block', width: '100%', maxHeight: '45vh', objectFit: 'cover', background: '#000', borderRadius: 8 }}
        />
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="scan-result" style={{ minHeight: 64 }}>
          {result && (
            <div key={result.n} style={{ color: colour, display: 'flex', gap: 12, alignItems: 'flex-start' }}>
              <span aria-hidden style={{ fontSize: 32, lineHeight: 1.2 }}>
                {icon}
              </span>
              <div>
                <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.3 }}>{result.text}</div>
                {result.detail && <div style={{ fontSize: 18 }}>{result.detail}</div>}
              </div>
            </div>
          )}
        </div>
      </Space>
    </Modal>
  );
}
