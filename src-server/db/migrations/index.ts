/** The server's migrations, in order. Append only: never edit, reorder or remove a shipped entry. */
import type { Migration } from 'kysely';
import * as sync from './2026-11-26-01-sync';
import * as enrolmentProof from './2026-11-30-01-enrolment-proof';
import * as mutationAuthority from './2026-11-30-02-mutation-authority';
import * as aggregateRoots from './2026-11-30-03-aggregate-roots';
import * as guestFieldsSealed from './2026-11-30-04-guest-fields-sealed';
import * as auditCheckpoints from './2026-11-30-05-audit-checkpoints';
import * as columnsAdded from './2026-11-30-06-columns-added';
import * as oneNamePerDomain from './2026-11-30-07-one-name-per-domain';
import * as complaintsGranted from './2026-11-30-08-complaints-granted';
import * as serviceRecovery from './2026-11-30-09-service-recovery';
import * as reportsGranted from './2026-11-30-10-reports-granted';
import * as archive from './2026-11-30-11-archive';
import * as deskPolish from './2026-11-30-12-desk-polish';
import * as tierNames from './2026-11-30-13-tier-names';
import * as roomHolds from './2026-11-30-14-room-holds';

export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['2026-11-26-01-sync', sync],
  ['2026-11-30-01-enrolment-proof', enrolmentProof],
  ['2026-11-30-02-mutation-authority', mutationAuthority],
  ['2026-11-30-03-aggregate-roots', aggregateRoots],
  ['2026-11-30-04-guest-fields-sealed', guestFieldsSealed],
  ['2026-11-30-05-audit-checkpoints', auditCheckpoints],
  ['2026-11-30-06-columns-added', columnsAdded],
  ['2026-11-30-07-one-name-per-domain', oneNamePerDomain],
  ['2026-11-30-08-complaints-granted', complaintsGranted],
  ['2026-11-30-09-service-recovery', serviceRecovery],
  ['2026-11-30-10-reports-granted', reportsGranted],
  ['2026-11-30-11-archive', archive],
  ['2026-11-30-12-desk-polish', deskPolish],
  ['2026-11-30-13-tier-names', tierNames],
  ['2026-11-30-14-room-holds', roomHolds],
];
