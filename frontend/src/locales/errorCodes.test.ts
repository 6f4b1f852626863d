// Every API error code has words in every language. The codes come from the spec's error-code
// enum (components.schemas.*ErrorCode*); until the spec publishes one, from the code table in
// docs/API-DESIGN.md.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';
import en from './en.json';

const root = resolve(import.meta.dirname, '../../..');

interface Schema {
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

function enumValues(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const own = (schema.enum ?? []).filter((v): v is string => typeof v === 'string');
  return [...own, ...[...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].flatMap(enumValues)];
}

export function errorCodesFromSpec(spec: { components?: { schemas?: Record<string, Schema> } }): string[] {
  const schemas = spec.components?.schemas ?? {};
  return Object.entries(schemas)
    .filter(([name]) => /errorcode/i.test(name))
    .flatMap(([, schema]) => enumValues(schema));
}

export function errorCodesFromDocs(markdown: string): string[] {
  const rows = markdown.split('\n').filter((line) => /^\|\s*\d{3}\s*\|/.test(line));
  return rows.flatMap((row) => [...(row.split('|')[2] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1] as string));
}

function apiErrorCodes(): { source: string; codes: string[] } {
  const specPath = resolve(root, 'openapi/openapi.json');
  if (existsSync(specPath)) {
    const codes = errorCodesFromSpec(JSON.parse(readFileSync(specPath, 'utf8')));
    if (codes.length > 0) return { source: 'openapi/openapi.json', codes };
  }
  return { source: 'docs/API-DESIGN.md', codes: errorCodesFromDocs(readFileSync(resolve(root, 'docs/API-DESIGN.md'), 'utf8')) };
}

describe('API error codes', () => {
  const { source, codes } = apiErrorCodes();

  it(`are known (from ${source})`, () => {
    expect(codes.length).toBeGreaterThan(10);
  });

  for (const [language, messages] of [
    ['zh-CN', zhCN],
    ['zh-TW', zhTW],
    ['en', en],
  ] as const) {
    it(`each has a message in ${language}`, () => {
      const problems = messages.problems as Record<string, string>;
      expect(codes.filter((code) => !problems[code])).toEqual([]);
    });
  }

  it('are read from an error-code enum in the spec', () => {
    const spec = { components: { schemas: { ErrorCode: { type: 'string', enum: ['not_found', 'forbidden'] }, Problem: { enum: ['x'] } } } };
    expect(errorCodesFromSpec(spec)).toEqual(['not_found', 'forbidden']);
    expect(errorCodesFromDocs('| 404 | `not_found`, `route_not_found` | no such record |\n| a | `b` |')).toEqual(['not_found', 'route_not_found']);
  });
});
