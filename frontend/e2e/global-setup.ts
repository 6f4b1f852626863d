// Starts the real server for the browser tests: `target/debug/xingguang serve` on a free port,
// with a fresh embedded database (migrated and seeded with the demo community on first start)
// and the built SPA. Stopped with SIGTERM afterwards, which also stops its PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, log: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${log}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    // Start-up polling, not a test wait: the server has no other readiness signal.
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server was not ready within 120 s; see ${log}`);
}

export default async function setup(project: TestProject) {
  const binary = join(root, 'target/debug/xingguang');
  const dist = join(root, 'frontend/dist');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run \`make build\` (make test-e2e does)`);
  if (!existsSync(join(dist, 'index.html'))) throw new Error('frontend/dist is missing: run `npm run build`');

  const dataDir = mkdtempSync(join(tmpdir(), 'xingguang-e2e-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL may run as the `postgres` user
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = join(dataDir, 'server.log');
  const out = openSync(log, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XINGGUANG_BIND: `127.0.0.1:${port}`,
    XINGGUANG_DATA_DIR: dataDir,
    XINGGUANG_STATIC_DIR: dist,
    RUST_LOG: 'warn',
    // The webhook test's receiver is plain HTTP on 127.0.0.1.
    XINGGUANG_WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true',
  };
  // Always the embedded database, whatever the caller's shell has set.
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  const child = spawn(binary, ['serve'], { env, stdio: ['ignore', out, out] });
  await waitUntilReady(baseURL, child, log);
  project.provide('baseURL', baseURL);

  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
