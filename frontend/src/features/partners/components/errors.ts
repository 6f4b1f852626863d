import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { problemMessage } from '@/api/problem';
import { applyFieldErrors } from '@/features/registry/components/fieldErrors';

/** Field errors next to their fields; anything else (409, 412, network) as a message. */
export function reportError(t: TFunction, message: MessageInstance, error: unknown, form?: FormInstance) {
  if (form && applyFieldErrors(form, error)) return;
  message.error(problemMessage(t, error));
}
