/**
 * The desk database at rest: owner-only files, migrations that are all-or-nothing each with a
 * verified backup before them, and commits synced to disk. Real SQLite files in temp folders.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_NAME, writeBackupFile } from '../../src-main/db/backup-file';
import { DATABASE_FILE, openDatabase, type OpenedDatabase } from '../../src-main/db/connection';
import { MigrationFailedError, type MigrationList } from '../../src-main/db/migrate';
import { MIGRATIONS } from '../../src-main/db/migrations';

const folders: string[] = [];
let opened: OpenedDatabase | undefined;

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-safety-'));
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  await opened?.db.destroy();
  opened = undefined;
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

const addNote = (name: string, second: string): readonly [string, Migration] => [
  name,
  {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('setting').addColumn('note', 'text').execute();
      await sql.raw(second).execute(db);
    },
  },
];

const broken = addNote('2099-01-01-01-setting-note', 'UPDATE no_such_table SET x = 1');
const fixed = addNote('2099-01-01-01-setting-note', "UPDATE setting SET note = 'kept'");

function columns(file: string, table: string): string[] {
  const raw = new BetterSqlite3(file, { readonly: true });
  try {
    return (raw.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  } finally {
    raw.close();
  }
}

function appliedNames(file: string): string[] {
  const raw = new BetterSqlite3(file, { readonly: true });
  try {
    return (raw.prepare('SELECT name FROM kysely_migration ORDER BY timestamp, name').all() as { name: string }[]).map(
      (r) => r.name,
    );
  } finally {
    raw.close();
  }
}

async function desk(dataDir: string, migrations: MigrationList = MIGRATIONS): Promise<OpenedDatabase> {
  opened = await openDatabase(dataDir, { migrations });
  return opened;
}

async function closeDesk(): Promise<void> {
  await opened?.db.destroy();
  opened = undefined;
}

describe.skipIf(process.platform === 'win32')('files at rest', () => {
  it('a new desk makes its folder 0700 and its database, WAL and backups 0600', async () => {
    const dataDir = path.join(tempFolder(), 'data');
    const { sqlite, file } = await desk(dataDir);
    sqlite.prepare("INSERT INTO setting (key, value_json) VALUES ('x', '1')").run();
    expect(mode(dataDir)).toBe(0o700);
    for (const name of [file, `${file}-wal`, `${file}-shm`]) expect(mode(name), name).toBe(0o600);
    const backup = await writeBackupFile(sqlite, path.join(dataDir, 'backups'), new Date('2026-11-30T01:00:00Z'));
    expect(mode(backup)).toBe(0o600);
    expect(mode(path.join(dataDir, 'backups'))).toBe(0o700);
  });

  it('an old desk written world-readable is tightened when it opens', async () => {
    const dataDir = tempFolder();
    const { sqlite, file } = await desk(dataDir);
    const backup = await writeBackupFile(sqlite, path.join(dataDir, 'backups'), new Date('2026-11-30T01:00:00Z'));
    await closeDesk();
    for (const name of [dataDir, path.join(dataDir, 'backups')]) fs.chmodSync(name, 0o755);
    for (const name of [file, backup]) fs.chmodSync(name, 0o644);

    await desk(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(backup)).toBe(0o600);
  });
});

describe('migrations', () => {
  it('a migration that fails half-way leaves the database at the previous migration, and a fixed one applies on the next start', async () => {
    const dataDir = tempFolder();
    const file = path.join(dataDir, DATABASE_FILE);
    await desk(dataDir);
    await closeDesk();

    const failing = desk(dataDir, [...MIGRATIONS, broken]);
    await expect(failing).rejects.toBeInstanceOf(MigrationFailedError);
    await expect(failing).rejects.toThrow(
      /Migration 2099-01-01-01-setting-note failed and was rolled back: the database is unchanged/,
    );
    opened = undefined;
    expect(columns(file, 'setting')).not.toContain('note');
    expect(appliedNames(file)).toEqual(MIGRATIONS.map(([name]) => name));

    await desk(dataDir, [...MIGRATIONS, fixed]);
    expect(columns(file, 'setting')).toContain('note');
    expect(appliedNames(file).at(-1)).toBe('2099-01-01-01-setting-note');
  });

  it('a migration killed before commit leaves a database that opens at the previous migration', async () => {
    const dataDir = tempFolder();
    const file = path.join(dataDir, DATABASE_FILE);
    await desk(dataDir);
    await closeDesk();
    // A process killed with SIGKILL half-way through a migration's transaction.
    const script = `const db = new (require('better-sqlite3'))(${JSON.stringify(file)}); db.pragma('journal_mode = WAL');
      db.exec("BEGIN; ALTER TABLE setting ADD COLUMN note text; INSERT INTO kysely_migration VALUES ('2099-01-01-01-setting-note', 'x');");
      process.kill(process.pid, 'SIGKILL');`;
    const killed = spawnSync(process.execPath, ['-e', script], { cwd: process.cwd() });
    expect(killed.signal).toBe('SIGKILL');

    await desk(dataDir);
    expect(columns(file, 'setting')).not.toContain('note');
    expect(appliedNames(file)).toEqual(MIGRATIONS.map(([name]) => name));
  });

  it('takes a backup that passes integrity_check before the first pending migration of a database with data', async () => {
    const dataDir = tempFolder();
    const { sqlite } = await desk(dataDir, MIGRATIONS.slice(0, 3));
    sqlite.prepare("INSERT INTO setting (key, value_json) VALUES ('before', '1')").run();
    await closeDesk();
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);

    await desk(dataDir);
    const backups = fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => BACKUP_NAME.test(name));
    expect(backups).toHaveLength(1);
    const copy = new BetterSqlite3(path.join(dataDir, 'backups', backups[0]!), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT name FROM kysely_migration').all() as unknown[]).length).toBe(3);
      expect(copy.prepare("SELECT value_json FROM setting WHERE key = 'before'").get()).toEqual({ value_json: '1' });
    } finally {
      copy.close();
    }
  });

  it('takes no backup for a brand-new database, nor when nothing is pending', async () => {
    const dataDir = tempFolder();
    await desk(dataDir);
    await closeDesk();
    await desk(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });
});

describe('durability', () => {
  it('commits with synchronous = FULL in WAL mode', async () => {
    const { sqlite } = await desk(tempFolder());
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });
});
