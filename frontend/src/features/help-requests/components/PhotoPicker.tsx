// An optional photo or three of the problem (a leaking pipe, a broken lamp): taken with the
// phone's camera or chosen, checked here first — a photo, at most 2 MB — so nobody waits for an
// upload the server would refuse; each shown small with a button to take it out again.
import { useRef, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PhotoUpload } from '../api/types';
import { dataUrlPayload, PHOTO_MAX_COUNT, photoProblem, type PhotoType } from './text';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface PhotoPickerProps {
  value?: PhotoUpload[];
  onChange?: (photos: PhotoUpload[]) => void;
  /** A problem the server had with the photos (413/415), in words. */
  serverProblem?: string | null;
}

export function PhotoPicker({ value = [], onChange, serverProblem }: PhotoPickerProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (files: FileList | null) => {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    const refused = photoProblem(file);
    if (refused) {
      setProblem(t(refused, { name: file.name }));
      return;
    }
    setProblem(null);
    const data = dataUrlPayload(await readAsDataUrl(file));
    onChange?.([...value, { content_type: file.type as PhotoType, data }]);
  };
  const shown = problem ?? serverProblem;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {value.length > 0 && (
        <Space wrap size={8} data-testid="photo-previews">
          {value.map((p, i) => (
            <div key={i} style={{ position: 'relative' }}>
              <img
                src={`data:${p.content_type};base64,${p.data}`}
                alt={t('helpRequests.photo.preview', { n: i + 1 })}
                style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 8, display: 'block', border: '1px solid #d9d9d9' }}
              />
              <Button
                size="small"
                danger
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => onChange?.(value.filter((_, j) => j !== i))}
                style={{ marginTop: 4, width: 96 }}
                data-testid="photo-remove"
              >
                {t('helpRequests.photo.remove')}
              </Button>
            </div>
          ))}
        </Space>
      )}
      {value.length < PHOTO_MAX_COUNT && (
        <Button size="large" icon={<CameraOutlined aria-hidden />} onClick={() => input.current?.click()} data-testid="photo-add">
          {value.length === 0 ? t('helpRequests.photo.add') : t('helpRequests.photo.addAnother')}
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        tabIndex={-1}
        aria-hidden
        style={{ display: 'none' }}
        onChange={(e) => void choose(e.target.files)}
        data-testid="photo-input"
      />
      {shown && <Alert type="error" showIcon message={shown} role="alert" data-testid="photo-problem" />}
    </Space>
  );
}
