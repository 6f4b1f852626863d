import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { Category, Entry } from '../api/types';
import { bookletPages, fieldPath, filterHandbook, paginate, searchWords, telHref } from './handbook';
import { CODE, handbookFieldMessage, isPhone } from './rules';

const entry = (name: string, phone: string, bring = ''): Entry => ({ name, party: 'utility', phone, hours: '24小时', address: '', bring });
const category = (name: string, description: string, entries: Entry[]): Category => ({
  code: name,
  name,
  description,
  kind: 'repair',
  response: { amount: 2, unit: 'hours' },
  resolution: { amount: 5, unit: 'working_days' },
  questions: [],
  entries,
});

const BOOK = [
  category('水电气维修', '停水停电、燃气', [entry('县供电公司抢修', '0579-85551234', '户号'), entry('自来水公司', '0579-85556789')]),
  category('证明办理', '居住证明', [entry('社区服务站', '0579-85550000', '身份证、户口本')]),
];

describe('the handbook search', () => {
  it('splits on spaces and Chinese punctuation', () => {
    expect(searchWords(' 供电，抢修  ')).toEqual(['供电', '抢修']);
  });

  it('keeps the entries with every word, in their categories', () => {
    const found = filterHandbook(BOOK, '供电 户号');
    expect(found.map((c) => c.name)).toEqual(['水电气维修']);
    expect(found[0]?.entries.map((e) => e.name)).toEqual(['县供电公司抢修']);
  });

  it("finds by a category's words, a phone number or what to bring", () => {
    expect(filterHandbook(BOOK, '停水')[0]?.entries).toHaveLength(2);
    expect(filterHandbook(BOOK, '85550000')[0]?.name).toBe('证明办理');
    expect(filterHandbook(BOOK, '户口本')[0]?.name).toBe('证明办理');
  });

  it('leaves everything without words and nothing without a match', () => {
    expect(filterHandbook(BOOK, '  ')).toBe(BOOK);
    expect(filterHandbook(BOOK, '不存在')).toEqual([]);
  });
});

describe('phone links', () => {
  it('dial digits only', () => {
    expect(telHref('0579-8555 1234')).toBe('tel:057985551234');
    expect(telHref('12345')).toBe('tel:12345');
    expect(telHref('+86 579 8555')).toBe('tel:+865798555');
  });
});

describe('the booklet pages', () => {
  it('cover 1, contents 2, then each category on its own pages', () => {
    expect(bookletPages([1, 1, 1])).toEqual([3, 4, 5]);
    expect(bookletPages([2, 1, 3, 1])).toEqual([3, 5, 6, 9]);
    expect(bookletPages([1, 1], 2)).toEqual([4, 5]);
    expect(bookletPages([])).toEqual([]);
  });

  it('counts the pages of blocks that may not be split', () => {
    expect(paginate([], 100)).toBe(1);
    expect(
      paginate(
        [
          [0, 40],
          [40, 90],
          [90, 100],
        ],
        100,
      ),
    ).toBe(1);
    // The third block would cross the end: it starts page 2, and the fourth fits beside it.
    expect(
      paginate(
        [
          [0, 40],
          [40, 80],
          [80, 130],
          [130, 170],
        ],
        100,
      ),
    ).toBe(2);
    expect(
      paginate(
        [
          [0, 60],
          [60, 120],
          [120, 180],
          [180, 240],
        ],
        100,
      ),
    ).toBe(4);
    // A block taller than a page runs over.
    expect(
      paginate(
        [
          [0, 10],
          [10, 260],
        ],
        100,
      ),
    ).toBe(4);
    // Offsets need not start at 0.
    expect(
      paginate(
        [
          [500, 560],
          [560, 620],
        ],
        100,
      ),
    ).toBe(2);
  });
});

describe('refused fields', () => {
  it('become form paths', () => {
    expect(fieldPath('categories[2].entries[0].phone')).toEqual(['categories', 2, 'entries', 0, 'phone']);
    expect(fieldPath('categories[1].response.amount')).toEqual(['categories', 1, 'response', 'amount']);
    expect(fieldPath('categories[0].questions[1].choices[2].key')).toEqual(['categories', 0, 'questions', 1, 'choices', 2, 'key']);
    expect(fieldPath('title')).toEqual(['title']);
  });
});

describe('the rules', () => {
  it('take the phone numbers a handbook lists', () => {
    expect(['110', '12345', '0579-85551234', '+86 579 8555 1234'].filter(isPhone)).toHaveLength(4);
    expect(['', '12', 'call us', '0579/8555', '1-2', '123456789012345678901'].filter(isPhone)).toEqual([]);
  });

  it('take lower-case codes', () => {
    expect(['water', 'gas_leak', 'c-2'].every((c) => CODE.test(c))).toBe(true);
    expect(['Water', '水', '', 'a b'].some((c) => CODE.test(c))).toBe(false);
  });

  it("say the server's refusals in Chinese", () => {
    const t = ((key: string, params?: Record<string, string>) =>
      `${key}${params && Object.keys(params).length > 0 ? JSON.stringify(params) : ''}`) as unknown as TFunction;
    expect(handbookFieldMessage(t, 'is used by an earlier category')).toBe('handbook.rules.codeTaken');
    expect(handbookFieldMessage(t, "must be a phone number: 3–20 digits, spaces, '-' or '+'")).toBe('handbook.rules.phone');
    expect(handbookFieldMessage(t, 'must be 1–80 characters without leading or trailing spaces')).toBe('fieldRules.length{"min":"1","max":"80"}');
    expect(handbookFieldMessage(t, 'must be 1–60')).toBe('fieldRules.between{"min":"1","max":"60"}');
    expect(handbookFieldMessage(t, 'at most 60 entries')).toBe('handbook.rules.atMost{"max":"60"}');
    expect(handbookFieldMessage(t, 'something else')).toBe('something else');
  });
});
