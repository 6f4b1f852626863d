import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

describe('copying a link', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses the Clipboard API where the page may', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.stubGlobal('isSecureContext', true);
    expect(await copyText('https://example.test/a.ics')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('https://example.test/a.ics');
  });

  it('falls back to a selected text field on a plain-HTTP page, and leaves nothing behind', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.stubGlobal('isSecureContext', false);
    const execCommand = vi.fn(() => true);
    document.execCommand = execCommand;
    expect(await copyText('http://example.test/a.ics')).toBe(true);
    expect(writeText).not.toHaveBeenCalled();
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('says so when the browser refuses both ways', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) } });
    vi.stubGlobal('isSecureContext', true);
    document.execCommand = vi.fn(() => false);
    expect(await copyText('x')).toBe(false);
  });
});
