// The camera loop behind 扫码签到, kept apart from React and from the real camera so that it can be
// tested with a fake stream and a fake decoder (jsdom has no camera). `startScanner` opens the
// back camera, shows it in a <video>, reads the QR codes in a frame a few times a second and
// hands each new value on, once: the same value is ignored while it stays in view and for a few
// seconds after, so a resident holding up their phone is checked in once. `stop()` releases every
// track (the camera light goes out), also when the camera answers only after the stop.

/** The code a resident's phone shows: `XG1-<32 hex>-<16 hex>`. */
const CHECK_IN_CODE = /^XG1-[0-9a-f]{32}-[0-9a-f]{16}$/i;

export function isCheckInCode(text: string): boolean {
  return CHECK_IN_CODE.test(text.trim());
}

/** Why the camera cannot be used; the typed code and the search by name still work. */
export type CameraProblem = 'unsupported' | 'denied' | 'no-camera' | 'busy' | 'failed';
export type ScanStatus = 'starting' | 'scanning' | CameraProblem;

/** Reads the QR codes in the video's current frame (none when it has no picture yet). */
export type FrameDecoder = (video: HTMLVideoElement) => Promise<string[]>;

export class CameraError extends Error {
  readonly problem: CameraProblem;
  constructor(problem: CameraProblem) {
    super(problem);
    this.name = 'CameraError';
    this.problem = problem;
  }
}

/** getUserMedia's errors in the words the modal uses. */
export function cameraProblem(error: unknown): CameraProblem {
  if (error instanceof CameraError) return error.problem;
  const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'TypeError':
    case 'NotSupportedError':
      return 'unsupported';
    default:
      return 'failed';
  }
}

/** The back camera of a phone (any camera elsewhere), without sound. */
export async function openCamera(): Promise<MediaStream> {
  // No mediaDevices outside a secure context (plain http to another host) or in old browsers.
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices || typeof devices.getUserMedia !== 'function') throw new CameraError('unsupported');
  return devices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
}

export function releaseStream(stream: MediaStream) {
  for (const track of stream.getTracks()) track.stop();
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats?: () => Promise<string[]>;
}

/** The largest side of the frame handed to jsQR: enough for a phone held up to the camera. */
const MAX_SIDE = 800;

/**
 * The browser's BarcodeDetector where it reads QR codes (Chrome on Android), else jsQR (loaded
 * only then) on a canvas copy of the frame.
 */
export async function createDecoder(): Promise<FrameDecoder> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector) {
    try {
      const formats = (await Detector.getSupportedFormats?.()) ?? ['qr_code'];
      if (formats.includes('qr_code')) {
        const detector = new Detector({ formats: ['qr_code'] });
        return async (video) => (await detector.detect(video)).map((b) => b.rawValue);
      }
    } catch {
      // A detector that cannot start: jsQR below.
    }
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new CameraError('unsupported');
  return async (video) => {
    if (video.readyState < video.HAVE_CURRENT_DATA || !video.videoWidth || !video.videoHeight) return [];
    const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    context.drawImage(video, 0, 0, width, height);
    const found = jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'dontInvert' });
    return found?.data ? [found.data] : [];
  };
}

/**
 * Says whether a value is new: not seen within `ignoreMs`. Every sighting counts, so a code is
 * ignored for as long as it stays in view and for `ignoreMs` after it was last seen.
 */
export class RepeatFilter {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ignoreMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  fresh(value: string): boolean {
    const now = this.now();
    for (const [v, at] of this.seen) if (now - at > this.ignoreMs) this.seen.delete(v);
    const isNew = !this.seen.has(value);
    this.seen.set(value, now);
    return isNew;
  }

  /** Counts as a sighting now (after a slow check-in, so the wait does not use up the window). */
  touch(value: string) {
    this.seen.set(value, this.now());
  }
}

export const SCAN_INTERVAL_MS = 150;
export const IGNORE_REPEAT_MS = 4000;

export interface ScannerOptions {
  /** The preview; read when the camera is open. */
  video: () => HTMLVideoElement | null;
  /** Each new value read (trimmed); the next frame is read after it settles. */
  onValue: (value: string) => Promise<void> | void;
  onStatus: (status: ScanStatus) => void;
  openCamera?: () => Promise<MediaStream>;
  createDecoder?: () => Promise<FrameDecoder>;
  intervalMs?: number;
  ignoreMs?: number;
  now?: () => number;
}

export interface Scanner {
  /** Stops reading and releases the camera. */
  stop(): void;
}

export function startScanner(options: ScannerOptions): Scanner {
  const { intervalMs = SCAN_INTERVAL_MS, ignoreMs = IGNORE_REPEAT_MS } = options;
  const repeats = new RepeatFilter(ignoreMs, options.now);
  let stopped = false;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let video: HTMLVideoElement | null = null;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    if (stream) releaseStream(stream);
    if (video) video.srcObject = null;
  };

  const loop = async (decode: FrameDecoder, preview: HTMLVideoElement) => {
    try {
      for (const raw of await decode(preview)) {
        const value = raw.trim();
        if (stopped) return;
        if (!value || !repeats.fresh(value)) continue;
        await options.onValue(value);
        repeats.touch(value);
      }
    } catch {
      // A frame that could not be read: try the next one.
    }
    if (!stopped) timer = setTimeout(() => void loop(decode, preview), intervalMs);
  };

  const start = async () => {
    try {
      const opened = await (options.openCamera ?? openCamera)();
      if (stopped) {
        releaseStream(opened);
        return;
      }
      stream = opened;
      // The dialog may put its content on the page a moment after it opens.
      for (let wait = 0; !(video = options.video()) && wait < 40 && !stopped; wait++) await new Promise((r) => setTimeout(r, 50));
      if (stopped) return;
      if (!video) throw new CameraError('failed');
      video.srcObject = opened;
      // Muted and inline, so phones let it play without a tap; a refusal still leaves frames.
      await Promise.resolve(video.play()).catch(() => undefined);
      const decode = await (options.createDecoder ?? createDecoder)();
      if (stopped) return;
      options.onStatus('scanning');
      void loop(decode, video);
    } catch (error) {
      if (stopped) return;
      options.onStatus(cameraProblem(error));
      stop();
    }
  };

  void start();
  return { stop };
}
