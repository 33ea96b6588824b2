import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logOverduePaperwork } from '../../src-main/services/approvals/paperwork';
import { NO_ID_NUMBER, sealPhone } from '../../src-main/vault/guest-fields';
import { addStaff, ADMIN, openDesk, setUpDesk, signIn, type Desk } from './desk';

let desk: Desk;
let guestId: string;

async function guestCount() {
  return (
    await desk.services.db
      .selectFrom('guest')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow()
  ).n;
}

async function auditOf(operation: string) {
  return desk.services.db
    .selectFrom('audit_log')
    .selectAll()
    .where('operation', '=', operation)
    .orderBy('seq')
    .execute();
}

beforeEach(async () => {
  desk = await openDesk();
  await setUpDesk(desk);
  for (const [name, role] of [
    ['lina', 'agent'],
    ['fang', 'agent'],
    ['chen', 'supervisor'],
    ['zhao', 'supervisor'],
    ['zhou', 'director'],
  ] as const) {
    await addStaff(desk, name, role);
  }
  const at = desk.clock.now().toISOString();
  const phone = sealPhone(await desk.services.vault.open(desk.services.db), '13812345678');
  guestId = '0192f000-0000-7000-8000-000000000001';
  for (const [id, no, name] of [
    [guestId, 'C00000001', '王芳'],
    ['0192f000-0000-7000-8000-000000000002', 'C00000002', '李伟'],
  ]) {
    await desk.services.db
      .insertInto('guest')
      .values({
        id: id!,
        customer_no: no!,
        name: name!,
        ...phone,
        ...NO_ID_NUMBER,
        segment: 'leisure',
        id_type: null,
        preferences: null,
        special_needs: null,
        email: null,
        temporary: 0,
        created_at: at,
        updated_at: at,
        server_version: null,
        deleted_at: null,
        erased_at: null,
      })
      .execute();
  }
  await signIn(desk, 'lina');
});
afterEach(() => desk.close());

async function requestDeletion(reason = '客人要求注销档案') {
  return desk.call('approvals.request', { operation: 'guests.delete', input: { id: guestId }, reason });
}

