// 扫码签到 with a fake camera and a fake BarcodeDetector (jsdom has neither): a code in view is
// checked in once, the result is said in the live region, the next person's code goes through,
// and closing the dialog turns the camera off.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import i18n from '@/lib/i18n';
import { CheckInBox } from './CheckInBox';

const CODE = 'XG1-0123456789abcdef0123456789abcdef-0011223344556677';
const OTHER = 'XG1-fedcba9876543210fedcba9876543210-8899aabbccddeeff';

const inView = { codes: [] as string[] };
const detect = vi.fn(async () => inView.codes.map((rawValue) => ({ rawValue })));
class FakeBarcodeDetector {
  static getSupportedFormats = async () => ['qr_code'];
  detect = detect;
}

let tracks: { stop: ReturnType<typeof vi.fn> }[] = [];
const getUserMedia = vi.fn(async (_: MediaStreamConstraints) => {
  tracks = [{ stop: vi.fn() }];
  return { getTracks: () => tracks } as unknown as MediaStream;
});

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The server: the first code is checked in (registered), then it is a duplicate; the other is a walk-in. */
const checkIns: string[] = [];
const fetch = vi.fn(async (request: Request) => {
  if (!new URL(request.url).pathname.endsWith('/check-in')) return json(200, { items: [] });
  const { code } = (await request.json()) as { code: string };
  checkIns.push(code);
  if (code === CODE && checkIns.filter((c) => c === CODE).length > 1) {
    return json(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'duplicate', detail: 'Checked in already.' });
  }
  return json(200, {
    id: `r${checkIns.length}`,
    event_id: 'e1',
    resident_id: 'x',
    resident_name: code === CODE ? '张秀英' : '李四',
    status: 'attended',
    walk_in: code !== CODE,
    checked_in_at: '2026-11-28T01:00:00Z',
    created_at: '2026-11-28T00:00:00Z',
  });
});

function renderBox() {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <CheckInBox eventId="e1" />
      </App>
    </QueryClientProvider>,
  );
}

/** Room for a busy machine. */
const soon = { timeout: 5000 };

/** Waits until the camera has read `frames` more frames. */
async function framesPass(frames: number) {
  const target = detect.mock.calls.length + frames;
  await waitFor(() => expect(detect.mock.calls.length).toBeGreaterThanOrEqual(target), soon);
}

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});
beforeEach(() => {
  inView.codes = [];
  checkIns.length = 0;
  detect.mockClear();
  getUserMedia.mockClear();
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('BarcodeDetector', FakeBarcodeDetector);
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

describe('扫码签到', () => {
  it('checks a resident in once per code, goes on to the next, says a duplicate plainly, and turns the camera off on Esc', async () => {
    const user = userEvent.setup();
    renderBox();
    await user.click(screen.getByRole('button', { name: /扫码签到/ }));
    const dialog = await screen.findByRole('dialog');
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
    await within(dialog).findByText(/请居民打开手机上的“我的签到码”/, {}, soon);
    const result = within(dialog).getByRole('status');

    inView.codes = [CODE];
    await waitFor(() => expect(result.textContent).toContain('张秀英 已签到'), soon);
    expect(result.textContent).toContain('已报名的居民');
    await framesPass(6); // the same phone stays in front of the camera
    expect(checkIns).toEqual([CODE]);

    inView.codes = [OTHER];
    await waitFor(() => expect(result.textContent).toContain('李四 已签到'), soon);
    expect(result.textContent).toContain('没有报名，记为现场参加');
    await framesPass(3);
    expect(checkIns).toEqual([CODE, OTHER]);

    // A code that is not a check-in code is not sent.
    inView.codes = ['https://example.com/'];
    await waitFor(() => expect(result.textContent).toContain('这不是签到码'), soon);
    expect(checkIns).toEqual([CODE, OTHER]);

    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.every((t) => t.stop.mock.calls.length === 0)).toBe(true);
    // Esc in the dialog (jsdom runs no motion, so the dialog never takes the focus itself as a
    // browser's does; the dialog reads keyCode, which user-event leaves out).
    fireEvent.keyDown(screen.getByTestId('scan-close'), { key: 'Escape', code: 'Escape', keyCode: 27 });
    await waitFor(() => expect(tracks.every((t) => t.stop.mock.calls.length === 1)).toBe(true), soon);
    // The last check-in stays in the box.
    expect(screen.getByTestId('check-in-result').textContent).toContain('李四 已签到');

    // Opened again, the first code (already checked in) gets the plain message.
    await user.click(screen.getByRole('button', { name: /扫码签到/ }));
    const again = within(await screen.findByRole('dialog')).getByRole('status');
    inView.codes = [CODE];
    await waitFor(() => expect(again.textContent).toContain('这位居民已经签到过了'), soon);
    await framesPass(3); // scanning goes on
    await user.click(screen.getByTestId('scan-close'));
    await waitFor(() => expect(tracks.every((t) => t.stop.mock.calls.length === 1)).toBe(true), soon);
  }, 30_000);

  it('says plainly when the camera is refused, offers to try again, and keeps the typed code', async () => {
    getUserMedia.mockRejectedValueOnce(new DOMException('Permission denied', 'NotAllowedError'));
    const user = userEvent.setup();
    renderBox();
    await user.click(screen.getByRole('button', { name: /扫码签到/ }));
    const problem = await screen.findByTestId('scan-camera-problem');
    expect(problem.textContent).toContain('没有得到使用摄像头的许可');
    await user.click(within(problem).getByTestId('scan-retry'));
    await within(screen.getByRole('dialog')).findByText(/请居民打开手机上的“我的签到码”/, {}, soon);
    expect(getUserMedia).toHaveBeenCalledTimes(2);
    await user.click(screen.getByTestId('scan-close'));
    await waitFor(() => expect(tracks.every((t) => t.stop.mock.calls.length === 1)).toBe(true), soon);
    expect(screen.getByTestId('check-in-code')).toBeTruthy();
  }, 20_000);

  it('turns the camera off when the page goes away with the dialog open', async () => {
    const user = userEvent.setup();
    const { unmount } = renderBox();
    await user.click(screen.getByRole('button', { name: /扫码签到/ }));
    await within(await screen.findByRole('dialog')).findByText(/请居民打开手机上的“我的签到码”/, {}, soon);
    expect(tracks.every((t) => t.stop.mock.calls.length === 0)).toBe(true);
    unmount();
    expect(tracks.every((t) => t.stop.mock.calls.length === 1)).toBe(true);
  });

  it('says so when the browser has no camera at all', async () => {
    Reflect.deleteProperty(navigator, 'mediaDevices');
    const user = userEvent.setup();
    renderBox();
    await user.click(screen.getByRole('button', { name: /扫码签到/ }));
    expect((await screen.findByTestId('scan-camera-problem')).textContent).toContain('这个浏览器用不了摄像头');
    expect(screen.queryByTestId('scan-retry')).toBeNull();
  });
});
