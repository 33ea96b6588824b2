/**
 * A hostile desk naming whom it likes on a complaint: an escalation whose co-owner is the admin
 * (no complaints.supervise on the server) or a supervisor on a group complaint (a director's), and
 * a hand-over to someone who is not the property's staff. The desk's write rule sees only
 * that the input names them; the server checks them against its own staff and matrix, refuses,
 * and changes nothing. The honest escalation goes through.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './backends';
import { hostileSuite, refusal, variant, type HostileProperty, type Mutation } from './hostile-desk';

/** The mutation with every row and the input naming `staffId` where the honest one named `honest`. */
function renamed(mutation: Mutation, honest: string, staffId: string, inputKey: string): Mutation {
  const swap = (value: unknown) => (value === honest ? staffId : value);
  return variant(mutation, {
    input: { ...(mutation.input as Record<string, unknown>), [inputKey]: staffId },
    effects: mutation.effects.map((effect) =>
      effect.row === null
        ? effect
        : { ...effect, row: Object.fromEntries(Object.entries(effect.row).map(([k, v]) => [k, swap(v)])) },
    ),
  });
}

async function opened(property: HostileProperty, severity: 'major' | 'group') {
  const { joined, attacker } = property;
  const complaint = await joined.call('complaints.open', {
    channel: 'in_person',
    category: 'food',
    severity,
    description: '菜品中有异物',
  });
  const outbox = await attacker.outbox();
  expect((await attacker.push(...outbox)).map((r) => r.status)).toEqual(outbox.map(() => 'applied'));
  return complaint;
}

describe.each(BACKENDS)('a hostile desk naming whom it likes on a complaint on %s', (backend) => {
  const suite = hostileSuite(backend);

  it('an escalation naming the admin as co-owner is refused; the honest one, naming the supervisor, goes through', async () => {
    const property = await suite.property();
    const { joined, attacker, staff } = property;
    const complaint = await opened(property, 'major');
    await joined.call('complaints.escalate', { id: complaint.id, supervisorId: staff.chen! });
    const honest = await attacker.lastOutbox('complaints.escalate');
    const before = await property.state();

    const [forged] = await attacker.push(renamed(honest, staff.chen!, staff.admin!, 'supervisorId'));
    expect(forged).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', `co_owner_id ${staff.admin!} may not co-own a major complaint`),
    );
    expect(await property.state()).toEqual(before);

    const [result] = await attacker.push(honest);
    expect(result).toMatchObject({ status: 'applied' });
  });

  it('a supervisor named co-owner of a group complaint is refused: a director co-owns it', async () => {
    const property = await suite.property();
    const { joined, attacker, staff } = property;
    const group = await opened(property, 'group');
    // The desk's own copy of chen, made a director where nobody syncs it, so the desk lets chen co-own.
    joined.services.sqlite.exec(`UPDATE staff SET role = 'director' WHERE id = '${staff.chen!}';
      DELETE FROM sync_touched WHERE table_name = 'staff';`);
    await joined.call('complaints.escalate', { id: group.id, supervisorId: staff.chen! });
    const before = await property.state();

    const [result] = await attacker.push(await attacker.lastOutbox('complaints.escalate'));
    expect(result).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', `co_owner_id ${staff.chen!} may not co-own a group complaint`),
    );
    expect(await property.state()).toEqual(before);
  });

  it('a hand-over to someone who is not the property’s staff is refused', async () => {
    const property = await suite.property();
    const { joined, attacker, staff } = property;
    const complaint = await opened(property, 'major');
    await joined.call('complaints.offerHandover', { id: complaint.id, toStaffId: staff.chen! });
    const honest = await attacker.lastOutbox('complaints.offerHandover');
    const before = await property.state();
    const [forged] = await attacker.push(renamed(honest, staff.chen!, 'staff-unknown', 'toStaffId'));
    expect(forged).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', 'pending_owner_id staff-unknown does not handle complaints'),
    );
    expect(await property.state()).toEqual(before);
  });
});
