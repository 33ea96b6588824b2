/** The recovery screen's UI strings in English. */
import type { recoveryZhCN } from './zh-CN';

export const recoveryEn: typeof recoveryZhCN = {
  title: 'The database on this computer cannot be opened',
  intro:
    'Yingbin has not started the desk, so that nobody works on data that may be wrong. Please read what happened below.',
  problems: {
    truncated:
      'The database file is incomplete: it is shorter than the file itself records, perhaps from an interrupted copy, a full disk or a power cut. Its data cannot be read; restore one of the backups below.',
    missing:
      'The database file is gone (deleted or moved), though Yingbin has run on this computer. Restore one of the backups below; if the file was only moved, put it back and start Yingbin again.',
    damaged: 'The database file is damaged and cannot be read. Restore one of the backups below.',
    'read-only':
      'The data folder cannot be written to (read-only, write-protected or no permission). Check the folder and the disk, then start Yingbin again; usually no restore is needed.',
    'disk-full':
      'The disk is full, so the database cannot be written. Free some space, then start Yingbin again; usually no restore is needed.',
    'newer-version':
      'This database was written by a newer version of Yingbin, which this version cannot open. Install the latest version, or restore a backup made by this version (records made after it are lost).',
    'migration-failed':
      'Upgrading the database failed. The upgrade was undone and the database is as it was. Contact support, or restore the backup made automatically before the upgrade.',
    unknown: 'The database cannot be opened. Contact support, or restore one of the backups below.',
  },
  dataDir: 'Data folder:',
  technical: 'Technical details (for support)',
  backupsTitle: 'Backups found',
  noBackups:
    'No backups were found. Plug in the drive with the second copy or connect the network share, then choose "Look again".',
  rescan: 'Look again',
  columns: { time: 'Made', location: 'Where', size: 'Size', kind: 'Kind', check: 'Integrity' },
  locations: { folder: 'Backup folder', second: 'Second copy' },
  kinds: { encrypted: 'Encrypted', plain: 'Not encrypted' },
  intact: 'Intact',
  broken: 'Damaged, cannot be used',
  restoreTitle: 'Restore from a backup',
  restoreIntro:
    "An admin types the property's recovery passphrase. The current database file is kept in the data folder for inspection; records entered on this computer after the backup are lost, and those already synced to the central server come back with the next sync.",
  chosen: 'Chosen backup: {{file}}',
  choose: 'Choose an intact backup in the table above first',
  passphrase: 'Recovery passphrase',
  restore: 'Restore this backup',
  restored: 'Restored from the backup; please sign in',
  fresh: {
    open: 'Restore from a backup (new PC)',
    title: 'Restore a backup onto this PC',
    intro:
      "Brings the old desk's encrypted backup (a .ybk file, usually on a removable drive or a network share) onto this new PC. The property's recovery passphrase is needed. Afterwards sign in with the usual accounts; to connect to the central server, ask its administrator for a code for this desk.",
    folder: 'Folder holding the backups',
    folderHint: 'The full path, e.g. E:\\Yingbin backups or /media/usb/yingbin',
    find: 'Look for backups',
    none: 'No Yingbin backups in this folder',
    back: 'Back',
  },
};
