/**
 * The recovery surface: a desk whose database will not open starts in recovery instead of
 * failing, says what is wrong, lists the backups it can see, and restores one for whoever knows
 * the recovery passphrase — then runs as usual. Real desks and files; the host served over HTTP
 * by the browser harness exactly as `npm run start:web` serves it.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryStatus } from '@shared/contract';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { startHarness, type Harness } from '../../src-main/harness/server';
import { DeskEvents } from '../../src-main/services/desk-events';
import { DeskHost } from '../../src-main/host/desk-host';
import { ADMIN, openDesk, RECOVERY_PASSPHRASE, setUpDesk, tempDir } from './desk';

const hosts: DeskHost[] = [];
const harnesses: Harness[] = [];
const token = 'recovery-test-token';

afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
  for (const host of hosts.splice(0)) await host.close();
});

/** A set-up desk with one encrypted backup, closed; returns its folder and the backup. */
async function deskWithBackup(): Promise<{ dataDir: string; backup: string }> {
  const desk = await openDesk(tempDir('yingbin-recovery-'));
  await setUpDesk(desk);
  const made = await desk.call('backup.run');
  await desk.close();
  return { dataDir: desk.dataDir, backup: made.file };
}

async function start(dataDir: string): Promise<{
  host: DeskHost;
  rpc: (name: string, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
}> {
  const events = new DeskEvents();
  const host = await DeskHost.start({ dataDir, events });
  hosts.push(host);
  const rendererDir = tempDir('yingbin-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>迎宾</title>');
  const harness = await startHarness({ host, events, rendererDir, token, port: 0 });
  harnesses.push(harness);
  const rpc = async (name: string, input: unknown = {}) =>
    (await (
      await fetch(`http://127.0.0.1:${harness.port}/rpc/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      })
    ).json()) as { ok: boolean; value?: unknown; error?: { code: string } };
  return { host, rpc };
}

function truncate(dataDir: string, bytes: number): void {
  const file = path.join(dataDir, DATABASE_FILE);
  fs.truncateSync(file, bytes);
}

describe('a database that will not open', () => {
  it('cut short: the harness serves the recovery surface, lists the backup, refuses a wrong passphrase and restores with the right one', async () => {
    const { dataDir, backup } = await deskWithBackup();
    truncate(dataDir, 8192);
    const { host, rpc } = await start(dataDir);
    expect(host.current).toBeNull();

    expect(await rpc('setup.status')).toEqual({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } });
    const status = (await rpc('recovery.status')).value as RecoveryStatus;
    expect(status.problem).toMatchObject({ kind: 'truncated', dataDir });
    expect(status.backups).toEqual([
      expect.objectContaining({ file: backup, encrypted: true, intact: true, location: 'folder' }),
    ]);

    const damaged = fs.readFileSync(path.join(dataDir, DATABASE_FILE));
    expect(await rpc('recovery.restore', { file: backup, passphrase: 'a-wrong-passphrase' })).toEqual({
      ok: false,
      error: { code: 'PASSPHRASE_WRONG' },
    });
    expect(fs.readFileSync(path.join(dataDir, DATABASE_FILE))).toEqual(damaged);
    // Only a backup the screen offered.
    expect(
      (await rpc('recovery.restore', { file: '/etc/passwd', passphrase: RECOVERY_PASSPHRASE })).error,
    ).toMatchObject({ code: 'INPUT_INVALID' });

    const restored = await rpc('recovery.restore', { file: backup, passphrase: RECOVERY_PASSPHRASE });
    expect(restored.ok).toBe(true);
    expect(host.current).not.toBeNull();
    expect(await rpc('setup.status')).toMatchObject({
      ok: true,
      value: { needsSetup: false, propertyName: '西湖宾馆' },
    });
    expect(await rpc('recovery.status')).toEqual({ ok: true, value: { problem: null, backups: [] } });
    expect(await rpc('recovery.restore', { file: backup, passphrase: RECOVERY_PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'RECOVERY_NOT_NEEDED' },
    });
    // The cut-short file is kept for whoever investigates.
    const { keptAs } = restored.value as { keptAs: string };
    expect(fs.readFileSync(keptAs)).toEqual(damaged);
    // The restored trail records the restore, and still verifies under the restored desk's audit key.
    const entry = await host
      .current!.db.selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'recovery.restore')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      outcome: 'ok',
      entity_type: 'backup',
      entity_id: path.basename(backup),
      actor_id: null,
    });
    expect(await rpc('auth.signIn', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      ok: true,
    });
    expect(await rpc('audit.verify')).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('cut to nothing, or gone, after the desk had started is not taken for a new desk', async () => {
    const emptied = await deskWithBackup();
    truncate(emptied.dataDir, 0);
    expect((await start(emptied.dataDir)).host.recoveryProblem).toMatchObject({ kind: 'truncated' });

    const { dataDir, backup } = await deskWithBackup();
    fs.rmSync(path.join(dataDir, DATABASE_FILE));
    const { host, rpc } = await start(dataDir);
    expect(host.recoveryProblem).toMatchObject({ kind: 'missing' });
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
    expect(await rpc('recovery.restore', { file: backup, passphrase: RECOVERY_PASSPHRASE })).toEqual({
      ok: true,
      value: { keptAs: null },
    });
    expect(await rpc('setup.status')).toMatchObject({ ok: true, value: { needsSetup: false } });
  });

  it('written by a newer version, or not a database at all, says so', async () => {
    const newer = await deskWithBackup();
    const raw = new BetterSqlite3(path.join(newer.dataDir, DATABASE_FILE));
    raw
      .prepare(
        "INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-01-from-the-future', '2099-01-01T00:00:00.000Z')",
      )
      .run();
    raw.close();
    expect((await start(newer.dataDir)).host.recoveryProblem).toMatchObject({ kind: 'newer-version' });

    const garbage = await deskWithBackup();
    fs.writeFileSync(path.join(garbage.dataDir, DATABASE_FILE), Buffer.alloc(64 * 1024, 0x5a));
    const { host, rpc } = await start(garbage.dataDir);
    expect(host.recoveryProblem).toMatchObject({ kind: 'damaged' });
    // A backup whose bytes were damaged is shown as such.
    const bytes = fs.readFileSync(garbage.backup);
    bytes[bytes.length - 100]! ^= 0xff;
    fs.writeFileSync(garbage.backup, bytes);
    expect(((await rpc('recovery.status')).value as RecoveryStatus).backups).toEqual([
      expect.objectContaining({ file: garbage.backup, intact: false }),
    ]);
  });
});

describe('a new PC before setup', () => {
  it('finds the old desk’s backups in a folder the admin names, refuses a wrong passphrase leaving the fresh desk as it was, and restores with the right one', async () => {
    const { backup } = await deskWithBackup();
    const drive = tempDir('yingbin-usb-drive-');
    const onDrive = path.join(drive, path.basename(backup));
    fs.copyFileSync(backup, onDrive);
    const { host, rpc } = await start(tempDir('yingbin-new-pc-'));
    expect(await rpc('setup.status')).toEqual({ ok: true, value: { needsSetup: true } });

    expect((await rpc('recovery.find', { folder: 'relative/folder' })).error).toMatchObject({ code: 'INPUT_INVALID' });
    expect(await rpc('recovery.find', { folder: tempDir('yingbin-empty-drive-') })).toEqual({ ok: true, value: [] });
    expect(await rpc('recovery.find', { folder: drive })).toEqual({
      ok: true,
      value: [expect.objectContaining({ file: onDrive, encrypted: true, intact: true })],
    });
    // Only a backup found in the folder named.
    expect(
      (await rpc('recovery.restore', { file: backup, passphrase: RECOVERY_PASSPHRASE, folder: drive })).error,
    ).toMatchObject({ code: 'INPUT_INVALID' });

    expect(await rpc('recovery.restore', { file: onDrive, passphrase: 'a-wrong-passphrase', folder: drive })).toEqual({
      ok: false,
      error: { code: 'PASSPHRASE_WRONG' },
    });
    expect(host.current).not.toBeNull();
    expect(await rpc('setup.status')).toEqual({ ok: true, value: { needsSetup: true } });

    expect((await rpc('recovery.restore', { file: onDrive, passphrase: RECOVERY_PASSPHRASE, folder: drive })).ok).toBe(
      true,
    );
    expect(await rpc('setup.status')).toMatchObject({
      ok: true,
      value: { needsSetup: false, propertyName: '西湖宾馆' },
    });
    expect((await rpc('auth.signIn', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    expect(await rpc('vault.status')).toMatchObject({ ok: true, value: { state: 'open' } });
    // Set up now: nothing more to restore over it.
    expect(
      (await rpc('recovery.restore', { file: onDrive, passphrase: RECOVERY_PASSPHRASE, folder: drive })).error,
    ).toMatchObject({ code: 'RECOVERY_NOT_NEEDED' });
    expect((await rpc('recovery.find', { folder: drive })).error).toMatchObject({ code: 'RECOVERY_NOT_NEEDED' });
  });
});
