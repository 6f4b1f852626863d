import { describe, expect, it } from 'vitest';
import { checkNationalId } from './nationalId';

describe('checkNationalId', () => {
  it('accepts the standard example, lower-case x included', () => {
    expect(checkNationalId('11010519491231002X')).toBeNull();
    expect(checkNationalId('11010519491231002x')).toBeNull();
  });
  it('names what is wrong', () => {
    expect(checkNationalId('110105194912310021')).toBe('checkDigit');
    expect(checkNationalId('110105194902300021')).toBe('birthDate');
    expect(checkNationalId('12345')).toBe('format');
  });
});
