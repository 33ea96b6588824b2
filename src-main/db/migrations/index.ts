/**
 * The known migrations, in order. Append only: never edit, reorder or remove an entry once it
 * has shipped. A database whose applied migrations are not a prefix of this list is refused.
 */
import type { Migration } from 'kysely';
import * as foundation from './2026-11-26-01-foundation';
import * as roomsAndGuests from './2026-11-26-02-rooms-and-guests';
import * as approvals from './2026-11-26-03-approvals';
import * as reservations from './2026-11-26-04-reservations';
import * as cancellations from './2026-11-26-05-cancellations';
import * as members from './2026-11-26-06-members';
import * as sync from './2026-11-26-07-sync';
import * as transportAndSignIn from './2026-11-26-08-transport-and-sign-in';
import * as aggregateBases from './2026-11-30-09-aggregate-bases';
import * as businessDate from './2026-11-30-10-business-date';
import * as staffSigningKeys from './2026-11-30-11-staff-signing-keys';
import * as ledgerVoidAndUndo from './2026-11-30-12-ledger-void-and-undo';
import * as outboxMade from './2026-11-30-13-outbox-made';
import * as keyVault from './2026-11-30-14-key-vault';
import * as sealedGuestFields from './2026-11-30-15-sealed-guest-fields';
import * as keyedAuditChain from './2026-11-30-16-keyed-audit-chain';
import * as maxStay from './2026-11-30-17-max-stay';
import * as oneNamePerDomain from './2026-11-30-18-one-name-per-domain';
import * as complaints from './2026-11-30-19-complaints';
import * as serviceRecovery from './2026-11-30-20-service-recovery';
import * as reports from './2026-11-30-21-reports';
import * as archive from './2026-11-30-22-archive';
import * as deskPolish from './2026-11-30-23-desk-polish';
import * as tierNames from './2026-11-30-24-tier-names';
import * as roomHolds from './2026-11-30-25-room-holds';

export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['2026-11-26-01-foundation', foundation],
  ['2026-11-26-02-rooms-and-guests', roomsAndGuests],
  ['2026-11-26-03-approvals', approvals],
  ['2026-11-26-04-reservations', reservations],
  ['2026-11-26-05-cancellations', cancellations],
  ['2026-11-26-06-members', members],
  ['2026-11-26-07-sync', sync],
  ['2026-11-26-08-transport-and-sign-in', transportAndSignIn],
  ['2026-11-30-09-aggregate-bases', aggregateBases],
  ['2026-11-30-10-business-date', businessDate],
  ['2026-11-30-11-staff-signing-keys', staffSigningKeys],
  ['2026-11-30-12-ledger-void-and-undo', ledgerVoidAndUndo],
  ['2026-11-30-13-outbox-made', outboxMade],
  ['2026-11-30-14-key-vault', keyVault],
  ['2026-11-30-15-sealed-guest-fields', sealedGuestFields],
  ['2026-11-30-16-keyed-audit-chain', keyedAuditChain],
  ['2026-11-30-17-max-stay', maxStay],
  ['2026-11-30-18-one-name-per-domain', oneNamePerDomain],
  ['2026-11-30-19-complaints', complaints],
  ['2026-11-30-20-service-recovery', serviceRecovery],
  ['2026-11-30-21-reports', reports],
  ['2026-11-30-22-archive', archive],
  ['2026-11-30-23-desk-polish', deskPolish],
  ['2026-11-30-24-tier-names', tierNames],
  ['2026-11-30-25-room-holds', roomHolds],
];
