import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '@shared/rules/masking';

describe('an ID number in a list', () => {
  it.each([
    ['an 18-digit resident ID card', '110101199003071234', '110***********1234'],
    ['an ID card ending in X', '11010119900307123X', '110***********123X'],
    ['a 15-digit old ID card', '110101900307123', '110********7123'],
    ['12 characters, the shortest shown 3 + 4', 'AB1234567890', 'AB1*****7890'],
    ['11 characters, shown first 1 + last 2', 'H1234567890', 'H********90'],
    ['a 9-character passport', 'E12345678', 'E******78'],
    ['4 characters, the shortest the contract takes', 'A123', 'A*23'],
    ['3 characters', 'A12', '***'],
  ])('%s shows %s as %s', (_label, idNumber, masked) => {
    expect(maskIdNumber(idNumber)).toBe(masked);
    expect(maskIdNumber(idNumber)).toHaveLength(idNumber.length);
  });

  it('stays empty when there is none', () => {
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('')).toBe('');
  });
});

describe('a phone number in a list', () => {
  it.each([
    ['a mobile number', '13812345678', '138****5678'],
    ['8 digits', '12345678', '123*5678'],
    ['7 digits', '1234567', '*****67'],
  ])('%s shows %s as %s', (_label, phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
