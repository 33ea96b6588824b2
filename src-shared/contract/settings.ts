/** Property settings and this desk's backups. */
import { z } from 'zod';
import { mutation, query } from './define';
import { propertySettings } from './fields';
import type { Property } from './session';

export interface BackupFile {
  file: string;
  at: string;
  bytes: number;
}

export interface BackupStatus {
  folder: string;
  backups: BackupFile[];
}

export const settingsOperations = {
  'property.update': mutation<Property>()({
    name: 'property.update',
    input: propertySettings.extend({ idleLockMinutes: z.number().int().min(1).max(240) }),
    access: 'settings.manage',
  }),
  'backup.status': query<BackupStatus>()({
    name: 'backup.status',
    input: z.object({}),
    access: 'backup.manage',
  }),
  'backup.run': mutation<BackupFile>()({
    name: 'backup.run',
    input: z.object({}),
    access: 'backup.manage',
    sync: false,
  }),
  'backup.setFolder': mutation<BackupStatus>()({
    name: 'backup.setFolder',
    input: z.object({ folder: z.string().trim().min(1).max(400) }),
    access: 'backup.manage',
    sync: false,
  }),
};
