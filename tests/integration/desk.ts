/** A real desk for tests: services over a SQLite file in a fresh temporary folder, with a clock the test moves. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import type { AppErrorValue } from '@shared/errors';
import { dispatch } from '../../src-main/services/rpc/dispatch';
import type { Services } from '../../src-main/services/desk-services';
import { createServices } from '../../src-main/services/services';

export class TestClock {
  constructor(private current = new Date('2026-11-26T02:00:00.000Z')) {}
  now = () => new Date(this.current);
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
  setTo(instant: string): void {
    this.current = new Date(instant);
  }
}

export interface Desk {
  services: Services;
  clock: TestClock;
  dataDir: string;
  call<N extends OperationName>(name: N, input?: InputOf<N>): Promise<OutputOf<N>>;
  fail(name: string, input?: unknown): Promise<AppErrorValue>;
  counts(): Promise<Record<'staff' | 'audit_log' | 'outbox' | 'role_permission', number>>;
  close(): Promise<void>;
}

const madeDirs = new Set<string>();

/** A fresh folder, removed after the test file's last test (tests/support/remove-temp-dirs.ts). */
export function tempDir(prefix = 'yingbin-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.add(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file; a test that reopens a desk's folder keeps it until then. */
export function removeTempDirs(): void {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
  madeDirs.clear();
}

export async function openDesk(dataDir = tempDir()): Promise<Desk> {
  const clock = new TestClock();
  const services = await createServices({ dataDir, clock });
  const desk: Desk = {
    services,
    clock,
    dataDir,
    async call(name, input) {
      const result = await dispatch(services, name, input ?? {});
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fail(name, input) {
      const result = await dispatch(services, name, input ?? {});
      if (result.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(result.value)}`);
      return result.error;
    },
    async counts() {
      const count = async (table: 'staff' | 'audit_log' | 'outbox' | 'role_permission') =>
        (
          await services.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      return {
        staff: await count('staff'),
        audit_log: await count('audit_log'),
        outbox: await count('outbox'),
        role_permission: await count('role_permission'),
      };
    },
    close: () => services.close(),
  };
  return desk;
}

export const ADMIN = { username: 'admin', displayName: '王经理', password: 'admin-pass-1' };
/** The property's recovery passphrase in tests: strong enough for the setup's check. */
export const RECOVERY_PASSPHRASE = 'lake-view-lantern-morning';

/** First run: the property and its first admin, who is then signed in. */
export async function setUpDesk(desk: Desk): Promise<void> {
  await desk.call('setup.initialize', {
    property: { name: '西湖宾馆', timeZone: 'Asia/Shanghai', currency: 'CNY' },
    admin: ADMIN,
    recoveryPassphrase: RECOVERY_PASSPHRASE,
  });
}

export async function addStaff(
  desk: Desk,
  username: string,
  role: 'agent' | 'service_rep' | 'supervisor' | 'director' | 'admin',
  password = `${username}-pass-1`,
) {
  return desk.call('staff.create', { username, displayName: username, role, password });
}

export async function signIn(desk: Desk, username: string, password = `${username}-pass-1`) {
  return desk.call('auth.signIn', { username, password });
}

/** A regular guest's nightly price cut to `nightlyFen`, asked for and approved at the desk by chen (supervisor). */
export async function overrideApprovedAtDesk(desk: Desk, bookingId: string, nightlyFen: number) {
  const input = { id: bookingId, nightlyFen, authorisation: { method: 'in_person' as const, reference: '老客户' } };
  const request = await desk.call('approvals.request', {
    operation: 'bookings.overridePrice',
    input,
    reason: '老客户优惠',
  });
  await desk.call('approvals.approveAtDesk', {
    requestId: request.id,
    username: 'chen',
    password: 'chen-pass-1',
    comment: '同意',
  });
  return { input, request };
}

/**
 * The night audit of the open business date by the signed-in supervisor. The test clock runs in
 * the daytime, before the date's calendar day has ended, so this is an early close.
 */
export async function closeBusinessDayEarly(desk: Desk) {
  const { businessDate } = await desk.call('businessDay.status');
  return desk.call('nightAudit.roll', { closingDate: businessDate, earlyClose: true });
}
