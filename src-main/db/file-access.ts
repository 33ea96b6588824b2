/**
 * Owner-only access to the desk's files on POSIX: the data folder 0700, the database, its
 * -wal/-shm and every backup 0600. Applied on create and again on every open, so a desk made
 * by an older build is tightened. On Windows the user's profile folder already restricts access
 * (see README), and chmod there would only toggle the read-only bit, so these do nothing.
 */
import fs from 'node:fs';

export const OWNER_FOLDER_MODE = 0o700;
export const OWNER_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** Creates the folder (and its parents) owner-only; tightens it if it already exists. */
export function ensureOwnerFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: OWNER_FOLDER_MODE });
  if (posix) fs.chmodSync(folder, OWNER_FOLDER_MODE);
}

/** Tightens a file to owner read/write; a file that does not exist is left alone. */
export function restrictFile(file: string): void {
  if (!posix) return;
  try {
    fs.chmodSync(file, OWNER_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates an empty owner-only file if none exists, so SQLite never creates it world-readable. */
export function createOwnerFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', OWNER_FILE_MODE));
  restrictFile(file);
}
