/** The normal forms of phones and ID numbers, and which search texts are looked up (and audited) as an ID number. */
import { describe, expect, it } from 'vitest';
import {
  mayBeIdNumber,
  normaliseIdNumber,
  normalisePhone,
  phoneLast4,
  searchedPhone,
} from '@shared/rules/guest-fields';

describe('normal forms', () => {
  it.each([
    [' 330102 19900101 123x ', '33010219900101123X'],
    ['e99887766', 'E99887766'],
    ['G 1234\t5678', 'G12345678'],
  ])('ID number %j is compared as %s', (raw, normal) => {
    expect(normaliseIdNumber(raw)).toBe(normal);
  });

  it.each([
    ['138 1234 5678', '13812345678', '5678'],
    ['+86 138-1234-5678', '+8613812345678', '5678'],
    ['(021) 6234-0000', '02162340000', '0000'],
    ['123', '123', null],
  ])('phone %j is compared as %s, last four %s', (raw, normal, last4) => {
    expect(normalisePhone(raw)).toBe(normal);
    expect(phoneLast4(normalisePhone(raw))).toBe(last4);
  });
});

describe('a search text', () => {
  it.each([
    ['330102199001011234', true],
    ['E12345678', true],
    ['e1234 5678', true],
    ['123456', true],
    ['12345', false],
    ['A1B2C3', true],
    ['ABCDEFGH', false],
    ['王芳', false],
    ['B261126-5ZMM-001', false],
    ['1234-5678', false],
  ])('%j may be an ID number: %s', (text, expected) => {
    expect(mayBeIdNumber(text)).toBe(expected);
  });

  it.each([
    ['5678', { last4: '5678' }],
    ['567', null],
    ['13812', { full: '13812' }],
    ['138 1234-5678', { full: '13812345678' }],
    ['+86 138 1234 5678', { full: '+8613812345678' }],
    ['E1234', null],
    ['王芳', null],
  ])('%j is looked up as a phone by %j', (text, expected) => {
    expect(searchedPhone(text)).toEqual(expected);
  });
});
