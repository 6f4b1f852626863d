import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { fieldMessage } from './fieldMessages';

describe('server field messages', () => {
  it('are put into the user language when their shape is known, else kept', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(fieldMessage(i18n.t, 'must be 1–50 characters')).toBe('需填写 1–50 个字');
    expect(fieldMessage(i18n.t, 'must be an absolute https:// URL')).toBe('地址须以 https:// 开头（加密连接）');
    expect(fieldMessage(i18n.t, 'something new')).toBe('something new');
  });
});
