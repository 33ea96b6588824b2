/** Pushing mutations: applied and stamped, replays answered from the store, gaps, schema checks, permissions and duplicates. */
import { DESK_SCHEMA_VERSION, SNAPSHOT_OPERATION, type SyncErrorBody } from '@shared/sync/protocol';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, serverFor } from './backends';
import { ADMIN, AGENT, SUPERVISOR, booking, foundProperty, joinDesk, room, roomType, staff } from './fixtures';
import type { TestServer } from './harness';

describe.each(BACKENDS)('push on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server.close());

  it('applies a mutation, stamps server_version on its rows, and answers a replay from the store without re-applying', async () => {
    const { founder } = await foundProperty(server, [roomType('rt-std')]);
    const desk = await joinDesk(server, founder.propertyId);
    const mutation = desk.mutation('bookings.create', booking(desk, 'b1', 'rt-std', ['2026-12-24']), {
      actorId: AGENT,
    });
    // No rooms of the type: the sale is contested, which a replay must answer the same way.
    const first = await desk.push([mutation]);
    expect(first.status).toBe(200);
    expect(first.body.lastSeq).toBe(1);
    expect(first.body.results[0]).toMatchObject({ seq: 1, status: 'conflict' });

    const before = await desk.pullAll();
    const bookingRow = before.find((c) => c.table === 'booking')!;
    expect(bookingRow.row).toMatchObject({ id: 'b1', server_version: bookingRow.version });
    // booking_night rows carry no server_version column: stored as sent.
    expect(before.find((c) => c.table === 'booking_night')!.row).not.toHaveProperty('server_version');

    const replay = await desk.push([mutation]);
    expect(replay.body).toEqual(first.body);
    expect(await desk.pullAll()).toEqual(before);
  });

  it('answers 409 SEQ_GAP with the last sequence when the first mutation skips one, and stops at a gap later in a batch', async () => {
    const { founder } = await foundProperty(server);
    const desk = await joinDesk(server, founder.propertyId);
    const one = desk.mutation('job.changes', []);
    desk.mutation('job.changes', []); // seq 2, never sent
    const three = desk.mutation('job.changes', []);
    expect(await desk.push([three])).toEqual({ status: 409, body: { error: 'SEQ_GAP', lastSeq: 0 } });

    const batch = await desk.push([one, three]);
    expect(batch.status).toBe(200);
    expect(batch.body).toEqual({ lastSeq: 1, results: [{ seq: 1, status: 'applied' }], checkpoint: null });
  });

  it('asks an older desk to upgrade (426) and tells a newer desk the server is outdated (400)', async () => {
    const { founder } = await foundProperty(server);
    expect((await founder.push([], DESK_SCHEMA_VERSION - 1)).body).toEqual({
      error: 'UPGRADE_REQUIRED',
      minSchemaVersion: DESK_SCHEMA_VERSION,
    });
    const newer = await founder.push([], DESK_SCHEMA_VERSION + 1);
    expect(newer).toEqual({ status: 400, body: { error: 'SERVER_OUTDATED' } });
  });

  it('refuses a malformed push with 400 BAD_REQUEST', async () => {
    const { founder } = await foundProperty(server);
    const reply = await founder.push([{ seq: 0 } as never]);
    expect(reply.status).toBe(400);
    expect((reply.body as unknown as SyncErrorBody).error).toBe('BAD_REQUEST');
  });

  it('rejects an agent managing staff (PERMISSION_DENIED) with the server’s rows to restore, and the queue moves on', async () => {
    const { founder } = await foundProperty(server);
    const desk = await joinDesk(server, founder.propertyId);
    const changedSupervisor = staff(SUPERVISOR, 'admin');
    const rejected = await desk.run('staff.update', [changedSupervisor], {
      actorId: AGENT,
      input: { id: SUPERVISOR, displayName: SUPERVISOR, role: 'admin', active: true },
    });
    expect(rejected).toMatchObject({ seq: 1, status: 'rejected', reason: 'PERMISSION_DENIED', detail: 'staff.manage' });
    expect(rejected.restore).toEqual([
      { table: 'staff', key: SUPERVISOR, row: expect.objectContaining({ role: 'supervisor' }) },
    ]);
    expect((await desk.pullAll()).find((c) => c.key === SUPERVISOR)!.row).toMatchObject({ role: 'supervisor' });

    // Nothing blocks the next one; staff made by an admin applies.
    const newStaff = staff('staff-new', 'agent');
    expect((await desk.run('staff.create', [newStaff], { actorId: ADMIN })).status).toBe('applied');
    expect((await desk.pullAll()).find((c) => c.key === 'staff-new')!.row).toMatchObject({ role: 'agent' });
  });

  it('rejects an unknown or inactive actor (STAFF_UNKNOWN), an unknown operation or table, and a held operation on an approval the server does not hold', async () => {
    const { founder } = await foundProperty(server, [roomType('rt-a'), room('r-a1', 'rt-a', '101')]);
    const desk = await joinDesk(server, founder.propertyId);
    expect((await desk.run('bookings.create', [], { actorId: 'nobody' })).reason).toBe('STAFF_UNKNOWN');
    const gone = staff('staff-gone', 'admin', 'gone', 0);
    expect((await desk.run('staff.create', [gone], { actorId: ADMIN })).status).toBe('applied');
    expect((await desk.run('bookings.create', [], { actorId: 'staff-gone' })).reason).toBe('STAFF_UNKNOWN');
    expect(await desk.run('bookings.fly', [], { actorId: AGENT })).toMatchObject({
      status: 'rejected',
      reason: 'UNKNOWN_OPERATION',
    });
    expect(
      await desk.run('bookings.create', [{ table: 'secret_table', key: 'x', row: { id: 'x' } }], { actorId: AGENT }),
    ).toMatchObject({
      status: 'rejected',
      reason: 'WRITE_NOT_ALLOWED',
      detail: 'table:secret_table',
    });
    // An agent may not change inventory; a sale past the last room on an approval nobody gave is refused.
    expect((await desk.run('rooms.save', [room('r-a2', 'rt-a', '102')], { actorId: AGENT })).reason).toBe(
      'PERMISSION_DENIED',
    );
    const overbooked = await desk.run('bookings.overbook', booking(desk, 'b-ob', 'rt-a', ['2026-12-20']), {
      actorId: AGENT,
      approvalId: uuidv7(),
    });
    expect(overbooked).toMatchObject({ status: 'rejected', reason: 'APPROVAL_INVALID', detail: 'unknown approval' });
  });

  it('accepts the snapshot only from the founding desk (NOT_FOUNDING_DESK)', async () => {
    const { founder } = await foundProperty(server);
    const desk = await joinDesk(server, founder.propertyId);
    // The founding snapshot may come in several chunks…
    expect((await founder.run(SNAPSHOT_OPERATION, [roomType('rt-x')])).status).toBe('applied');
    // …never from another desk…
    expect((await desk.run(SNAPSHOT_OPERATION, [roomType('rt-y')])).reason).toBe('NOT_FOUNDING_DESK');
    // …and once anything else went up, not even from the founding desk.
    expect((await founder.run(SNAPSHOT_OPERATION, [roomType('rt-z')])).reason).toBe('NOT_FOUNDING_DESK');
    expect((await desk.pullAll()).filter((c) => c.table === 'room_type').map((c) => c.key)).toEqual(['rt-x']);
  });

  it('rejects a room number another desk already used (DUPLICATE) and restores the desk’s room', async () => {
    const { founder } = await foundProperty(server, [roomType('rt-b')]);
    const east = await joinDesk(server, founder.propertyId);
    const west = await joinDesk(server, founder.propertyId);
    expect((await east.run('rooms.save', [room('room-east', 'rt-b', '201')], { actorId: ADMIN })).status).toBe(
      'applied',
    );
    const duplicate = await west.run('rooms.save', [room('room-west', 'rt-b', '201')], { actorId: ADMIN });
    expect(duplicate).toEqual({
      seq: 1,
      status: 'rejected',
      reason: 'DUPLICATE',
      detail: 'room:201',
      restore: [{ table: 'room', key: 'room-west', row: null }],
    });
    // Re-saving the same room with its own number is no duplicate.
    expect(
      (await east.run('rooms.save', [room('room-east', 'rt-b', '201', 'vacant_clean', 2)], { actorId: ADMIN })).status,
    ).toBe('applied');
  });

  it('rejects two rows of one mutation that claim the same natural key, and a row filed under another row’s key', async () => {
    const { founder } = await foundProperty(server, [roomType('rt-c')]);
    const desk = await joinDesk(server, founder.propertyId);
    const twice = await desk.run('rooms.save', [room('room-1', 'rt-c', '301'), room('room-2', 'rt-c', '301')], {
      actorId: ADMIN,
    });
    expect(twice).toMatchObject({ status: 'rejected', reason: 'DUPLICATE', detail: 'room:301' });
    const misfiled = { ...room('room-3', 'rt-c', '302'), key: 'room-1' };
    expect(await desk.run('rooms.save', [misfiled], { actorId: ADMIN })).toMatchObject({
      status: 'rejected',
      reason: 'MALFORMED',
      detail: 'room:room-1',
    });
    expect((await desk.pullAll()).filter((change) => change.table === 'room')).toEqual([]);
  });

  it('refuses an intent its actor did not sign: unsigned, signed by someone else, or with its input changed after signing (SIGNATURE_INVALID)', async () => {
    const { founder } = await foundProperty(server, [roomType('rt-s')]);
    const desk = await joinDesk(server, founder.propertyId);
    const save = (code: string) => [roomType(`rt-${code}`)];
    const unsigned = await desk.run('roomTypes.save', save('u'), { actorId: ADMIN, signedBy: null });
    expect(unsigned).toMatchObject({ status: 'rejected', reason: 'SIGNATURE_INVALID', detail: 'unsigned' });
    // A desk where only the agent signed in cannot act as the admin: it holds the admin's id, not their key.
    const asAdmin = await desk.run('roomTypes.save', save('a'), { actorId: ADMIN, signedBy: AGENT });
    expect(asAdmin).toMatchObject({
      status: 'rejected',
      reason: 'SIGNATURE_INVALID',
      detail: 'signed by someone else',
    });
    const signed = desk.mutation('roomTypes.save', save('i'), { actorId: ADMIN, input: { code: 'RT-I' } });
    expect((await desk.push([{ ...signed, input: { code: 'RT-X' } }])).body.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'SIGNATURE_INVALID',
      detail: 'bad signature',
    });
    expect((await desk.pullAll()).filter((c) => c.table === 'room_type').map((c) => c.key)).toEqual(['rt-s']);
    // The same change, signed by the admin, applies.
    expect((await desk.run('roomTypes.save', save('a'), { actorId: ADMIN })).status).toBe('applied');
  });
});
