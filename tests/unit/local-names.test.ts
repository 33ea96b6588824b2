/** Names in the UI language: English only when the UI speaks English and the property gave one. */
import { describe, expect, it } from 'vitest';
import { localName, nameIn } from '../../src-renderer/i18n/local-name';

const roomTypes = [
  { id: 'rt1', name: '豪华大床房', nameEn: 'Deluxe King' },
  { id: 'rt2', name: '标准双床房', nameEn: null },
  { id: 'rt3', name: '家庭房', nameEn: '' },
];

describe('localName', () => {
  it.each([
    ['en', 'rt1', 'Deluxe King'],
    ['zh-CN', 'rt1', '豪华大床房'],
    ['zh-TW', 'rt1', '豪华大床房'],
    ['en', 'rt2', '标准双床房'],
    ['en', 'rt3', '家庭房'],
  ])('in %s, room type %s is called %s', (language, id, expected) => {
    expect(localName(language, roomTypes, id, '旧名')).toBe(expected);
  });

  it('falls back to the name the row carries when the list does not know the id, or is not loaded yet', () => {
    expect(localName('en', roomTypes, 'rt9', '旧名')).toBe('旧名');
    expect(localName('en', undefined, 'rt1', '豪华大床房')).toBe('豪华大床房');
  });
});

describe('nameIn', () => {
  it('names a tier in English only in English, and in Chinese when it has no English name', () => {
    expect(nameIn('en', { name: '金卡', nameEn: 'Gold' })).toBe('Gold');
    expect(nameIn('zh-CN', { name: '金卡', nameEn: 'Gold' })).toBe('金卡');
    expect(nameIn('en', { name: '翡翠卡', nameEn: null })).toBe('翡翠卡');
  });
});