describe('an operation that needs approval', () => {
  it('is held, not applied, when an agent tries it', async () => {
    const before = await desk.counts();
    expect(await desk.fail('guests.delete', { id: guestId })).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'supervisor', dualReview: 1 },
    });
    expect(await desk.counts()).toEqual(before);
    expect(await guestCount()).toBe(2);
  });

  it('runs once a supervisor approves at the desk with their own password; the agent stays signed in', async () => {
    const request = await requestDeletion();
    expect(request).toMatchObject({
      status: 'pending',
      subject: { type: 'guest', label: '王芳 (C00000001)' },
      awaiting: { approverRole: 'supervisor', dualReview: true },
    });
    expect(await guestCount()).toBe(2);

    const wrong = await desk.fail('approvals.approveAtDesk', {
      requestId: request.id,
      username: 'chen',
      password: 'not-his-password',
    });
    expect(wrong.code).toBe('WRONG_CREDENTIALS');
    expect(
      (
        await desk.services.db
          .selectFrom('staff')
          .select('failed_attempts')
          .where('username', '=', 'chen')
          .executeTakeFirstOrThrow()
      ).failed_attempts,
    ).toBe(1);

    const approved = await desk.call('approvals.approveAtDesk', {
      requestId: request.id,
      username: 'chen',
      password: 'chen-pass-1',
      comment: '已核实身份',
    });
    expect(approved.status).toBe('executed');
    expect(approved.decisions).toEqual([
      expect.objectContaining({
        kind: 'approve',
        approved: true,
        reviewed: true,
        atDesk: true,
        emergency: false,
        decider: expect.objectContaining({ name: 'chen', role: 'supervisor' }),
        comment: '已核实身份',
      }),
    ]);
    expect(await guestCount()).toBe(1);
    expect((await desk.call('auth.session'))?.user.username).toBe('lina');

    const [deletion] = await auditOf('guests.delete');
    expect(deletion).toMatchObject({ actor_name: 'lina', outcome: 'ok', entity_id: guestId });
    expect(JSON.parse(deletion!.detail_json!).approval).toEqual({
      requestId: request.id,
      deciders: [{ id: expect.any(String), name: 'chen', role: 'supervisor', emergency: false }],
    });
    expect(
      await desk.services.db.selectFrom('outbox').select('name').where('name', '=', 'guests.delete').execute(),
    ).toHaveLength(1);
  });

  it('waits in the queue and is approved later by a supervisor from their own desk session', async () => {
    const request = await requestDeletion();
    await signIn(desk, 'zhao');
    expect(await desk.call('approvals.counts')).toEqual({ toDecide: 1, overduePaperwork: 0 });
    expect((await desk.call('approvals.list', { view: 'toDecide' })).map((r) => r.id)).toEqual([request.id]);
    const decided = await desk.call('approvals.decide', {
      requestId: request.id,
      decision: 'approve',
      comment: '同意',
    });
    expect(decided.status).toBe('executed');
    expect(await desk.call('approvals.counts')).toEqual({ toDecide: 0, overduePaperwork: 0 });

    await signIn(desk, 'lina');
    const [mine] = await desk.call('approvals.list', { view: 'mine' });
    expect(mine).toMatchObject({
      id: request.id,
      status: 'executed',
      decisions: [expect.objectContaining({ comment: '同意', atDesk: false })],
    });
  });

  it('runs exactly once even if approve is clicked twice', async () => {
    const request = await requestDeletion();
    await signIn(desk, 'chen');
    await desk.call('approvals.decide', { requestId: request.id, decision: 'approve' });
    expect((await desk.fail('approvals.decide', { requestId: request.id, decision: 'approve' })).code).toBe(
      'APPROVAL_NOT_PENDING',
    );
    await signIn(desk, 'zhao');
    expect((await desk.fail('approvals.decide', { requestId: request.id, decision: 'approve' })).code).toBe(
      'APPROVAL_NOT_PENDING',
    );
    expect(await auditOf('guests.delete')).toHaveLength(1);
    expect(await desk.services.db.selectFrom('approval_decision').selectAll().execute()).toHaveLength(1);
  });

  it('changes nothing else when rejected, and records the reason', async () => {
    const request = await requestDeletion();
    await signIn(desk, 'chen');
    const rejected = await desk.call('approvals.decide', {
      requestId: request.id,
      decision: 'reject',
      comment: '客人仍有未结账单',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisions: [expect.objectContaining({ kind: 'reject', comment: '客人仍有未结账单' })],
    });
    expect(await guestCount()).toBe(2);
    expect(await auditOf('guests.delete')).toEqual([]);
    expect(
      await desk.services.db.selectFrom('outbox').select('name').where('name', '=', 'guests.delete').execute(),
    ).toEqual([]);
  });

  it('refuses the requester approving their own request', async () => {
    await signIn(desk, 'chen');
    const request = await desk.call('approvals.request', {
      operation: 'guests.export',
      input: { query: '' },
      reason: '月度营销',
    });
    expect(request.awaiting).toEqual({ approverRole: 'director', dualReview: true });
    expect(
      (await desk.fail('approvals.decide', { requestId: request.id, decision: 'approve', emergency: true })).code,
    ).toBe('APPROVAL_OWN_REQUEST');
    await signIn(desk, 'lina');
    expect(
      (await desk.fail('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' }))
        .code,
    ).toBe('APPROVER_NOT_ALLOWED');
  });

  it('checks the approver tier at approval time: a supervisor demoted since the request is refused', async () => {
    const request = await requestDeletion();
    await signIn(desk, 'admin', ADMIN.password);
    const [zhao] = (await desk.call('staff.list')).filter((s) => s.username === 'zhao');
    await desk.call('staff.update', { id: zhao!.id, displayName: 'zhao', role: 'agent', active: true });
    await signIn(desk, 'lina');
    expect(
      (await desk.fail('approvals.approveAtDesk', { requestId: request.id, username: 'zhao', password: 'zhao-pass-1' }))
        .code,
    ).toBe('APPROVER_NOT_ALLOWED');
    expect((await desk.call('approvals.get', { requestId: request.id })).status).toBe('pending');
    expect(await guestCount()).toBe(2);
  });

  it('asks for a director for an export and refuses a supervisor without an emergency', async () => {
    await signIn(desk, 'zhao');
    const request = await desk.call('approvals.request', {
      operation: 'guests.export',
      input: { query: '王' },
      reason: '公安协查',
    });
    await signIn(desk, 'chen');
    expect(await desk.fail('approvals.decide', { requestId: request.id, decision: 'approve' })).toEqual({
      code: 'APPROVER_TIER_TOO_LOW',
      params: { role: 'director' },
    });
    await signIn(desk, 'zhou');
    const done = await desk.call('approvals.decide', { requestId: request.id, decision: 'approve' });
    expect(done).toMatchObject({
      status: 'executed',
      emergency: false,
      result: { fileName: 'guests-2026-11-26.csv', rows: 1 },
    });
    // The file is kept with the request, which syncs: phones in it are masked.
    expect((done.result as { csv: string }).csv).toContain('C00000001,王芳,138****5678,leisure');
    expect((done.result as { csv: string }).csv).not.toContain('13812345678');
  });
});

