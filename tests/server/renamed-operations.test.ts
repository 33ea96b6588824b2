/**
 * An operation renamed since a desk queued an intent under its old name (members.enroll is now
 * members.enrol): the intent, signed under the old name, is judged as the operation it is now and
 * applied once; a name that never existed is still refused.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './backends';
import { hostileSuite, refusal, serverTable, variant } from './hostile-desk';

describe.each(BACKENDS)('a renamed operation on %s', (backend) => {
  const suite = hostileSuite(backend);

  it('takes an intent signed under the old name as the new operation, and refuses a name that never was', async () => {
    const property = await suite.property();
    const { attacker, joined, hotel } = property;
    await joined.call('members.enrol', { guestId: hotel.guest });
    const enrolled = await attacker.lastOutbox('members.enrol');
    // What a desk queued before the rename: the same intent under the name its person signed then.
    const queuedBefore = variant(enrolled, { name: 'members.enroll' });

    const [made, unknown] = await attacker.push(queuedBefore, variant(enrolled, { name: 'members.enrollment' }));

    expect(made).toEqual({ seq: expect.any(Number), status: 'applied' });
    expect(unknown).toMatchObject(refusal('UNKNOWN_OPERATION'));
    const members = [...(await serverTable(property.server, property.propertyId, 'member')).values()];
    expect(members).toEqual([expect.objectContaining({ guest_id: hotel.guest, status: 'active' })]);
  });
});
