import { describe, expect, it } from 'vitest';
import {
  checkContractName,
  contractNameKey,
  namingExample,
  normalizeContractName,
  suggestContractName,
  type ContractNameFields,
} from '@shared/rules/archive-naming';

const fields: ContractNameFields = {
  project: '景区提升工程',
  contractNo: 'HT2023-015',
  signedOn: '2023-11-15',
  effectiveOn: '2023-12-01',
};
const undated: ContractNameFields = { ...fields, signedOn: null, effectiveOn: null };

describe('contract names under "project name-contract number"', () => {
  it.each([
    { name: '景区提升工程-HT2023-015', problem: null },
    { name: '  景区提升工程－HT2023-015 ', problem: null }, // full-width hyphen, stray spaces
    { name: '景区提升工程HT2023-015', problem: 'project' },
    { name: '索道改造-HT2023-015', problem: 'project' },
    { name: '景区提升工程-HT2023-016', problem: 'number' },
    { name: '景区提升工程-HT2023-015-补充', problem: 'number' },
    { name: '', problem: 'project' },
  ])('$name → $problem', ({ name, problem }) => {
    const check = checkContractName('project-number', name, fields);
    expect(check.ok ? null : check.problem).toBe(problem);
    if (!check.ok) expect(check.suggestion).toBe('景区提升工程-HT2023-015');
  });
});

describe('contract names under "date-number-subject"', () => {
  it.each([
    { name: '20231115-HT2023-015-会议纪要', on: fields, problem: null },
    { name: '20231115-HT2023-015-景区提升工程', on: fields, problem: null },
    { name: '20231116-HT2023-015-会议纪要', on: fields, problem: 'date' }, // a day after signing
    { name: '20231114-HT2023-015-会议纪要', on: fields, problem: 'date' }, // a day before
    { name: '20231201-HT2023-015-会议纪要', on: { ...fields, signedOn: null }, problem: null }, // effective date
    { name: '20240229-HT2023-015-会议纪要', on: undated, problem: null }, // a leap day
    { name: '20230229-HT2023-015-会议纪要', on: undated, problem: 'date' }, // not a date
    { name: '20231315-HT2023-015-会议纪要', on: undated, problem: 'date' },
    { name: '2023-11-15-HT2023-015-会议纪要', on: fields, problem: 'shape' },
    { name: '会议纪要-20231115-HT2023-015', on: fields, problem: 'shape' },
    { name: '20231115-HT2023-016-会议纪要', on: fields, problem: 'number' },
    { name: '20231115-XX-会议纪要', on: fields, problem: 'number' },
    { name: '20231115-HT2023-015-', on: fields, problem: 'subject' },
    { name: '20231115-HT2023-015- 会议纪要', on: fields, problem: 'subject' },
    { name: '20231115-HT2023-015--会议纪要', on: fields, problem: 'subject' },
  ])('$name → $problem', ({ name, on, problem }) => {
    const check = checkContractName('date-number-subject', name, on);
    expect(check.ok ? null : check.problem).toBe(problem);
  });

  it('suggests the signing date, the number and the project as subject', () => {
    const check = checkContractName('date-number-subject', '会议纪要', fields);
    expect(check).toEqual({ ok: false, problem: 'shape', suggestion: '20231115-HT2023-015-景区提升工程' });
    expect(suggestContractName('date-number-subject', fields, { subject: '会议纪要' })).toBe(
      '20231115-HT2023-015-会议纪要',
    );
    expect(suggestContractName('date-number-subject', undated, { today: '2026-11-30' })).toBe(
      '20261130-HT2023-015-景区提升工程',
    );
  });

  it('gives examples that follow each rule', () => {
    expect(namingExample('project-number')).toBe('景区提升工程-HT2023-015');
    expect(checkContractName('project-number', namingExample('project-number'), fields).ok).toBe(true);
    expect(checkContractName('date-number-subject', namingExample('date-number-subject'), fields).ok).toBe(true);
  });
});

describe('names compared for uniqueness', () => {
  it('ignores letter case, width and extra spaces, not the content', () => {
    expect(contractNameKey('景区提升工程-ht2023-015')).toBe(contractNameKey(' 景区提升工程－ＨＴ2023-015'));
    expect(contractNameKey('景区提升工程-HT2023-015')).not.toBe(contractNameKey('景区提升工程-HT2023-016'));
    expect(normalizeContractName('  a   b ')).toBe('a b');
  });
});
