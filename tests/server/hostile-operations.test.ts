/**
 * A hostile desk naming operations it may not send and actors who may not act: first-run setup,
 * made-up and desk-local jobs, a second founding snapshot, an agent managing staff, a dismissed or
 * deleted account, and a hijacked enrolment. Each attack is refused with its reason, and neither
 * the server nor the honest founding desk, once it has synced, sees any change.
 */
import { SNAPSHOT_OPERATION, type EnrolResponse } from '@shared/sync/protocol';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { ADMIN, addStaff, signIn } from '../integration/desk';
import { BACKENDS } from './backends';
import { enrolBody, post, TestDesk } from './desk';
import { signedInKey } from './desk-signing';
import {
  chosenHash,
  craft,
  effectOf,
  HostileDesk,
  hostileSuite,
  refusal,
  serverTable,
  type HostileProperty,
} from './hostile-desk';

const AT = '2026-11-26T02:00:00.000Z';

/** A staff row as a desk writes it. */
function staffRow(id: string, username: string, role: string, passwordHash: string) {
  return {
    id,
    username,
    display_name: username,
    role,
    password_hash: passwordHash,
    active: 1,
    created_at: AT,
    updated_at: AT,
    server_version: null,
    deleted_at: null,
  };
}

/** The server's row of one staff member, for an attacker to edit. */
async function staffOnServer(property: HostileProperty, username: string) {
  const row = (await serverTable(property.server, property.propertyId, 'staff')).get(property.staff[username]!);
  if (!row) throw new Error(`${username} is not on the server`);
  return row;
}

