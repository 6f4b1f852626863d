import { describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import { ApiProblem, problemMessage, toProblem, unwrap } from './problem';

describe('problems', () => {
  it('reads an RFC 9457 body into an ApiProblem with its field errors', () => {
    const problem = toProblem(422, {
      type: 'urn:xingguang:problem:validation_failed',
      title: 'Unprocessable Entity',
      status: 422,
      code: 'validation_failed',
      detail: 'limit: must be between 1 and 200',
      errors: [{ field: 'limit', message: 'must be between 1 and 200' }],
    });
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([{ field: 'limit', message: 'must be between 1 and 200' }]);
  });

  it('names a body without a code by its status', () => {
    expect(toProblem(502, 'Bad Gateway').code).toBe('internal_error');
    expect(toProblem(404, null).code).toBe('unknown');
  });

  it('shows known codes in the user language and falls back to the server detail', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(problemMessage(i18n.t, new ApiProblem(401, 'invalid_credentials', 'Wrong username or password.'))).toBe('用户名或密码错误。');
    await i18n.changeLanguage('en');
    expect(problemMessage(i18n.t, new ApiProblem(401, 'invalid_credentials', 'x'))).toBe('Wrong username or password.');
    expect(problemMessage(i18n.t, new ApiProblem(409, 'some_new_code', 'The server explains.'))).toBe('The server explains.');
    await i18n.changeLanguage('zh-CN');
  });

  it('unwrap returns data for a success and throws the problem otherwise', async () => {
    const ok = await unwrap(Promise.resolve({ data: { a: 1 }, response: new Response(null, { status: 200 }) }));
    expect(ok).toEqual({ a: 1 });
    await expect(unwrap(Promise.resolve({ error: { code: 'forbidden', detail: 'no' }, response: new Response(null, { status: 403 }) }))).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    await expect(unwrap(Promise.reject(new TypeError('Failed to fetch')))).rejects.toMatchObject({ code: 'network' });
  });
});
