/**
 * The second copy of each backup, on another device (a removable drive, a network share): copied,
 * flushed to the device, then read back — the copy must hash exactly as the original and its own
 * trailer must check — before it takes its name. A failed copy leaves the first one in place.
 * The folder must already exist: made here, an unplugged drive's empty mount point would quietly
 * receive the "second" copy on the desk's own disk.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@shared/errors';
import { createOwnerFile, restrictFile } from '../../db/file-access';
import { checkBackupIntact } from '../../db/sealed-backup';

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Copies a backup into the second folder and verifies it; BACKUP_COPY_FAILED otherwise. Returns the copy. */
export async function copyToSecondLocation(file: string, folder: string): Promise<string> {
  const target = path.join(folder, path.basename(file));
  const partial = `${target}.partial`;
  try {
    if (!(await fsp.stat(folder)).isDirectory()) throw new Error(`${folder} is not a folder`);
    createOwnerFile(partial);
    await fsp.copyFile(file, partial);
    const handle = await fsp.open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const [original, copy] = await Promise.all([sha256(file), sha256(partial)]);
    if (original !== copy) throw new Error('the copy differs from the original');
    await checkBackupIntact(partial);
    restrictFile(partial);
    await fsp.rename(partial, target);
    return target;
  } catch (error) {
    console.error(`[backup] second copy into ${folder} failed`, error);
    await fsp.rm(partial, { force: true }).catch(() => undefined);
    throw new AppError('BACKUP_COPY_FAILED', { folder });
  }
}

/** Whether the folder is on the same disk (device) as the data folder: then it is no separate copy. Null when it cannot be reached. */
export function onSameDisk(folder: string, dataDir: string): boolean | null {
  try {
    return fs.statSync(folder).dev === fs.statSync(dataDir).dev;
  } catch {
    return null;
  }
}
