// 扫码签到 through a real (fake) camera: the resident's phone shows their QR code; the test draws
// that very QR code into a Y4M video, and a leader's phone — a Chromium of its own whose camera
// plays that video (--use-file-for-fake-video-capture) — checks the resident in at the demo
// lecture by scanning it. Debian's Chromium has no BarcodeDetector, so this runs the jsQR path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, logIn, newPage, PHONE, screenshot } from './browser';

const LECTURE = '冬季防火与燃气安全讲座';
const WIDTH = 640;
const HEIGHT = 480;

let browser: Browser;
let camera: Browser | undefined;
const dir = mkdtempSync(join(tmpdir(), 'xg-scan-'));

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await camera?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The QR code on the resident's page, drawn black on white (whole pixels per module, a wide quiet
 * zone) into a WIDTH×HEIGHT grey picture: one byte of luma per pixel, base64.
 */
async function qrPicture(page: Page): Promise<Buffer> {
  const svg = page.getByTestId('my-code').locator('svg[role="img"]');
  const luma = await svg.evaluate(
    (el, { width, height }) => {
      const modules = (el as SVGSVGElement).viewBox.baseVal.width;
      const paths = el.querySelectorAll('path');
      const modulesPath = paths[paths.length - 1]!.getAttribute('d')!; // qrcode.react: background, then the modules
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      const scale = Math.floor((Math.min(width, height) * 0.75) / modules);
      ctx.translate(Math.round((width - modules * scale) / 2), Math.round((height - modules * scale) / 2));
      ctx.scale(scale, scale);
      ctx.fillStyle = '#000';
      ctx.fill(new Path2D(modulesPath));
      const rgba = ctx.getImageData(0, 0, width, height).data;
      let bytes = '';
      for (let i = 0; i < rgba.length; i += 4) bytes += String.fromCharCode(rgba[i]!);
      return btoa(bytes);
    },
    { width: WIDTH, height: HEIGHT },
  );
  return Buffer.from(luma, 'base64');
}

/** A one-frame Y4M video (4:2:0, grey: the chroma planes are neutral); Chromium plays it in a loop. */
function y4m(luma: Buffer): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  return Buffer.concat([header, luma, chroma]);
}

async function attended(page: Page): Promise<number> {
  const text = await page.getByTestId('event-counts').innerText();
  return Number(/已签到 (\d+)/.exec(text)?.[1]);
}

describe('扫码签到', () => {
  it('a leader on a phone checks the resident in at the lecture by scanning the QR code on the resident’s phone', async () => {
    // The resident's phone: their check-in code as a QR code.
    const resident = await newPage(browser, PHONE);
    await logIn(resident.page, 'resident');
    await resident.page.goto('/events');
    const qr = resident.page.getByTestId('my-code').locator('svg[role="img"]');
    await qr.waitFor();
    const name = ((await qr.getAttribute('aria-label')) ?? '').replace(/的签到二维码$/, '');
    expect(name).not.toBe('');
    expect((await resident.page.getByTestId('my-code-text').innerText()).trim()).toMatch(/^XG1-[0-9a-f]{32}-[0-9a-f]{16}$/);
    const video = join(dir, 'qr.y4m');
    writeFileSync(video, y4m(await qrPicture(resident.page)));
    await resident.context.close();

    // The leader's phone, whose camera sees that QR code.
    camera = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    const { context, page } = await newPage(camera, PHONE);
    await context.grantPermissions(['camera']);
    // Every stream the page opens, to see that closing the dialog turns the camera off.
    await context.addInitScript(() => {
      const devices = navigator.mediaDevices;
      const open = devices.getUserMedia.bind(devices);
      const streams: MediaStream[] = [];
      (window as unknown as { xgStreams: MediaStream[] }).xgStreams = streams;
      devices.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        streams.push(stream);
        return stream;
      };
    });
    const cameraState = () =>
      page.evaluate(() => {
        const streams = (window as unknown as { xgStreams: MediaStream[] }).xgStreams;
        return { streams: streams.length, live: streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length };
      });

    await logIn(page, 'leader');
    await page.goto('/events');
    await page.getByRole('link', { name: LECTURE }).first().click();
    await page.getByTestId('event-page').waitFor();
    await page.getByTestId('check-in').waitFor();
    const before = await attended(page);

    const scan = page.getByTestId('scan-check-in');
    await scan.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const result = dialog.getByTestId('scan-result');
    await result.getByText(`${name} 已签到`).waitFor();
    await result.getByText('已报名的居民').waitFor(); // the seed registers 张秀英 for the lecture
    expect(await result.getAttribute('aria-live')).toBe('polite');
    expect((await cameraState()).live).toBeGreaterThan(0);
    await screenshot(page, 'leader-phone-scan-check-in');

    // Esc closes the dialog, turns the camera off and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'scan-check-in');
    expect(await cameraState()).toEqual({ streams: 1, live: 0 });
    await page.getByTestId('check-in-result').getByText(`${name} 已签到`).waitFor();
    await page
      .getByTestId('event-counts')
      .getByText(`已签到 ${before + 1}`)
      .waitFor();

    // Scanned again, the resident is already checked in: said plainly, and once.
    await scan.click();
    await dialog.waitFor();
    await result.getByText('这位居民已经签到过了').waitFor();
    await dialog.getByTestId('scan-close').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await cameraState()).toEqual({ streams: 2, live: 0 });
    expect(await attended(page)).toBe(before + 1);
    await context.close();
  });
});
