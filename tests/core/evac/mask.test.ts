import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../../core/domain/evac/mask';

describe('maskIdNumber', () => {
  it('keeps the region code and the last four', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber('32010219800101002x')).toBe('320102********002X');
    expect(maskIdNumber(' 110101 19900307 1234 ')).toBe('110101********1234');
    expect(maskIdNumber('１１０１０１１９９００３０７１２３４')).toBe('110101********1234');
    expect(maskIdNumber('110101900307123')).toBe('110101*****7123');
  });

  it('hides most of short or missing values', () => {
    expect(maskIdNumber('E1234567')).toBe('E1****67');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber(null)).toBe('');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('masks mobiles in any common spelling', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('+86 138****5678');
    expect(maskPhone('008613812345678')).toBe('+86 138****5678');
  });

  it('keeps a landline area code', () => {
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('(0571)88881234')).toBe('0571-****1234');
    expect(maskPhone('057188881234')).toBe('0571-****1234');
    expect(maskPhone('02087654321')).toBe('020-****4321');
  });

  it('masks local and short numbers', () => {
    expect(maskPhone('88881234')).toBe('****1234');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone(undefined)).toBe('');
  });
});
