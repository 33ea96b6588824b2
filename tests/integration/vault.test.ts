/**
 * The property key vault on one desk: made at setup behind a strong recovery passphrase, kept in
 * the desk's store (a labelled owner-only test file here) and never in the database; a new
 * passphrase wraps the same key and waits for the director; a property set up before the vault
 * gets its key once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recoveryEnvelope } from '@shared/rules/passphrase';
import { VAULT_TEST_FILE } from '../../src-main/vault/secret-store';
import { unwrapWithPassphrase } from '../../src-main/vault/recovery';
import { addStaff, ADMIN, openDesk, RECOVERY_PASSPHRASE, setUpDesk, signIn, type Desk } from './desk';

let desk: Desk;
afterEach(async () => {
  await desk?.close();
  if (desk) fs.rmSync(desk.dataDir, { recursive: true, force: true });
});

const NEW_PASSPHRASE = 'the-bench-under-the-third-willow';

async function storedEnvelope() {
  const row = await desk.services.db
    .selectFrom('property')
    .select(['key_envelope', 'key_id'])
    .executeTakeFirstOrThrow();
  return { envelope: recoveryEnvelope.parse(JSON.parse(row.key_envelope!)), keyId: row.key_id };
}

function storedKey(): Buffer {
  const stored = JSON.parse(fs.readFileSync(path.join(desk.dataDir, VAULT_TEST_FILE), 'utf8')) as {
    propertyKey: string;
  };
  return Buffer.from(stored.propertyKey, 'base64');
}

describe('the property key', () => {
  it('is made at setup, kept in an owner-only test store outside the database, and wrapped by the recovery passphrase', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const status = await desk.call('vault.status');
    const { envelope, keyId } = await storedEnvelope();
    expect(status).toEqual({ state: 'open', store: 'test-file', keyId });

    const file = path.join(desk.dataDir, VAULT_TEST_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const key = storedKey();
    expect(key).toHaveLength(32);
    expect(await unwrapWithPassphrase(envelope, RECOVERY_PASSPHRASE)).toEqual(key);
    expect(await unwrapWithPassphrase(envelope, 'lake-view-lantern-evening')).toBeNull();

    desk.services.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(path.join(desk.dataDir, 'yingbin.db'));
    expect(bytes.includes(key)).toBe(false);
    expect(bytes.includes(Buffer.from(key.toString('base64')))).toBe(false);
  });

  it('refuses a weak recovery passphrase at setup and sets nothing up', async () => {
    desk = await openDesk();
    for (const weak of ['password123', 'short1!', '1234567890123']) {
      const error = await desk.fail('setup.initialize', {
        property: { name: '西湖宾馆', timeZone: 'Asia/Shanghai', currency: 'CNY' },
        admin: ADMIN,
        recoveryPassphrase: weak,
      });
      expect(error).toEqual({ code: 'PASSPHRASE_WEAK', params: { min: 10 }, fields: ['recoveryPassphrase'] });
    }
    expect(await desk.call('setup.status')).toEqual({ needsSetup: true });
    expect(await desk.call('setup.status')).toEqual({ needsSetup: true });
    expect(await desk.services.db.selectFrom('staff').select('id').execute()).toEqual([]);
  });

  it('keeps the recovery passphrase out of the audit trail and the outbox', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const audit = await desk.services.db.selectFrom('audit_log').select('detail_json').execute();
    const outbox = await desk.services.db.selectFrom('outbox').selectAll().execute();
    expect(JSON.stringify([audit, outbox])).not.toContain(RECOVERY_PASSPHRASE);
  });
});

describe('a new recovery passphrase', () => {
  it('wraps the same key, waits for a director, and leaves the old passphrase valid until approved', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    await addStaff(desk, 'zhou', 'director');
    await signIn(desk, 'admin', ADMIN.password);
    const before = await storedEnvelope();

    expect((await desk.fail('vault.sealRecovery', { passphrase: 'password123' })).code).toBe('PASSPHRASE_WEAK');
    const envelope = await desk.call('vault.sealRecovery', { passphrase: NEW_PASSPHRASE });
    expect(envelope.keyId).toBe(before.keyId);
    expect(await desk.fail('vault.changePassphrase', { envelope })).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'director', dualReview: 0 },
    });
    expect(await storedEnvelope()).toEqual(before);

    const request = await desk.call('approvals.request', {
      operation: 'vault.changePassphrase',
      input: { envelope },
      reason: '店长交接',
    });
    const approved = await desk.call('approvals.approveAtDesk', {
      requestId: request.id,
      username: 'zhou',
      password: 'zhou-pass-1',
    });
    expect(approved.status).toBe('executed');

    const after = await storedEnvelope();
    expect(after.keyId).toBe(before.keyId);
    expect(await unwrapWithPassphrase(after.envelope, NEW_PASSPHRASE)).toEqual(storedKey());
    expect(await unwrapWithPassphrase(after.envelope, RECOVERY_PASSPHRASE)).toBeNull();
    const outbox = await desk.services.db
      .selectFrom('outbox')
      .select('input_json')
      .where('name', '=', 'vault.changePassphrase')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(JSON.stringify(outbox)).not.toContain(NEW_PASSPHRASE);
  });

  it('is refused when the envelope wraps another key', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    await addStaff(desk, 'zhou', 'director');
    await signIn(desk, 'admin', ADMIN.password);
    const before = await storedEnvelope();
    const envelope = {
      ...(await desk.call('vault.sealRecovery', { passphrase: NEW_PASSPHRASE })),
      keyId: 'AAAAAAAAAAAAAAAA',
    };
    const request = await desk.call('approvals.request', {
      operation: 'vault.changePassphrase',
      input: { envelope },
      reason: '试探',
    });
    const decided = await desk.call('approvals.approveAtDesk', {
      requestId: request.id,
      username: 'zhou',
      password: 'zhou-pass-1',
    });
    expect(decided.status).toBe('failed');
    expect(await storedEnvelope()).toEqual(before);
  });
});

describe('a property set up before the vault', () => {
  async function legacyDesk(): Promise<void> {
    desk = await openDesk();
    await setUpDesk(desk);
    await desk.services.db.updateTable('property').set({ key_envelope: null, key_id: null }).execute();
  }

  it('gets its key once, from an admin with a strong passphrase', async () => {
    await legacyDesk();
    expect((await desk.call('vault.status')).state).toBe('unset');
    expect((await desk.fail('vault.create', { passphrase: 'west-lake' })).code).toBe('PASSPHRASE_WEAK');
    const status = await desk.call('vault.create', { passphrase: NEW_PASSPHRASE });
    expect(status.state).toBe('open');
    const { envelope } = await storedEnvelope();
    expect(await unwrapWithPassphrase(envelope, NEW_PASSPHRASE)).toEqual(storedKey());
    expect((await desk.fail('vault.create', { passphrase: NEW_PASSPHRASE })).code).toBe('VAULT_EXISTS');
    expect(
      await desk.services.db.selectFrom('outbox').select('name').where('name', '=', 'vault.create').execute(),
    ).toHaveLength(1);
  });

  it('is not for agents', async () => {
    await legacyDesk();
    await addStaff(desk, 'lina', 'agent');
    await signIn(desk, 'lina');
    expect((await desk.fail('vault.create', { passphrase: NEW_PASSPHRASE })).code).toBe('PERMISSION_DENIED');
    expect((await desk.fail('vault.unlock', { passphrase: RECOVERY_PASSPHRASE })).code).toBe('PERMISSION_DENIED');
    expect((await desk.call('vault.status')).state).toBe('unset');
  });
});
