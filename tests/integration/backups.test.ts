/**
 * Encrypted backups, their second copy and restore on a new PC: real desks, real files in temp
 * folders. A backup holds no guest's ID number or phone and not even SQLite's header in clear; a
 * changed byte, a cut-off end or chunks moved about are refused; the recovery passphrase restores
 * it into an empty data folder, and a wrong one leaves everything as it was.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely, Migration } from 'kysely';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { CHUNK_BYTES, readBackupHeader, sealBackup, unsealBackup } from '../../src-main/db/sealed-backup';
import { restoreBackup } from '../../src-main/services/backup/backup';
import { createServices } from '../../src-main/services/services';
import { subkey } from '../../src-main/vault/crypto';
import { fileSecretStore, VAULT_TEST_FILE } from '../../src-main/vault/secret-store';
import { openDesk, RECOVERY_PASSPHRASE, tempDir, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

const ID_NUMBER = '330102199001011234';
const PHONE = '13812345678';
const opened: Desk[] = [];

afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close();
});

/** The small hotel with a guest and a booking, the admin signed in to make backups. */
async function hotelDesk(
  dataDir = tempDir('yingbin-backup-desk-'),
): Promise<{ desk: Desk; hotel: Hotel; booking: string }> {
  const desk = await openDesk(dataDir);
  opened.push(desk);
  const hotel = await openHotel(desk);
  const booking = await desk.call('bookings.create', {
    guestId: hotel.guest,
    channel: 'walk_in',
    arrival: '2026-11-26',
    departure: '2026-11-28',
    roomTypeId: hotel.standard,
    ratePlanId: hotel.plan,
    adults: 1,
  });
  await desk.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
  return { desk, hotel, booking: booking.number };
}

const keyStoreIn = (dataDir: string) => fileSecretStore(path.join(dataDir, VAULT_TEST_FILE));

/** Every file under a folder with its SHA-256, to show that nothing in it changed. */
function snapshot(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
      const file = path.join(dir, name);
      return fs.statSync(file).isFile()
        ? [[name, createHash('sha256').update(fs.readFileSync(file)).digest('hex')]]
        : [];
    }),
  );
}

async function closeDesk(desk: Desk): Promise<void> {
  opened.splice(opened.indexOf(desk), 1);
  await desk.close();
}