describe('emergency authorisation', () => {
  it('lets a supervisor authorise beyond the tier at once, with paperwork due that shows when overdue', async () => {
    await signIn(desk, 'zhao');
    const request = await desk.call('approvals.request', {
      operation: 'guests.export',
      input: { query: '' },
      reason: '消防疏散名单',
    });
    await signIn(desk, 'chen');
    const done = await desk.call('approvals.decide', {
      requestId: request.id,
      decision: 'approve',
      emergency: true,
      comment: '紧急疏散',
    });
    expect(done).toMatchObject({
      status: 'executed',
      emergency: true,
      paperworkDueAt: '2026-11-29T02:00:00.000Z',
      paperworkDoneAt: null,
    });
    expect(done.decisions[0]).toMatchObject({ emergency: true, approved: true, reviewed: true });

    expect(await logOverduePaperwork(desk.services)).toBe(0);
    desk.clock.advanceMinutes(3 * 24 * 60 + 1);
    await signIn(desk, 'chen');
    expect(await desk.call('approvals.counts')).toEqual({ toDecide: 0, overduePaperwork: 1 });
    expect(await logOverduePaperwork(desk.services)).toBe(1);
    expect(await logOverduePaperwork(desk.services)).toBe(0);
    expect(await auditOf('approvals.paperworkOverdue')).toHaveLength(1);
    expect((await desk.call('approvals.list', { view: 'paperwork' })).map((r) => r.id)).toEqual([request.id]);

    await desk.call('approvals.completePaperwork', { requestId: request.id, note: '纸质审批单已由总监补签' });
    expect(await desk.call('approvals.counts')).toEqual({ toDecide: 0, overduePaperwork: 0 });
  });
});

describe('dual review', () => {
  it('holds a supervisor’s own deletion until a second person with the permission reviews it', async () => {
    await signIn(desk, 'chen');
    expect(await desk.fail('guests.delete', { id: guestId })).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: '', dualReview: 1 },
    });
    const request = await desk.call('approvals.request', {
      operation: 'guests.delete',
      input: { id: guestId },
      reason: '重复档案',
    });
    expect(request.awaiting).toEqual({ approverRole: null, dualReview: true });
    await signIn(desk, 'fang');
    const reviewed = await desk.call('approvals.decide', {
      requestId: request.id,
      decision: 'approve',
      comment: '确认重复',
    });
    expect(reviewed).toMatchObject({
      status: 'executed',
      decisions: [expect.objectContaining({ approved: false, reviewed: true })],
    });
    expect(await guestCount()).toBe(1);
  });

  it('records a held operation that can no longer run as failed, changing nothing', async () => {
    const first = await requestDeletion('第一次');
    const second = await requestDeletion('第二次');
    await signIn(desk, 'chen');
    await desk.call('approvals.decide', { requestId: first.id, decision: 'approve' });
    const failed = await desk.call('approvals.decide', { requestId: second.id, decision: 'approve' });
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'GUEST_ERASED' });
    expect(await auditOf('guests.delete')).toHaveLength(1);
  });
});

describe('the policy is data', () => {
  it('refuses tiers that do not rise and changes nothing', async () => {
    await signIn(desk, 'admin', ADMIN.password);
    const policy = await desk.call('approvals.policy');
    expect(policy.tiers).toHaveLength(3);
    const bad = await desk.fail('approvals.setPolicy', {
      ...policy,
      tiers: [
        { maxAmountFen: null, approverRole: 'supervisor' },
        { maxAmountFen: 100, approverRole: 'director' },
      ],
    });
    expect(bad).toEqual({ code: 'POLICY_INVALID', params: { reason: 'tiers' } });
    expect(await desk.call('approvals.policy')).toEqual(policy);
  });

  it('takes effect on the next call when an admin drops a rule', async () => {
    await signIn(desk, 'admin', ADMIN.password);
    const policy = await desk.call('approvals.policy');
    await desk.call('approvals.setPolicy', {
      ...policy,
      rules: policy.rules.filter((r) => r.operation !== 'guests.delete'),
    });
    await signIn(desk, 'lina');
    expect(await desk.call('guests.delete', { id: guestId })).toEqual({ id: guestId });
    expect(
      (await desk.fail('approvals.request', { operation: 'guests.delete', input: { id: guestId }, reason: '无需' }))
        .code,
    ).toBe('NOT_FOUND');
  });

  it('refuses a request for an operation the engine cannot hold, or with bad input', async () => {
    expect((await desk.fail('approvals.request', { operation: 'staff.create', input: {}, reason: '试试' })).code).toBe(
      'NOT_APPROVABLE',
    );
    expect(
      await desk.fail('approvals.request', { operation: 'guests.delete', input: { id: 'nope' }, reason: '试试' }),
    ).toMatchObject({ code: 'INPUT_INVALID', fields: ['input.id'] });
  });
});
