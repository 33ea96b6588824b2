/**
 * The property key across desks and the server: a joining desk has the property's rows but not its
 * key until an admin types the recovery passphrase (a wrong one changes nothing and is audited);
 * the server only ever holds the envelope; a new passphrase reaches every desk; a desk cannot
 * push a second key for the property or an envelope of another key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VAULT_TEST_FILE } from '../../src-main/vault/secret-store';
import { addStaff, ADMIN, RECOVERY_PASSPHRASE, signIn, type Desk } from '../integration/desk';
import { BACKENDS, serverFor } from '../server/backends';
import type { TestServer } from '../server/harness';
import { effectOf, HostileDesk, refusal, rowIn, variant } from '../server/hostile-desk';
import { foundingDesk, joinedDesk, propertyId, syncAll } from './desks';

const NEW_PASSPHRASE = 'the-bench-under-the-third-willow';

function heldKey(desk: Desk): string | null {
  return (
    JSON.parse(fs.readFileSync(path.join(desk.dataDir, VAULT_TEST_FILE), 'utf8')) as { propertyKey: string | null }
  ).propertyKey;
}

describe.each(BACKENDS)('the property key across desks on %s', (backend) => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;

  beforeAll(async () => {
    server = await serverFor(backend);
    ({ desk: a } = await foundingDesk(server));
    await signIn(a, 'admin', ADMIN.password);
    await addStaff(a, 'zhou', 'director');
    await a.services.sync.syncNow();
    b = await joinedDesk(server, a);
  });

  afterAll(async () => {
    for (const desk of [a, b]) {
      await desk?.close();
      if (desk) fs.rmSync(desk.dataDir, { recursive: true, force: true });
    }
    await server?.close();
  });

  it('reaches a joining desk only through the recovery passphrase; a wrong one is audited and changes nothing', async () => {
    await signIn(b, 'admin', ADMIN.password);
    expect(await b.call('vault.status')).toMatchObject({
      state: 'locked',
      keyId: (await a.call('vault.status')).keyId,
    });
    expect(heldKey(b)).toBeNull();

    expect((await b.fail('vault.unlock', { passphrase: 'lake-view-lantern-evening' })).code).toBe('PASSPHRASE_WRONG');
    expect((await b.call('vault.status')).state).toBe('locked');
    const refused = await b.services.db
      .selectFrom('audit_log')
      .select(['outcome', 'detail_json'])
      .where('operation', '=', 'vault.unlock')
      .execute();
    expect(refused).toEqual([expect.objectContaining({ outcome: 'failed' })]);
    expect(JSON.stringify(refused)).not.toContain('lantern');

    expect((await b.call('vault.unlock', { passphrase: RECOVERY_PASSPHRASE })).state).toBe('open');
    expect(heldKey(b)).toBe(heldKey(a));
  });

  it('is held by the server only as the envelope', async () => {
    const rows = await server.db.db
      .selectFrom('sync_row')
      .select('data')
      .where('property_id', '=', await propertyId(a))
      .execute();
    const everything = rows.map((row) => row.data ?? '').join('\n');
    expect(everything).toContain((await a.call('vault.status')).keyId!);
    expect(everything).not.toContain(heldKey(a)!);
    expect(everything).not.toContain(RECOVERY_PASSPHRASE);
  });

  it('gets a new passphrase on one desk, approved by the director, and every desk has the new envelope', async () => {
    await signIn(a, 'admin', ADMIN.password);
    const envelope = await a.call('vault.sealRecovery', { passphrase: NEW_PASSPHRASE });
    const request = await a.call('approvals.request', {
      operation: 'vault.changePassphrase',
      input: { envelope },
      reason: '店长交接',
    });
    expect(
      (await a.call('approvals.approveAtDesk', { requestId: request.id, username: 'zhou', password: 'zhou-pass-1' }))
        .status,
    ).toBe('executed');
    await syncAll(a, b);
    const envelopes = await Promise.all(
      [a, b].map(
        async (desk) =>
          (await desk.services.db.selectFrom('property').select('key_envelope').executeTakeFirstOrThrow()).key_envelope,
      ),
    );
    expect(JSON.parse(envelopes[1]!)).toEqual(envelope);
    expect(envelopes[0]).toBe(envelopes[1]);
    expect((await b.call('sync.status')).openConflicts).toBe(0);
  });

  it('refuses a second key for the property and an envelope of another key (WRITE_NOT_ALLOWED)', async () => {
    await signIn(b, 'admin', ADMIN.password);
    const envelope = await b.call('vault.sealRecovery', { passphrase: NEW_PASSPHRASE });
    const request = await b.call('approvals.request', {
      operation: 'vault.changePassphrase',
      input: { envelope },
      reason: '试探',
    });
    await b.call('approvals.approveAtDesk', { requestId: request.id, username: 'zhou', password: 'zhou-pass-1' });
    const attacker = HostileDesk.of(server, b);
    const honest = await attacker.lastOutbox('vault.changePassphrase');
    const property = rowIn(honest, 'property');
    const otherKey = { ...JSON.parse(String(property.key_envelope)), keyId: 'AAAAAAAAAAAAAAAA' };

    const results = await attacker.push(
      variant(honest, {
        effects: [effectOf('property', { ...property, key_envelope: JSON.stringify(otherKey) }, ['key_envelope'])],
      }),
      variant(honest, {
        effects: [
          effectOf('property', { ...property, key_id: 'AAAAAAAAAAAAAAAA', key_envelope: JSON.stringify(otherKey) }, [
            'key_envelope',
            'key_id',
          ]),
        ],
      }),
      variant(honest, {
        name: 'vault.create',
        approvalId: null,
        input: { passphrase: '' },
        effects: [
          effectOf('property', { ...property, key_id: 'AAAAAAAAAAAAAAAA', key_envelope: JSON.stringify(otherKey) }, [
            'key_envelope',
            'key_id',
          ]),
        ],
      }),
    );
    expect(results).toEqual([
      expect.objectContaining(refusal('WRITE_NOT_ALLOWED', expect.stringMatching(/envelope wraps another key/))),
      expect.objectContaining(refusal('WRITE_NOT_ALLOWED', expect.stringMatching(/key_id/))),
      expect.objectContaining(refusal('WRITE_NOT_ALLOWED', expect.stringMatching(/already has a key/))),
    ]);
  });
});