describe('an encrypted backup', () => {
  it('holds no ID number, phone or SQLite header in clear, is owner-only, and leaves no plaintext copy behind', async () => {
    const { desk } = await hotelDesk();
    const made = await desk.call('backup.run');
    expect(made.file.endsWith('.ybk')).toBe(true);
    expect(made.encrypted).toBe(true);
    const raw = fs.readFileSync(made.file);
    for (const needle of [ID_NUMBER, PHONE, 'SQLite format 3', '王芳'])
      expect(raw.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(made.file).mode & 0o777).toBe(0o600);
    // The staged snapshot was in the data folder only while the backup was being made.
    expect(fs.readdirSync(desk.dataDir).filter((name) => name.includes('staged') || name.endsWith('.partial'))).toEqual(
      [],
    );
    expect(fs.readdirSync(path.dirname(made.file))).toEqual([path.basename(made.file)]);
    const header = await readBackupHeader(made.file);
    expect(header).toMatchObject({
      deviceId: desk.services.device.id,
      schema: MIGRATIONS.at(-1)![0],
      keyId: (await desk.call('vault.status')).keyId,
    });
  });

  it('is refused as damaged when one byte is changed or the end is cut off, and nothing changes', async () => {
    const { desk } = await hotelDesk();
    const made = await desk.call('backup.run');
    await closeDesk(desk);
    const before = snapshot(desk.dataDir);
    const original = fs.readFileSync(made.file);

    const flipped = Buffer.from(original);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    fs.writeFileSync(made.file, flipped);
    await expect(
      restoreBackup(desk.dataDir, made.file, {
        passphrase: RECOVERY_PASSPHRASE,
        keyStore: keyStoreIn(desk.dataDir),
        at: new Date(),
      }),
    ).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });

    fs.writeFileSync(made.file, original.subarray(0, original.length - 1000));
    await expect(
      restoreBackup(desk.dataDir, made.file, {
        passphrase: RECOVERY_PASSPHRASE,
        keyStore: keyStoreIn(desk.dataDir),
        at: new Date(),
      }),
    ).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });
    fs.writeFileSync(made.file, original);
    expect(snapshot(desk.dataDir)).toEqual(before);
  });

  it('refuses chunks swapped, dropped or cut off even when the checksum at the end is made to match', async () => {
    const dir = tempDir('yingbin-chunks-');
    const plain = path.join(dir, 'plain.bin');
    fs.writeFileSync(
      plain,
      Buffer.concat([Buffer.alloc(CHUNK_BYTES, 1), Buffer.alloc(CHUNK_BYTES, 2), Buffer.alloc(CHUNK_BYTES / 2, 3)]),
    );
    const propertyKey = Buffer.alloc(32, 7);
    const backupKey = subkey(propertyKey, 'backup');
    // The format alone: an envelope of the right shape, never opened here.
    const envelope = {
      v: 1,
      keyId: 'AAAAAAAAAAAAAAAA',
      kdf: { name: 'argon2id', memoryKiB: 65536, passes: 3, lanes: 1, salt: Buffer.alloc(16).toString('base64') },
      sealed: Buffer.alloc(60).toString('base64'),
    } as const;
    const sealed = path.join(dir, 'yingbin.ybk');
    const plainHash = await sealBackup(
      plain,
      sealed,
      { backupKey, keyId: 'AAAAAAAAAAAAAAAA', envelope, deviceId: 'desk' },
      'schema',
      new Date('2026-11-30T00:00:00Z'),
    );
    expect(await unsealBackup(sealed, backupKey, null)).toEqual(plainHash);

    const bytes = fs.readFileSync(sealed);
    const headerEnd = 12 + bytes.readUInt32BE(8);
    const chunk = CHUNK_BYTES + 16;
    const parts = [0, 1, 2].map((i) =>
      bytes.subarray(headerEnd + i * chunk, Math.min(headerEnd + (i + 1) * chunk, bytes.length - 40)),
    );
    const reseal = (body: Buffer[]) => {
      // Whoever alters the file can recompute the checksum: only the tags stop them.
      const content = Buffer.concat([bytes.subarray(0, headerEnd), ...body]);
      const file = path.join(dir, 'altered.ybk');
      fs.writeFileSync(
        file,
        Buffer.concat([
          content,
          bytes.subarray(bytes.length - 40, bytes.length - 32),
          createHash('sha256').update(content).digest(),
        ]),
      );
      return file;
    };
    const fullChunk = (i: number) => parts[i]!;
    for (const body of [
      [fullChunk(1), fullChunk(0), fullChunk(2)],
      [fullChunk(0), fullChunk(0), fullChunk(2)],
      [fullChunk(0), fullChunk(1), fullChunk(2).subarray(0, fullChunk(2).length - 100)],
    ]) {
      await expect(unsealBackup(reseal(body), backupKey, null)).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' });
    }
    // Two whole chunks with the last dropped: the header's size no longer matches.
    await expect(unsealBackup(reseal([fullChunk(0), fullChunk(1)]), backupKey, null)).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
    });
  });

  it('is encrypted also when taken before a migration, once the property has a key', async () => {
    const dataDir = tempDir('yingbin-premigration-');
    const { desk } = await hotelDesk(dataDir);
    await closeDesk(desk);
    const noteMigration: readonly [string, Migration] = [
      '2099-01-01-01-note',
      {
        up: async (db: Kysely<unknown>) => void (await db.schema.createTable('note').addColumn('id', 'text').execute()),
      },
    ];
    const services = await createServices({ dataDir, migrations: [...MIGRATIONS, noteMigration] });
    await services.close();
    const backups = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/\.ybk$/);
    const raw = fs.readFileSync(path.join(dataDir, 'backups', backups[0]!));
    expect(raw.includes(Buffer.from(PHONE))).toBe(false);
    expect((await readBackupHeader(path.join(dataDir, 'backups', backups[0]!))).schema).toBe(MIGRATIONS.at(-1)![0]);
  });
});

