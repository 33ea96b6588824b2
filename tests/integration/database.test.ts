import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { MigrationDivergenceError } from '../../src-main/db/migrate';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { restoreBackup } from '../../src-main/services/backup/backup';
import { createServices } from '../../src-main/services/services';
import { fileSecretStore, VAULT_TEST_FILE } from '../../src-main/vault/secret-store';
import { addStaff, openDesk, RECOVERY_PASSPHRASE, setUpDesk, tempDir, type Desk } from './desk';

let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

function rawDb(dataDir: string) {
  return new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
}

describe('the local database', () => {
  it('opens in WAL mode with foreign keys on and every known migration applied', async () => {
    desk = await openDesk();
    const { sqlite } = desk.services;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const applied = sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[];
    expect(applied.map((r) => r.name)).toEqual(MIGRATIONS.map(([name]) => name));
  });

  it('refuses a database that has applied a migration this build does not know', async () => {
    const dataDir = tempDir();
    await (await openDesk(dataDir)).close();
    const raw = rawDb(dataDir);
    raw
      .prepare(
        "INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-01-from-the-future', '2099-01-01T00:00:00.000Z')",
      )
      .run();
    raw.close();
    const opening = createServices({ dataDir });
    await expect(opening).rejects.toBeInstanceOf(MigrationDivergenceError);
    await expect(opening).rejects.toThrow(/2099-01-01-01-from-the-future/);
  });

  it('refuses a database whose applied migrations differ from the known ones', async () => {
    const dataDir = tempDir();
    await (await openDesk(dataDir)).close();
    const raw = rawDb(dataDir);
    raw.prepare("UPDATE kysely_migration SET name = '2026-11-26-01-renamed' WHERE name = ?").run(MIGRATIONS[0]![0]);
    raw.close();
    await expect(createServices({ dataDir })).rejects.toBeInstanceOf(MigrationDivergenceError);
  });
});

describe('backups', () => {
  it('backs up online while the desk is open and restores to exactly that state', async () => {
    const dataDir = tempDir();
    desk = await openDesk(dataDir);
    await setUpDesk(desk);
    await addStaff(desk, 'lina', 'agent');
    const made = await desk.call('backup.run');
    expect(made.bytes).toBeGreaterThan(0);
    await addStaff(desk, 'after_backup', 'agent');
    const status = await desk.call('backup.status');
    expect(status.backups.map((b) => b.file)).toEqual([made.file]);
    await desk.close();
    desk = undefined;

    const keyStore = fileSecretStore(path.join(dataDir, VAULT_TEST_FILE));
    const { keptAs } = await restoreBackup(dataDir, made.file, {
      passphrase: RECOVERY_PASSPHRASE,
      keyStore,
      at: new Date('2026-11-27T00:00:00Z'),
    });
    expect(keptAs && fs.existsSync(keptAs)).toBeTruthy();

    desk = await openDesk(dataDir);
    const usernames = (await desk.services.db.selectFrom('staff').select('username').orderBy('username').execute()).map(
      (r) => r.username,
    );
    expect(usernames).toEqual(['admin', 'lina']);
    await desk.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
    expect(await desk.call('audit.verify')).toMatchObject({ ok: true });
  });

  it('refuses to restore a file that is not a sound Yingbin database, leaving the current one in place', async () => {
    const dataDir = tempDir();
    desk = await openDesk(dataDir);
    await setUpDesk(desk);
    await desk.close();
    desk = undefined;
    const bogus = path.join(tempDir(), 'yingbin-2026-01-01T00-00-00-000Z.db');
    fs.writeFileSync(bogus, 'this is not sqlite');
    const keyStore = fileSecretStore(path.join(dataDir, VAULT_TEST_FILE));
    await expect(
      restoreBackup(dataDir, bogus, { passphrase: RECOVERY_PASSPHRASE, keyStore, at: new Date() }),
    ).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' });
    desk = await openDesk(dataDir);
    expect(await desk.call('setup.status')).toEqual({
      needsSetup: false,
      propertyName: '西湖宾馆',
      timeZone: 'Asia/Shanghai',
    });
  });

  it('makes the daily backup only when the last one is a day old, into the configured folder', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const folder = tempDir('yingbin-backups-');
    await desk.call('backup.setFolder', { folder });
    expect(await desk.services.backups.runIfDue()).not.toBeNull();
    desk.clock.advanceMinutes(23 * 60);
    expect(await desk.services.backups.runIfDue()).toBeNull();
    desk.clock.advanceMinutes(60);
    const second = await desk.services.backups.runIfDue();
    expect(second?.made.file.startsWith(folder)).toBe(true);
    expect(await desk.services.backups.list()).toHaveLength(2);
  });

  it('refuses a relative backup folder', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    expect(await desk.fail('backup.setFolder', { folder: 'backups' })).toMatchObject({
      code: 'INPUT_INVALID',
      fields: ['folder'],
    });
  });
});