describe.each(BACKENDS)('a hostile desk naming what it may not on %s', (backend) => {
  const suite = hostileSuite(backend);

  it('first-run setup pushed with no actor, making the agent an admin with a chosen password, is refused (UNKNOWN_OPERATION)', async () => {
    const property = await suite.property();
    const { attacker, founder } = property;
    const promoted = {
      ...(await staffOnServer(property, 'lina')),
      role: 'admin',
      password_hash: await chosenHash('taken-over-1'),
    };
    const before = await property.state();

    const [result] = await attacker.push(
      craft('setup.initialize', [effectOf('staff', promoted)], {
        input: {
          property: { name: '西湖宾馆', timeZone: 'Asia/Shanghai', currency: 'CNY' },
          admin: { username: 'lina', displayName: 'lina', password: '[redacted]' },
        },
      }),
    );

    expect(result).toMatchObject(refusal('UNKNOWN_OPERATION', 'setup.initialize'));
    expect(await property.state()).toEqual(before);
    // At the honest desk lina is still an agent, and the attacker's password opens nothing.
    expect(await founder.fail('auth.signIn', { username: 'lina', password: 'taken-over-1' })).toMatchObject({
      code: 'WRONG_CREDENTIALS',
    });
    expect((await founder.call('auth.signIn', { username: 'lina', password: 'lina-pass-1' })).user.role).toBe('agent');
  });

  it('a made-up job with no actor granting agents permissions.manage and hard-deleting a guest is refused (UNKNOWN_OPERATION), and so is the same under job.changes (WRITE_NOT_ALLOWED)', async () => {
    const property = await suite.property();
    const { attacker, hotel } = property;
    const effects = [
      effectOf('role_permission', { role: 'agent', permission: 'permissions.manage' }),
      { table: 'guest', key: hotel.guest, row: null },
    ];
    const before = await property.state();

    const results = await attacker.push(
      craft('job.anything', effects),
      craft('job.changes', effects),
      craft('job.nightAudit', effects),
    );

    expect(results).toEqual([
      expect.objectContaining(refusal('UNKNOWN_OPERATION', 'job.anything')),
      // The desk's own job may only mark overdue paperwork: a permission row is outside it.
      expect.objectContaining(refusal('WRITE_NOT_ALLOWED', expect.stringContaining('role_permission'))),
      expect.objectContaining(refusal('UNKNOWN_OPERATION', 'job.nightAudit')),
    ]);
    expect(await property.state()).toEqual(before);
    expect(await property.founder.call('guests.get', { id: hotel.guest })).toMatchObject({ name: '王芳' });
  });

  it('operations that never travel — a query, a desk-local sign-in — carrying a staff row are refused (UNKNOWN_OPERATION)', async () => {
    const property = await suite.property();
    const { attacker, staff } = property;
    const promoted = { ...(await staffOnServer(property, 'lina')), role: 'admin' };
    const before = await property.state();

    const results = await attacker.push(
      craft('staff.list', [effectOf('staff', promoted)], { actorId: staff.admin }),
      craft('auth.signIn', [effectOf('staff', promoted)], {
        actorId: staff.lina,
        input: { username: 'lina', password: '[redacted]' },
      }),
      craft('sync.enrol', [effectOf('staff', promoted)], { actorId: staff.admin }),
    );

    expect(results.map((r) => r.reason)).toEqual(['UNKNOWN_OPERATION', 'UNKNOWN_OPERATION', 'UNKNOWN_OPERATION']);
    expect(await property.state()).toEqual(before);
  });

  it('the founding snapshot sent again after other pushes — by the founding desk itself or by another — is refused (NOT_FOUNDING_DESK)', async () => {
    const property = await suite.property();
    const { attacker } = property;
    const rows = [
      effectOf('staff', { ...(await staffOnServer(property, 'lina')), role: 'admin' }),
      effectOf('role_permission', { role: 'agent', permission: 'staff.manage' }),
    ];
    const before = await property.state();

    const [fromFounder] = await property.founderToken().push(craft(SNAPSHOT_OPERATION, rows));
    const [fromJoined] = await attacker.push(craft(SNAPSHOT_OPERATION, rows));

    expect(fromFounder).toMatchObject(refusal('NOT_FOUNDING_DESK'));
    expect(fromJoined).toMatchObject(refusal('NOT_FOUNDING_DESK'));
    expect(await property.state()).toEqual(before);
  });

  it('an agent creating an admin account or granting agents permissions.manage is refused (PERMISSION_DENIED)', async () => {
    const property = await suite.property();
    const { attacker, staff } = property;
    const mallory = staffRow(uuidv7(), 'mallory', 'admin', await chosenHash());
    const before = await property.state();

    const results = await attacker.push(
      craft('staff.create', [effectOf('staff', mallory)], {
        actorId: staff.lina,
        input: { username: 'mallory', displayName: 'mallory', role: 'admin', password: '[redacted]' },
      }),
      craft('permissions.set', [effectOf('role_permission', { role: 'agent', permission: 'permissions.manage' })], {
        actorId: staff.lina,
        input: { role: 'agent', permission: 'permissions.manage', granted: true },
      }),
    );

    expect(results).toEqual([
      expect.objectContaining(refusal('PERMISSION_DENIED', 'staff.manage')),
      expect.objectContaining(refusal('PERMISSION_DENIED', 'permissions.manage')),
    ]);
    expect(await property.state()).toEqual(before);
  });

  it('a desk where only the agent signed in cannot make her an admin by naming the admin as the actor (SIGNATURE_INVALID)', async () => {
    // The issue's first hole under another name: the founding desk pulled it and the agent signed in as admin.
    // The admin holds staff.manage; what the desk cannot show is that she was there: only her password makes her key.
    const property = await suite.property();
    const { attacker, joined, founder, staff } = property;
    const lina = await staffOnServer(property, 'lina');
    const promote = () =>
      craft('staff.update', [effectOf('staff', { ...lina, role: 'admin' }, ['role'])], {
        actorId: staff.admin,
        input: { id: lina.id, displayName: 'lina', role: 'admin', active: true },
      });
    const linaKey = signedInKey(joined)!;
    const claimed = promote();
    const before = await property.state();

    const [asDesk] = await attacker.push(promote());
    const [forged, unsigned] = await attacker.pushAsIs(
      // Lina's signature under the admin's name, and no signature at all.
      { ...claimed, signedBy: staff.admin, signature: linaKey.sign({ ...claimed, input: claimed.input ?? null }) },
      { ...promote(), signedBy: null, signature: null },
    );

    expect(asDesk).toMatchObject(refusal('SIGNATURE_INVALID', 'signed by someone else'));
    expect(forged).toMatchObject(refusal('SIGNATURE_INVALID', 'bad signature'));
    expect(unsigned).toMatchObject(refusal('SIGNATURE_INVALID', 'unsigned'));
    expect(await property.state()).toEqual(before);
    expect((await founder.call('auth.signIn', { username: 'lina', password: 'lina-pass-1' })).user.role).toBe('agent');
    // Signed in at that desk, the admin may make that change: it was her absence that was refused.
    await signIn(joined, 'admin', ADMIN.password);
    expect((await attacker.push(promote()))[0]).toMatchObject({ status: 'applied' });
  });

  it('a dismissed admin, a deleted director and a made-up staff id cannot reset the agent’s password (STAFF_UNKNOWN)', async () => {
    const property = await suite.property({
      async beforeFounding(desk) {
        const zhou = await addStaff(desk, 'zhou', 'admin');
        await desk.call('staff.update', { id: zhou.id, displayName: 'zhou', role: 'admin', active: false });
        await addStaff(desk, 'wuhao', 'director');
        // No operation deletes staff: a deleted account can only have come with the founding snapshot.
        desk.services.sqlite.prepare("UPDATE staff SET deleted_at = ? WHERE username = 'wuhao'").run(AT);
      },
    });
    const { attacker, joined, staff } = property;
    const lina = await staffOnServer(property, 'lina');
    const hash = await chosenHash();
    const reset = (actorId: string) =>
      craft('staff.resetPassword', [effectOf('staff', { ...lina, password_hash: hash }, ['password_hash'])], {
        actorId,
        input: { id: lina.id, password: '[redacted]' },
      });
    const before = await property.state();

    const results = await attacker.push(reset(staff.zhou!), reset(staff.wuhao!), reset(uuidv7()));

    expect(results.map((r) => r.reason)).toEqual(['STAFF_UNKNOWN', 'STAFF_UNKNOWN', 'STAFF_UNKNOWN']);
    expect(await property.state()).toEqual(before);
    // The same reset by the active admin, signed in at that desk, is a well-formed change: it was the actor that was refused.
    await signIn(joined, 'admin', ADMIN.password);
    expect((await attacker.push(reset(staff.admin!)))[0]).toMatchObject({ status: 'applied' });
  });

  it('a founding code with the property’s id, or another desk’s device id, gets no token: the hijacker pulls no guest and no staff hash', async () => {
    const property = await suite.property();
    const { server, propertyId, founder } = property;
    const guests = await serverTable(server, propertyId, 'guest');
    const hashes = [...(await serverTable(server, propertyId, 'staff')).values()].map((row) =>
      String(row.password_hash),
    );
    const before = await property.state();

    // The hijacker holds a property of its own on the same server, legitimately.
    const own = await TestDesk.enrol(server, await server.issueCode(), { propertyId: uuidv7() });
    const claimProperty = enrolBody(await server.issueCode(), { propertyId, hasBusinessData: true });
    const claimDevice = enrolBody(await server.issueCode(own.propertyId), { deviceId: founder.services.device.id });
    const answers = [
      await post<EnrolResponse>(server.url, '/devices/enrol', claimProperty),
      await post<EnrolResponse>(server.url, '/devices/enrol', claimDevice),
    ];
    // Whatever a token would have let the hijacker read, with its own token's reading beside it.
    const readable = [...(await own.pullAll())];
    for (const [i, answer] of answers.entries()) {
      if (answer.body.token)
        readable.push(
          ...(await new HostileDesk(server, [claimProperty, claimDevice][i]!.deviceId, answer.body.token).pullAll()),
        );
    }

    expect(answers).toEqual([
      { status: 409, body: { error: 'PROPERTY_EXISTS' } },
      { status: 403, body: { error: 'DEVICE_PROOF_REQUIRED' } },
    ]);
    const pulled = JSON.stringify(readable.map((change) => change.row));
    for (const [id, guest] of guests) {
      expect(pulled).not.toContain(id);
      for (const sealed of [guest.phone_sealed, guest.id_number_sealed])
        if (sealed) expect(pulled).not.toContain(String(sealed));
    }
    for (const hash of hashes) expect(pulled).not.toContain(hash);
    // The founding desk still syncs with its own token, and its property is as it was.
    expect(await property.state()).toEqual(before);
  });
});
