/**
 * The signed-in staff member of this desk. Held by the process that hosts the services (the
 * Electron main process, or the browser harness), never by the renderer.
 */
import type { Role } from '@shared/permissions';
import type { Signer } from './auth/signing';

export interface Session {
  staffId: string;
  username: string;
  displayName: string;
  role: Role;
  signedInAt: Date;
  lastActivityAt: Date;
  locked: boolean;
  /** Signs what this person does at the desk (null: an account from before signing keys, until it signs in again). */
  signer: Signer | null;
  /** When the person last typed their password again (auth.confirm): customer documents open for a few minutes after. */
  confirmedAt?: Date;
}

export class SessionHolder {
  private session: Session | null = null;

  get current(): Session | null {
    return this.session;
  }

  set(session: Session | null): void {
    this.session = session;
  }
}

/** Who a row names as having written it: the signed-in person, or `system` where no one is (timed jobs, seeding). */
export function actingStaff(session: Session | null): { id: string; name: string } {
  return session ? { id: session.staffId, name: session.displayName } : { id: 'system', name: 'system' };
}
