/** property.update may write the check-in and check-out times, each a time of day, and no other setting. */
import { checkWrites, writeRuleOf, type RowWrite, type Writer } from '@shared/sync/write-rules';
import { describe, expect, it } from 'vitest';

const ADMIN = { id: 'staff-admin', username: 'admin', displayName: '王经理', role: 'admin' };
const writer: Writer = { actor: ADMIN, deviceId: 'desk-1', input: {} };
const setting = (key: string, value_json: string, before: string | null = null): RowWrite => ({
  table: 'setting',
  key,
  before: before === null ? null : { key, value_json: before },
  after: { key, value_json },
  columns: null,
});

describe('property.update’s stay times', () => {
  const rule = writeRuleOf('property.update');

  it.each([
    ['a check-in time', setting('checkInTime', '"15:00"')],
    ['a check-out time changed', setting('checkOutTime', '"11:30"', '"12:00"')],
    ['midnight', setting('checkOutTime', '"00:00"')],
    ['the last minute of the day', setting('checkInTime', '"23:59"')],
  ])('lets through %s', (_name, write) => {
    expect(checkWrites(rule, [write], writer)).toBeNull();
  });

  it.each([
    ['another setting', setting('businessDate', '"2030-01-01"'), /key must be one of/],
    ['24:00', setting('checkOutTime', '"24:00"'), /not a time of day/],
    ['a time without its leading zero', setting('checkInTime', '"9:00"'), /not a time of day/],
    ['a number', setting('checkInTime', '1400'), /not a time of day/],
  ])('refuses %s', (_name, write, problem) => {
    expect(checkWrites(rule, [write], writer)?.problem).toMatch(problem);
  });
});