describe('restore on a new PC', () => {
  it('brings guests and bookings back into an empty data folder with the recovery passphrase, and the desk reads its sealed fields', async () => {
    const { desk, hotel, booking } = await hotelDesk();
    const made = await desk.call('backup.run');
    await closeDesk(desk);

    const fresh = tempDir('yingbin-new-pc-');
    const restored = await restoreBackup(fresh, made.file, {
      passphrase: RECOVERY_PASSPHRASE,
      keyStore: keyStoreIn(fresh),
      at: new Date(),
    });
    expect(restored).toMatchObject({ keptAs: null, keysRestored: true });
    expect(fs.readdirSync(fresh).filter((name) => name.includes('staged'))).toEqual([]);

    const newPc = await openDesk(fresh);
    opened.push(newPc);
    await newPc.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
    expect(await newPc.call('vault.status')).toMatchObject({ state: 'open' });
    expect((await newPc.call('guests.get', { id: hotel.guest })).phone).toBe(PHONE);
    expect(await newPc.call('guests.revealId', { id: hotel.guest })).toEqual({ idNumber: ID_NUMBER });
    const numbers = (await newPc.services.db.selectFrom('booking').select('number').execute()).map((row) => row.number);
    expect(numbers).toEqual([booking]);
    // The restored desk's audit key came back from its escrow: the trail still verifies.
    expect(await newPc.call('audit.verify')).toMatchObject({ ok: true });
  });

  it('with a wrong passphrase fails with PASSPHRASE_WRONG and leaves the folder as it was', async () => {
    const { desk } = await hotelDesk();
    const made = await desk.call('backup.run');
    await closeDesk(desk);

    const fresh = tempDir('yingbin-new-pc-');
    await expect(
      restoreBackup(fresh, made.file, {
        passphrase: 'not-the-passphrase-at-all',
        keyStore: keyStoreIn(fresh),
        at: new Date(),
      }),
    ).rejects.toMatchObject({ code: 'PASSPHRASE_WRONG' });
    expect(fs.readdirSync(fresh)).toEqual([]);

    const before = snapshot(desk.dataDir);
    await expect(
      restoreBackup(desk.dataDir, made.file, {
        passphrase: 'not-the-passphrase-at-all',
        keyStore: keyStoreIn(desk.dataDir),
        at: new Date(),
      }),
    ).rejects.toMatchObject({
      code: 'PASSPHRASE_WRONG',
    });
    expect(snapshot(desk.dataDir)).toEqual(before);
  });

  it('on the same desk keeps the database it replaces, WAL and all', async () => {
    const { desk } = await hotelDesk();
    const made = await desk.call('backup.run');
    await desk.call('staff.create', {
      username: 'after_backup',
      displayName: 'after',
      role: 'agent',
      password: 'after-pass-1',
    });
    await closeDesk(desk);

    const { keptAs } = await restoreBackup(desk.dataDir, made.file, {
      passphrase: RECOVERY_PASSPHRASE,
      keyStore: keyStoreIn(desk.dataDir),
      at: new Date('2026-11-27T00:00:00Z'),
    });
    expect(keptAs && fs.existsSync(keptAs)).toBeTruthy();
    const again = await openDesk(desk.dataDir);
    opened.push(again);
    const usernames = (await again.services.db.selectFrom('staff').select('username').execute()).map(
      (row) => row.username,
    );
    expect(usernames).not.toContain('after_backup');
    expect(usernames).toContain('lina');
  });
});

describe('the second copy', () => {
  it('is copied to the second location, read back and verified, and its time recorded; the header warns once it is older than the policy', async () => {
    const { desk } = await hotelDesk();
    const second = tempDir('yingbin-usb-');
    expect((await desk.call('backup.status')).second).toMatchObject({
      folder: null,
      lastCopyAt: null,
      overdue: true,
      maxDays: 7,
    });
    await desk.call('backup.setSecondLocation', { folder: second, maxDays: 3 });
    const made = await desk.call('backup.run');
    expect(made.secondCopy).toBe(path.join(second, path.basename(made.file)));
    expect(fs.readFileSync(made.secondCopy!)).toEqual(fs.readFileSync(made.file));
    // A temporary folder is on the desk's own disk: the status says so (Settings warns).
    expect((await desk.call('backup.status')).second).toMatchObject({
      folder: second,
      maxDays: 3,
      lastCopyAt: made.at,
      overdue: false,
      sameDisk: true,
    });

    desk.clock.advanceMinutes(3 * 24 * 60 + 1);
    await desk.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
    expect((await desk.call('backup.status')).second.overdue).toBe(true);
    // The daily backup makes and records a fresh second copy.
    expect((await desk.services.backups.runIfDue())?.secondCopy).not.toBeNull();
    expect((await desk.call('backup.status')).second.overdue).toBe(false);
  });

  it('reports BACKUP_COPY_FAILED when the second location is not there (an unplugged drive), keeping the first copy and the last good time, and makes no folder in its place', async () => {
    const { desk } = await hotelDesk();
    const unplugged = path.join(tempDir('yingbin-media-'), 'usb', 'yingbin');
    await desk.call('backup.setSecondLocation', { folder: unplugged, maxDays: 7 });
    expect((await desk.call('backup.status')).second).toMatchObject({ folder: unplugged, sameDisk: null });
    expect(await desk.fail('backup.run')).toMatchObject({ code: 'BACKUP_COPY_FAILED', params: { folder: unplugged } });
    expect(fs.existsSync(unplugged)).toBe(false);
    const status = await desk.call('backup.status');
    expect(status.backups.filter((backup) => backup.encrypted)).toHaveLength(1);
    expect(status.second).toMatchObject({ lastCopyAt: null, overdue: true });
  });

  it('refuses a relative second folder and turns the copy off with an empty one', async () => {
    const { desk } = await hotelDesk();
    expect(await desk.fail('backup.setSecondLocation', { folder: 'usb', maxDays: 7 })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['folder'],
    });
    expect((await desk.call('backup.setSecondLocation', { folder: '', maxDays: 7 })).second.folder).toBeNull();
  });
});

describe('before the property has a key', () => {
  it('makes no backup: there are no guests yet, and nothing to encrypt with', async () => {
    const desk = await openDesk(tempDir('yingbin-unset-'));
    opened.push(desk);
    expect(await desk.services.backups.run().catch((error: { code: string }) => error.code)).toBe('VAULT_UNSET');
    expect(fs.existsSync(path.join(desk.dataDir, 'backups'))).toBe(false);
    expect(fs.existsSync(path.join(desk.dataDir, DATABASE_FILE))).toBe(true);
  });
});
