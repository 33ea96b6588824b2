import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../src-main/db/connection';
import { recoverAuditKey } from '../../src-main/services/audit/escrow';
import { propertyEnvelope } from '../../src-main/vault/recovery';
import { unwrapWithPassphrase } from '../../src-main/vault/recovery';
import { fileSecretStore, VAULT_TEST_FILE } from '../../src-main/vault/secret-store';
import { Vault } from '../../src-main/vault/vault';
import { hmacUnder, plainSha256, rewriteAuditLog, writeLegacyEntries } from './audit-attack';
import { addStaff, openDesk, RECOVERY_PASSPHRASE, setUpDesk, signIn, tempDir, type Desk } from './desk';

let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

describe('the audit trail', () => {
  it('is append-only in the database itself', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    expect(() => desk!.services.sqlite.prepare("UPDATE audit_log SET actor_name = 'someone else'").run()).toThrow(
      /append-only/,
    );
    expect(() => desk!.services.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('verifies an untouched chain and names the first entry changed behind its back', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    for (const name of ['lina', 'zhou', 'chen']) await addStaff(desk, name, 'agent');
    expect(await desk.call('audit.verify')).toEqual({ ok: true, checked: 4, keyedFrom: 1, checkpoint: null });
    const dataDir = desk.dataDir;
    await desk.close();
    desk = undefined;

    const raw = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET detail_json = replace(detail_json, 'zhou', 'nobody') WHERE seq = 3`).run();
    raw.close();

    desk = await openDesk(dataDir);
    await desk.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
    expect(await desk.call('audit.verify')).toEqual({
      ok: false,
      checked: 2,
      firstBrokenSeq: 3,
      reason: 'hash',
      keyedFrom: 1,
      checkpoint: null,
    });
  });

  it('detects a removed entry by the broken link after it', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    for (const name of ['lina', 'zhou']) await addStaff(desk, name, 'agent');
    const dataDir = desk.dataDir;
    await desk.close();
    desk = undefined;
    const raw = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.close();
    desk = await openDesk(dataDir);
    await desk.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
    expect(await desk.call('audit.verify')).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'gap' });
  });

  it('lists newest first with filters and pages', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    for (const name of ['lina', 'zhou', 'chen']) await addStaff(desk, name, 'agent');
    const first = await desk.call('audit.list', { operation: 'staff.create', limit: 2 });
    expect(first.entries.map((e) => (e.detail?.after as { username: string }).username)).toEqual(['chen', 'zhou']);
    const second = await desk.call('audit.list', {
      operation: 'staff.create',
      limit: 2,
      beforeSeq: first.nextBeforeSeq!,
    });
    expect(second.entries.map((e) => e.entityType)).toEqual(['staff']);
    expect(second.nextBeforeSeq).toBeNull();
    // 02:00Z is 10:00 in Shanghai on 2026-11-26: the local day filter must include it, the day before must not.
    expect((await desk.call('audit.list', { from: '2026-11-26', to: '2026-11-26' })).entries).toHaveLength(4);
    expect((await desk.call('audit.list', { to: '2026-11-25' })).entries).toHaveLength(0);
    expect((await desk.call('audit.list', { actor: 'admin', outcome: 'denied' })).entries).toHaveLength(0);
  });
});

/** `npm run audit:verify` on a data folder, as an operator runs it. */
function auditVerifyCli(dataDir: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), 'src-main/cli/audit-verify.ts', '--data-dir', dataDir],
    {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

/** A desk set up with three staff made (five entries), closed: its folder, ready to be tampered with. */
async function closedDeskWithStaff(): Promise<string> {
  desk = await openDesk();
  await setUpDesk(desk);
  for (const name of ['lina', 'zhou', 'chen']) await addStaff(desk, name, 'agent');
  await signIn(desk, 'lina');
  const dataDir = desk.dataDir;
  await desk.close();
  desk = undefined;
  return dataDir;
}

async function verifyAsAdmin(dataDir: string) {
  desk = await openDesk(dataDir);
  await desk.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
  return desk.call('audit.verify');
}

describe('the keyed audit chain', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reports the rewrite of the issue (triggers dropped, an entry deleted, the rest renumbered and rehashed with plain SHA-256) broken by the key, in the app and from the command line', async () => {
    const dataDir = await closedDeskWithStaff();
    folders.push(dataDir);
    rewriteAuditLog(dataDir, { drop: 3, hashFor: () => plainSha256 });

    const cli = auditVerifyCli(dataDir);
    expect(cli.status).toBe(1);
    expect(cli.output).toContain('Audit chain BROKEN at entry #3');
    expect(cli.output).toContain('rewritten without the key');
    expect(cli.output).not.toContain('Audit chain OK');
    expect(await verifyAsAdmin(dataDir)).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3, reason: 'key' });
  });

  it('reports the same rewrite hashed with a wrong key broken at the first entry rewritten', async () => {
    const dataDir = await closedDeskWithStaff();
    folders.push(dataDir);
    rewriteAuditLog(dataDir, { drop: 2, hashFor: () => hmacUnder(randomBytes(32)) });
    expect(auditVerifyCli(dataDir).status).toBe(1);
    expect(await verifyAsAdmin(dataDir)).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: 2, reason: 'hash' });
  });

  it('says OK from the command line for an untouched chain', async () => {
    const dataDir = await closedDeskWithStaff();
    folders.push(dataDir);
    const cli = auditVerifyCli(dataDir);
    expect(cli).toMatchObject({ status: 0 });
    expect(cli.output).toContain("Audit chain OK: 5 entries verified (keyed by this desk's audit key from entry #1).");
    expect(cli.output).toContain('No server checkpoint to check against');
  });

  it('verifies from the command line a desk that keeps its audit key in the OS keychain, from the escrow and the recovery passphrase', async () => {
    const dataDir = await closedDeskWithStaff();
    folders.push(dataDir);
    // The keychain's wrapped file cannot be opened outside the app: as far as the command can tell, there is no test store.
    fs.rmSync(path.join(dataDir, VAULT_TEST_FILE));

    const without = auditVerifyCli(dataDir);
    expect(without.status).toBe(2);
    expect(without.output).toContain('YINGBIN_RECOVERY_PASSPHRASE');
    const wrong = auditVerifyCli(dataDir, { YINGBIN_RECOVERY_PASSPHRASE: 'not-the-lake-view-passphrase' });
    expect(wrong.status).toBe(2);
    expect(wrong.output).toContain('not the property’s');
    const right = auditVerifyCli(dataDir, { YINGBIN_RECOVERY_PASSPHRASE: RECOVERY_PASSPHRASE });
    expect(right.status).toBe(0);
    expect(right.output).toContain('Audit chain OK: 5 entries verified');

    rewriteAuditLog(dataDir, { drop: 4, hashFor: () => plainSha256 });
    const rewritten = auditVerifyCli(dataDir, { YINGBIN_RECOVERY_PASSPHRASE: RECOVERY_PASSPHRASE });
    expect(rewritten.status).toBe(1);
    expect(rewritten.output).toContain('Audit chain BROKEN at entry #4');
  });

  it('verifies the plain SHA-256 prefix of older builds followed by keyed entries, and reports a rewritten prefix where the first keyed entry no longer links to it', async () => {
    const dataDir = tempDir();
    folders.push(dataDir);
    // An older build's database: migrated, three plain entries, no vault yet.
    const { db } = await openDatabase(dataDir);
    await db.destroy();
    writeLegacyEntries(dataDir, ['auth.signIn', 'staff.create', 'auth.signOut']);
    desk = await openDesk(dataDir);
    expect(desk.services.vault.audit.fromSeq).toBe(4);
    await setUpDesk(desk);
    await addStaff(desk, 'lina', 'agent');
    expect(await desk.call('audit.verify')).toEqual({ ok: true, checked: 5, keyedFrom: 4, checkpoint: null });
    await desk.close();
    desk = undefined;

    // The prefix rewritten whole and consistently (it has no key to forge): the keyed entry after it still names the old hash.
    rewriteAuditLog(dataDir, {
      alter: { seq: 2, detail: '{"after":{"username":"nobody"}}' },
      rehashThrough: 3,
      hashFor: () => plainSha256,
    });
    expect(await verifyAsAdmin(dataDir)).toMatchObject({ ok: false, checked: 3, firstBrokenSeq: 4, reason: 'link' });
  });

  it('keeps the audit key in escrow under the property key, so a restore on a new PC verifies the chain again', async () => {
    const dataDir = await closedDeskWithStaff();
    folders.push(dataDir);
    desk = await openDesk(dataDir);
    const original = desk.services.vault.audit;
    const envelope = await propertyEnvelope(desk.services.db);
    const propertyKey = (await unwrapWithPassphrase(envelope!, RECOVERY_PASSPHRASE))!;
    const sealed = (await desk.services.db.selectFrom('device').select('audit_key_sealed').executeTakeFirstOrThrow())
      .audit_key_sealed;
    expect(sealed).not.toBeNull();
    expect(sealed).not.toContain(original.key.toString('base64'));
    expect(await recoverAuditKey(desk.services.db, propertyKey)).toEqual(original);
    expect(await recoverAuditKey(desk.services.db, randomBytes(32))).toBeNull();
    await desk.close();
    desk = undefined;

    // A new PC: the database file alone, no key store. Without the escrow its keyed entries cannot be told from forgeries.
    const bare = tempDir();
    const restored = tempDir();
    folders.push(bare, restored);
    for (const folder of [bare, restored])
      fs.copyFileSync(path.join(dataDir, DATABASE_FILE), path.join(folder, DATABASE_FILE));
    expect(await verifyAsAdmin(bare)).toMatchObject({ ok: false, firstBrokenSeq: 1, reason: 'hash' });
    await desk!.close();
    desk = undefined;

    const copy = await openDatabase(restored);
    const recovered = await recoverAuditKey(copy.db, propertyKey);
    await copy.db.destroy();
    await Vault.restore(fileSecretStore(path.join(restored, VAULT_TEST_FILE)), { propertyKey, audit: recovered! });
    expect(await verifyAsAdmin(restored)).toMatchObject({ ok: true, keyedFrom: 1 });
  });
});
