// Fails when src/api/schema.d.ts is not what openapi-typescript makes of ../openapi/openapi.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'xg-api-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync('npx', ['openapi-typescript', '../openapi/openapi.json', '-o', fresh], { stdio: 'pipe' });
  if (readFileSync(fresh, 'utf8') !== readFileSync('src/api/schema.d.ts', 'utf8')) {
    console.error('src/api/schema.d.ts is stale: run `npm run api:generate` (or `make openapi`) and commit it.');
    process.exit(1);
  }
  console.log('API types match openapi/openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
