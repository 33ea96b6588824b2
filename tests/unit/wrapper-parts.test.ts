import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src-main/app/sender';
import { redact } from '../../src-main/services/rpc/redact';
import { localDateOf, localDayStartUtc } from '@shared/time';

describe('redacting secrets', () => {
  it('replaces nested and top-level fields without touching the original', () => {
    const input = { admin: { username: 'a', password: 'p' }, password: 'q', other: 1 };
    expect(redact(input, ['admin.password', 'password', 'missing.path'])).toEqual({
      admin: { username: 'a', password: '[redacted]' },
      password: '[redacted]',
      other: 1,
    });
    expect(input.admin.password).toBe('p');
  });

  it('reaches into every item of an array with *', () => {
    const input = {
      visitors: [
        { name: 'a', idNumber: '1' },
        { name: 'b', idNumber: '2' },
      ],
    };
    expect(redact(input, ['visitors.*.idNumber'])).toEqual({
      visitors: [
        { name: 'a', idNumber: '[redacted]' },
        { name: 'b', idNumber: '[redacted]' },
      ],
    });
  });
});

describe('IPC sender check', () => {
  const app = 'file:///opt/yingbin/out/renderer/index.html';
  it.each([
    { sender: { fromOurWindow: true, isMainFrame: true, frameUrl: `${app}#/staff` }, trusted: true },
    { sender: { fromOurWindow: true, isMainFrame: false, frameUrl: app }, trusted: false },
    { sender: { fromOurWindow: false, isMainFrame: true, frameUrl: app }, trusted: false },
    { sender: { fromOurWindow: true, isMainFrame: true, frameUrl: 'https://evil.example/' }, trusted: false },
  ])('$sender → $trusted', ({ sender, trusted }) => {
    expect(isTrustedSender(sender, app)).toBe(trusted);
  });
});

describe('local days in the property time zone', () => {
  it.each([
    { date: '2026-11-26', zone: 'Asia/Shanghai', start: '2026-11-25T16:00:00.000Z' },
    { date: '2026-03-08', zone: 'America/New_York', start: '2026-03-08T05:00:00.000Z' },
    { date: '2026-03-09', zone: 'America/New_York', start: '2026-03-09T04:00:00.000Z' },
  ])('$date in $zone begins at $start', ({ date, zone, start }) => {
    expect(localDayStartUtc(date, zone)).toBe(start);
  });

  it('names the local date of an instant whatever the machine zone is', () => {
    expect(localDateOf('2026-11-25T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-26');
    expect(localDateOf('2026-11-25T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-11-25');
  });
});
