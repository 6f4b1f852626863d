import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cameraProblem, isCheckInCode, RepeatFilter, startScanner, type FrameDecoder, type ScanStatus } from './qr-scanner';

const CODE = 'XG1-0123456789abcdef0123456789abcdef-0011223344556677';
const OTHER = 'XG1-fedcba9876543210fedcba9876543210-8899aabbccddeeff';

function fakeStream() {
  const tracks = [{ stop: vi.fn() }, { stop: vi.fn() }];
  return { stream: { getTracks: () => tracks } as unknown as MediaStream, tracks };
}

function fakeVideo() {
  return { play: vi.fn(async () => undefined), srcObject: null } as unknown as HTMLVideoElement;
}

/** A decoder that reads whatever `inView` holds, like a camera pointed at it. */
function fakeDecoder() {
  const state = { inView: [] as string[] };
  const decode = vi.fn<FrameDecoder>(async () => state.inView);
  return { state, decode };
}

describe('check-in codes', () => {
  it('are XG1-, 32 hex digits, a dash and 16 hex digits', () => {
    expect(isCheckInCode(CODE)).toBe(true);
    expect(isCheckInCode(` ${CODE}\n`)).toBe(true);
    expect(isCheckInCode('https://example.com/')).toBe(false);
    expect(isCheckInCode('XG1-0123-0011')).toBe(false);
  });
});

describe('the repeat filter', () => {
  it('lets a value through once while it is seen again within the window', () => {
    let now = 0;
    const filter = new RepeatFilter(1000, () => now);
    expect(filter.fresh(CODE)).toBe(true);
    now = 900;
    expect(filter.fresh(CODE)).toBe(false);
    now = 1800; // seen 900 ms ago: still within
    expect(filter.fresh(CODE)).toBe(false);
    expect(filter.fresh(OTHER)).toBe(true);
    now = 2801;
    expect(filter.fresh(CODE)).toBe(true);
  });
});

describe('camera errors', () => {
  it('are told apart by name', () => {
    expect(cameraProblem(new DOMException('no', 'NotAllowedError'))).toBe('denied');
    expect(cameraProblem(new DOMException('none', 'NotFoundError'))).toBe('no-camera');
    expect(cameraProblem(new DOMException('busy', 'NotReadableError'))).toBe('busy');
    expect(cameraProblem(new Error('?'))).toBe('failed');
  });
});

describe('the scanner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function start(openCamera: () => Promise<MediaStream>) {
    const { state, decode } = fakeDecoder();
    const onValue = vi.fn(async (_: string) => undefined);
    const statuses: ScanStatus[] = [];
    const video = fakeVideo();
    const scanner = startScanner({
      video: () => video,
      onValue,
      onStatus: (s) => statuses.push(s),
      openCamera,
      createDecoder: async () => decode,
      intervalMs: 100,
      ignoreMs: 3000,
    });
    await vi.advanceTimersByTimeAsync(0);
    return { scanner, state, decode, onValue, statuses, video };
  }

  it('hands a code on once while it stays in view, again after the window, and releases the camera when stopped', async () => {
    const { stream, tracks } = fakeStream();
    const { scanner, state, decode, onValue, statuses, video } = await start(async () => stream);
    expect(statuses).toEqual(['scanning']);
    expect(video.srcObject).toBe(stream);

    state.inView = [CODE];
    await vi.advanceTimersByTimeAsync(2000); // about 20 frames with the code
    expect(decode.mock.calls.length).toBeGreaterThan(10);
    expect(onValue).toHaveBeenCalledTimes(1);
    expect(onValue).toHaveBeenCalledWith(CODE);

    // The next resident: their code goes through at once.
    state.inView = [OTHER];
    await vi.advanceTimersByTimeAsync(500);
    expect(onValue).toHaveBeenCalledTimes(2);
    expect(onValue).toHaveBeenLastCalledWith(OTHER);

    // The first comes back within the window: ignored; after the window: read again.
    state.inView = [];
    await vi.advanceTimersByTimeAsync(1000);
    state.inView = [CODE];
    await vi.advanceTimersByTimeAsync(300);
    expect(onValue).toHaveBeenCalledTimes(2);
    state.inView = [];
    await vi.advanceTimersByTimeAsync(3500);
    state.inView = [CODE];
    await vi.advanceTimersByTimeAsync(300);
    expect(onValue).toHaveBeenCalledTimes(3);

    expect(tracks.every((t) => t.stop.mock.calls.length === 0)).toBe(true);
    scanner.stop();
    expect(tracks.every((t) => t.stop.mock.calls.length === 1)).toBe(true);
    expect(video.srcObject).toBeNull();
    const reads = decode.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(decode.mock.calls.length).toBe(reads);
  });

  it('waits for a slow check-in before reading on, and does not read the same code again meanwhile', async () => {
    const { stream } = fakeStream();
    const { state, onValue, scanner } = await start(async () => stream);
    let finish = () => {};
    onValue.mockImplementationOnce(() => new Promise<undefined>((ok) => (finish = () => ok(undefined))));
    state.inView = [CODE];
    await vi.advanceTimersByTimeAsync(5000); // a slow network: longer than the window
    expect(onValue).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(onValue).toHaveBeenCalledTimes(1);
    scanner.stop();
  });

  it('releases a camera that answers only after the stop', async () => {
    const { stream, tracks } = fakeStream();
    let give = (_: MediaStream) => {};
    const { scanner, statuses } = await start(() => new Promise<MediaStream>((ok) => (give = ok)));
    scanner.stop();
    give(stream);
    await vi.advanceTimersByTimeAsync(0);
    expect(tracks.every((t) => t.stop.mock.calls.length === 1)).toBe(true);
    expect(statuses).toEqual([]);
  });

  it('says when the camera is refused', async () => {
    const { statuses } = await start(async () => {
      throw new DOMException('Permission denied', 'NotAllowedError');
    });
    expect(statuses).toEqual(['denied']);
  });
});
