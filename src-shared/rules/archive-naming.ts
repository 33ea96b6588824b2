/**
 * The property's naming rule for contracts (a setting, `ArchivePolicy.naming`):
 * - 'project-number' (scenic areas): "project name-contract number", e.g. `景区提升工程-HT2023-015`;
 * - 'date-number-subject' (hotels): "date-number-subject", e.g. `20231115-HT2023-015-会议纪要`, the
 *   date as YYYYMMDD (the signing date, else the effective date, when the contract has one), the
 *   number being the contract number.
 * Names are compared after NFKC (a full-width 「－」 typed with a Chinese input method is a '-') with
 * runs of spaces made one; the desk stores the normalized name, and a name is unique among contracts
 * regardless of letter case. Pure: the desk's handlers and the server's write rules both use it.
 */
import type { NamingRule } from '../contract/archive';

/** What a contract's name is checked against. */
export interface ContractNameFields {
  project: string;
  contractNo: string;
  signedOn: string | null;
  effectiveOn: string | null;
}

/** Which part of the name is wrong. */
export type ContractNameProblem = 'shape' | 'date' | 'project' | 'number' | 'subject';

export type ContractNameCheck = { ok: true } | { ok: false; problem: ContractNameProblem; suggestion: string };

/** The name as stored and compared: NFKC, trimmed, inner runs of white space made one space. */
export function normalizeContractName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** Two names are the same contract name when their keys are equal. */
export function contractNameKey(name: string): string {
  return normalizeContractName(name).toLowerCase();
}

const DATE_NAME = /^(\d{4})(\d{2})(\d{2})-(.*)$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date a 'date-number-subject' name must carry, as YYYYMMDD, or null when the contract has none. */
function nameDate(fields: ContractNameFields): string | null {
  const date = fields.signedOn ?? fields.effectiveOn;
  return date ? date.replaceAll('-', '') : null;
}

/**
 * The canonical name of a contract under the rule. For 'date-number-subject' the subject is
 * `subject` when given (else the project) and the date `today` (YYYY-MM-DD) when the contract has
 * neither a signing nor an effective date.
 */
export function suggestContractName(
  rule: NamingRule,
  fields: ContractNameFields,
  options: { subject?: string; today?: string } = {},
): string {
  const project = normalizeContractName(fields.project);
  const contractNo = normalizeContractName(fields.contractNo);
  if (rule === 'project-number') return `${project}-${contractNo}`;
  const date = nameDate(fields) ?? (options.today ?? '').replaceAll('-', '');
  const subject = normalizeContractName(options.subject ?? '') || project;
  return `${date || 'YYYYMMDD'}-${contractNo}-${subject}`;
}

/** A fixed example of the rule, for messages and placeholders. */
export function namingExample(rule: NamingRule): string {
  return rule === 'project-number' ? '景区提升工程-HT2023-015' : '20231115-HT2023-015-会议纪要';
}

/** Whether `name` follows the rule for a contract with these fields; if not, what is wrong and a name that would do. */
export function checkContractName(rule: NamingRule, name: string, fields: ContractNameFields): ContractNameCheck {
  const normalized = normalizeContractName(name);
  const project = normalizeContractName(fields.project);
  const contractNo = normalizeContractName(fields.contractNo);
  const refuse = (problem: ContractNameProblem): ContractNameCheck => ({
    ok: false,
    problem,
    suggestion: suggestContractName(rule, fields),
  });

  if (rule === 'project-number') {
    if (normalized === `${project}-${contractNo}`) return { ok: true };
    if (!normalized.startsWith(`${project}-`)) return refuse('project');
    return refuse('number');
  }

  const match = DATE_NAME.exec(normalized);
  if (!match) return refuse('shape');
  const [, year, month, day, rest] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return refuse('date');
  const expectedDate = nameDate(fields);
  if (expectedDate !== null && `${year}${month}${day}` !== expectedDate) return refuse('date');
  if (!rest!.startsWith(`${contractNo}-`)) return refuse('number');
  const subject = rest!.slice(contractNo.length + 1);
  if (subject.trim() === '' || subject !== subject.trim() || subject.startsWith('-')) return refuse('subject');
  return { ok: true };
}
