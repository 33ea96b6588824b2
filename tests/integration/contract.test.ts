import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, ADMIN, openDesk, RECOVERY_PASSPHRASE, setUpDesk, signIn, type Desk } from './desk';

let desk: Desk;
afterEach(() => desk?.close());

describe('the contract wrapper', () => {
  it('runs a mutation with its audit entry and an outbox row carrying no secrets', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const created = await addStaff(desk, 'lina', 'agent');
    expect(created).toMatchObject({ username: 'lina', role: 'agent', active: true });

    const outbox = await desk.services.db.selectFrom('outbox').selectAll().orderBy('seq').execute();
    // First-run setup never travels (a server refuses public operations): it reaches a server in the founding snapshot.
    expect(outbox.map((row) => [row.seq, row.name])).toEqual([[1, 'staff.create']]);
    expect(outbox[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(JSON.parse(outbox[0]!.input_json)).toMatchObject({ username: 'lina', password: '[redacted]' });
    expect(outbox[0]!.schema_version).toBeGreaterThan(0);
    expect((await desk.services.db.selectFrom('device').select('last_seq').executeTakeFirstOrThrow()).last_seq).toBe(1);

    const audit = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'staff.create')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_name: ADMIN.username,
      entity_type: 'staff',
      entity_id: created.id,
      outcome: 'ok',
    });
    expect(audit.detail_json).not.toContain('lina-pass-1');
    const hash = await desk.services.db
      .selectFrom('staff')
      .select('password_hash')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses malformed input with the offending fields and changes nothing', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const before = await desk.counts();
    const error = await desk.fail('staff.create', {
      username: 'a b',
      displayName: '',
      role: 'chef',
      password: 'short',
    });
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.fields).toEqual(expect.arrayContaining(['username', 'displayName', 'role', 'password']));
    expect(await desk.counts()).toEqual(before);
    expect((await desk.fail('staff.create', 'not an object')).code).toBe('INPUT_INVALID');
    expect(await desk.counts()).toEqual(before);
  });

  it('refuses an unknown operation by name', async () => {
    desk = await openDesk();
    expect(await desk.fail('staff.dropAll', {})).toEqual({
      code: 'UNKNOWN_OPERATION',
      params: { name: 'staff.dropAll' },
    });
  });

  it('denies an agent an admin operation, audits the attempt and changes nothing else', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    await addStaff(desk, 'lina', 'agent');
    await signIn(desk, 'lina');
    const before = await desk.counts();
    const error = await desk.fail('staff.create', {
      username: 'intruder',
      displayName: 'x',
      role: 'admin',
      password: 'whatever-123',
    });
    expect(error).toEqual({ code: 'PERMISSION_DENIED', params: { permission: 'staff.manage' } });
    const after = await desk.counts();
    expect(after).toEqual({ ...before, audit_log: before.audit_log + 1 });
    const denied = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(denied).toMatchObject({ operation: 'staff.create', outcome: 'denied', actor_name: 'lina' });
    expect(denied.detail_json).toContain('"password":"[redacted]"');
  });

  it('requires a session for anything but the public operations', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    await desk.call('auth.signOut');
    expect((await desk.fail('staff.list')).code).toBe('NOT_SIGNED_IN');
    expect(await desk.call('setup.status')).toEqual({
      needsSetup: false,
      propertyName: '西湖宾馆',
      timeZone: 'Asia/Shanghai',
    });
    expect(await desk.call('auth.session')).toBeNull();
  });

  it('sets the property up only once', async () => {
    desk = await openDesk();
    expect(await desk.call('setup.status')).toEqual({ needsSetup: true });
    await setUpDesk(desk);
    const before = await desk.counts();
    const error = await desk.fail('setup.initialize', {
      property: { name: '另一家', timeZone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'other', displayName: 'x', password: 'other-pass-1' },
      recoveryPassphrase: RECOVERY_PASSPHRASE,
    });
    expect(error.code).toBe('ALREADY_SET_UP');
    expect(await desk.counts()).toEqual(before);
  });

  it('rejects a time zone or currency that does not exist', async () => {
    desk = await openDesk();
    const error = await desk.fail('setup.initialize', {
      property: { name: '西湖宾馆', timeZone: 'Asia/Hangzhou', currency: 'RMB' },
      admin: ADMIN,
      recoveryPassphrase: RECOVERY_PASSPHRASE,
    });
    expect(error.fields).toEqual(['property.timeZone', 'property.currency']);
    expect(await desk.call('setup.status')).toEqual({ needsSetup: true });
  });
});
