import { describe, expect, it } from 'vitest';
import { changedFields, flatten } from '../../src-renderer/features/audit/changes';

describe("an audit entry's changed fields", () => {
  it('lists only what differs, nested objects as dotted paths', () => {
    expect(
      changedFields(
        { status: 'pending', awaiting: { approverRole: 'supervisor', dualReview: false }, note: 'x' },
        { status: 'executed', awaiting: { approverRole: null, dualReview: false }, note: 'x' },
      ),
    ).toEqual([
      { field: 'status', before: 'pending', after: 'executed' },
      { field: 'awaiting.approverRole', before: 'supervisor', after: null },
    ]);
  });

  it('a record made has every field with nothing before; one removed has nothing after', () => {
    expect(changedFields(undefined, { customerNo: 'C1', temporary: false })).toEqual([
      { field: 'customerNo', before: undefined, after: 'C1' },
      { field: 'temporary', before: undefined, after: false },
    ]);
    expect(changedFields({ granted: true }, null)).toEqual([{ field: 'granted', before: true, after: undefined }]);
  });

  it('compares lists whole and stops walking at three levels', () => {
    expect(changedFields({ nights: [1, 2] }, { nights: [1, 2] })).toEqual([]);
    expect(changedFields({ nights: [1, 2] }, { nights: [1, 3] })).toEqual([
      { field: 'nights', before: [1, 2], after: [1, 3] },
    ]);
    expect([...flatten({ a: { b: { c: { d: 1 } } } }).keys()]).toEqual(['a.b.c']);
  });

  it('nothing changed reads as no rows', () => {
    expect(changedFields({ totalFen: 100 }, { totalFen: 100 })).toEqual([]);
  });
});
