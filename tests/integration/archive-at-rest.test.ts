/**
 * Archived files at rest (issue 15): a marker written all through an uploaded 3 MB contract and a
 * customer document is in no file of the desk's data folder — database, WAL, shared memory — nor in
 * the backup the real backup operation makes, nor its second copy; and that second copy, restored
 * on a new PC, still opens the contract byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src-main/services/backup/backup';
import { fileSecretStore, VAULT_TEST_FILE } from '../../src-main/vault/secret-store';
import { ADMIN, openDesk, RECOVERY_PASSPHRASE, signIn, tempDir, type Desk } from './desk';
import { addContract, markedFile, openArchiveDesk, readAll, sha256, upload } from './archive-files';

/** 30 bytes with its space: a multiple of 3, so the base64 of the file repeats the marker's base64 too. */
const MARKER = 'ARCHIVE-MARKER-机密-7F3A-QZ';
const opened: Desk[] = [];

afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close();
});

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** What a file's raw bytes give away: the marker in UTF-8, UTF-16 or as the base64 a chunk travels in. */
const NEEDLES = [
  Buffer.from(MARKER, 'utf8'),
  Buffer.from(MARKER, 'utf16le'),
  Buffer.from(Buffer.from(`${MARKER} `, 'utf8').toString('base64'), 'utf8'),
];

function filesHoldingMarker(files: readonly string[]): string[] {
  return files.filter((file) => {
    const bytes = fs.readFileSync(file);
    return NEEDLES.some((needle) => bytes.includes(needle));
  });
}

describe('an archived file at rest', () => {
  it('leaves no trace of its content in the data folder, the backup or its second copy, and the second copy restores it', async () => {
    expect(Buffer.byteLength(`${MARKER} `) % 3).toBe(0);
    const desk = await openDesk(tempDir('yingbin-archive-desk-'));
    opened.push(desk);
    const { guest } = await openArchiveDesk(desk);
    const bytes = markedFile(3 * 1024 * 1024, MARKER);
    expect(filesHoldingMarker([writeProbe(bytes)])).toHaveLength(1); // the search finds it where it is

    const contract = await addContract(desk, 'HT2026-301', bytes);
    await signIn(desk, 'lina');
    const uploadId = await upload(desk, 'customer', bytes.subarray(0, 1_500_000), { fileName: 'auth.pdf' });
    await desk.call('archive.attach', { uploadId, subjectType: 'guest', subjectId: guest, title: '变更授权书' });
    // Opened and read through, as the viewer does.
    await signIn(desk, 'zhou');
    const read = await desk.call('archive.open', { fileId: contract.latest.id });
    expect(sha256(await readAll(desk, read))).toBe(sha256(bytes));

    await signIn(desk, 'admin', ADMIN.password);
    const second = tempDir('yingbin-archive-usb-');
    await desk.call('backup.setSecondLocation', { folder: second, maxDays: 7 });
    const made = await desk.call('backup.run', {});
    expect(made.secondCopy).toBe(path.join(second, path.basename(made.file)));

    const { folder } = await desk.call('backup.status', {});
    const files = [...filesUnder(desk.dataDir), ...filesUnder(folder), ...filesUnder(second)];
    const names = files.map((file) => path.basename(file));
    expect(names).toEqual(expect.arrayContaining(['yingbin.db', 'yingbin.db-wal', 'yingbin.db-shm']));
    expect(files).toEqual(expect.arrayContaining([made.file, made.secondCopy]));
    expect(filesHoldingMarker(files)).toEqual([]);
    // The same reading finds what is kept in clear: the contract's name, in the database or its WAL.
    const name = Buffer.from(contract.name, 'utf8');
    expect(files.some((file) => fs.readFileSync(file).includes(name))).toBe(true);

    await desk.close();
    opened.splice(0);
    expect(filesHoldingMarker(filesUnder(desk.dataDir))).toEqual([]);

    // The second copy on a new PC: the encrypted chunks came with it, and open.
    const fresh = tempDir('yingbin-archive-new-pc-');
    await restoreBackup(fresh, made.secondCopy!, {
      passphrase: RECOVERY_PASSPHRASE,
      keyStore: fileSecretStore(path.join(fresh, VAULT_TEST_FILE)),
      at: new Date(),
    });
    const newPc = await openDesk(fresh);
    opened.push(newPc);
    await signIn(newPc, 'zhou');
    const again = await newPc.call('archive.open', { fileId: contract.latest.id });
    expect((await readAll(newPc, again)).equals(bytes)).toBe(true);
    expect(filesHoldingMarker(filesUnder(fresh))).toEqual([]);
  });
});

/** A file holding the plaintext, to show the search would find it. */
function writeProbe(bytes: Buffer): string {
  const file = path.join(tempDir('yingbin-archive-probe-'), 'probe.bin');
  fs.writeFileSync(file, bytes.subarray(0, 4096));
  return file;
}
