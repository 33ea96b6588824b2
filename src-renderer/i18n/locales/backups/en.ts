/** Backups' encryption and second-copy UI strings in English. */
import type { backupsZhCN } from './zh-CN';

export const backupsEn: typeof backupsZhCN = {
  encrypted: 'Encrypted',
  plain: 'Not encrypted',
  kind: 'Kind',
  encryptionNote:
    'Every backup is encrypted with the property key (AES-256-GCM); restoring on a new computer needs the recovery passphrase.',
  secondTitle: 'Second copy (a separate device)',
  secondIntro:
    'After each backup a copy goes to another device (a removable drive or a network share) and is read back and verified.',
  secondFolder: 'Second copy folder',
  secondFolderHint: 'An absolute path on the drive or share; leave empty for no second copy',
  maxDays: 'At most (days)',
  maxDaysHint: 'The header warns when the second copy is older than this',
  sameDisk:
    "This folder is on the same disk as this desk's data, so it is no separate copy. Choose a folder on a removable drive or a network share.",
  unreachable: 'This folder cannot be reached now: is the device connected? The folder must already exist on it.',
  save: 'Save',
  saved: 'Second copy settings saved',
  lastCopy: 'Last verified second copy: {{at}}',
  never: 'No verified second copy yet',
  secondCopied: 'Backup made; the second copy was written and verified: {{file}}',
  warning: 'Second backup copy overdue',
  warningNever: 'No second backup copy yet',
  warningHint:
    'No verified second copy for more than $t(desk.days, {"count": {{days}} }). Set its folder in Settings → Backups, plug in the device and back up now.',
};
