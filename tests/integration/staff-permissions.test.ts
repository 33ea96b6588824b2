import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, ADMIN, openDesk, setUpDesk, signIn, type Desk } from './desk';

let desk: Desk;
afterEach(() => desk?.close());

describe('staff accounts', () => {
  it('refuses a username that is taken', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    await addStaff(desk, 'lina', 'agent');
    const before = await desk.counts();
    expect(
      await desk.fail('staff.create', { username: 'Lina', displayName: 'x', role: 'agent', password: 'whatever-1' }),
    ).toEqual({
      code: 'USERNAME_TAKEN',
      params: { username: 'lina' },
    });
    expect(await desk.counts()).toEqual(before);
  });

  it('keeps at least one active admin', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const [admin] = await desk.call('staff.list');
    expect(
      (await desk.fail('staff.update', { id: admin!.id, displayName: 'x', role: 'supervisor', active: true })).code,
    ).toBe('LAST_ADMIN');
    expect(
      (await desk.fail('staff.update', { id: admin!.id, displayName: 'x', role: 'admin', active: false })).code,
    ).toBe('LAST_ADMIN');
    await addStaff(desk, 'second', 'admin');
    const demoted = await desk.call('staff.update', {
      id: admin!.id,
      displayName: '王经理',
      role: 'supervisor',
      active: true,
    });
    expect(demoted.role).toBe('supervisor');
    // The session follows the change: the demoted admin can no longer manage staff.
    expect((await desk.fail('staff.list')).code).toBe('PERMISSION_DENIED');
  });

  it('records before and after of an edit in the audit trail', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const lina = await addStaff(desk, 'lina', 'agent');
    await desk.call('staff.update', { id: lina.id, displayName: '李娜', role: 'service_rep', active: true });
    const entry = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'staff.update')
      .executeTakeFirstOrThrow();
    const detail = JSON.parse(entry.detail_json!) as {
      before: { role: string };
      after: { role: string; displayName: string };
    };
    expect(detail.before.role).toBe('agent');
    expect(detail.after).toMatchObject({ role: 'service_rep', displayName: '李娜' });
  });
});

describe('the permission matrix is data', () => {
  it('starts from the defaults and takes effect on the next call', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    await addStaff(desk, 'lina', 'agent');
    const matrix = await desk.call('permissions.matrix');
    expect(matrix.granted.agent).not.toContain('audit.view');
    expect(matrix.granted.admin).toContain('permissions.manage');
    await desk.call('permissions.set', { role: 'agent', permission: 'audit.view', granted: true });

    await signIn(desk, 'lina');
    const page = await desk.call('audit.list', {});
    expect(page.entries.length).toBeGreaterThan(0);

    await signIn(desk, 'admin', ADMIN.password);
    await desk.call('permissions.set', { role: 'agent', permission: 'audit.view', granted: false });
    await signIn(desk, 'lina');
    expect((await desk.fail('audit.list', {})).code).toBe('PERMISSION_DENIED');
  });

  it('never lets the admin role lose the matrix itself', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const before = await desk.counts();
    expect(
      await desk.fail('permissions.set', { role: 'admin', permission: 'permissions.manage', granted: false }),
    ).toEqual({
      code: 'ADMIN_PERMISSION_FIXED',
      params: { permission: 'permissions.manage' },
    });
    expect(await desk.counts()).toEqual(before);
  });
});
