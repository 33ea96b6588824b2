/**
 * What a voucher prints beyond the booking reaches the server through property.update's write
 * rule: the property's address and phone, and the check-in and check-out time settings. (What the
 * rule refuses — another setting, a time that is no time of day — is in tests/unit/write-rules-stay-times.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, signIn } from '../integration/desk';
import { BACKENDS } from './backends';
import { hostileSuite, rowIn, serverTable, syncDesk } from './hostile-desk';

describe.each(BACKENDS)('the voucher’s details on %s', (backend) => {
  const suite = hostileSuite(backend);

  it('an admin’s address, phone and stay times reach the server', async () => {
    const property = await suite.property();
    const { attacker, joined, server, propertyId } = property;
    await signIn(joined, 'admin', ADMIN.password);
    const { property: current } = (await joined.call('auth.session'))!;
    await joined.call('property.update', {
      name: current.name,
      timeZone: current.timeZone,
      currency: current.currency,
      idleLockMinutes: current.idleLockMinutes,
      maxStayNights: current.maxStayNights,
      address: '杭州市西湖区北山街 88 号',
      phone: '0571-8888 6666',
      checkInTime: '15:00',
      checkOutTime: '11:00',
    });
    const update = await attacker.lastOutbox('property.update');
    await syncDesk(joined);
    const settings = await serverTable(server, propertyId, 'setting');
    expect(settings.get('checkInTime')!.value_json).toBe('"15:00"');
    expect(settings.get('checkOutTime')!.value_json).toBe('"11:00"');
    const stored = (await serverTable(server, propertyId, 'property')).get(propertyId)!;
    expect(stored).toMatchObject({ address: '杭州市西湖区北山街 88 号', phone: '0571-8888 6666' });

    // The desk's save wrote exactly the two time settings beside the property row.
    expect(rowIn(update, 'setting', 'checkOutTime').value_json).toBe('"11:00"');
  });
});
