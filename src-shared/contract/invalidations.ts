/**
 * What each mutation changes, as the queries a screen must read again: after a mutation succeeds
 * the renderer refetches exactly these (it caches every query under its operation's name), and
 * the host tells its windows when one changed approval requests or conflicts. Every mutation is
 * listed, so a new one cannot be added without saying what it changes. `'all'`: the mutation may
 * change anything (an approval runs whatever operation it held; a restore brings another database).
 */
import type { Operations } from './index';

type NamesOf<Kind> = { [N in keyof Operations]: Operations[N]['kind'] extends Kind ? N : never }[keyof Operations];
export type QueryName = NamesOf<'query'>;
export type MutationName = NamesOf<'mutation'>;
export type Invalidated = readonly QueryName[] | 'all';

const bookingReads = [
  'bookings.day',
  'bookings.get',
  'bookings.quote',
  'bookings.cancellationQuote',
  'businessDay.status',
  'frontDesk.suggestRooms',
  'frontDesk.assignableRooms',
  'frontDesk.moveTargets',
  'availability.grid',
  'availability.rack',
  'housekeeping.board',
  'search.quick',
  'cancellations.list',
  'home.today',
] as const satisfies readonly QueryName[];
const complaintReads = [
  'complaints.list',
  'complaints.get',
  'complaints.counts',
  'callbacks.list',
  'home.today',
] as const satisfies readonly QueryName[];
const complaintPolicyReads = [
  'complaints.targets',
  'complaints.calendar',
  'complaints.list',
  'complaints.get',
  'complaints.counts',
] as const satisfies readonly QueryName[];
const memberReads = [
  'members.forGuest',
  'members.get',
  'members.lookup',
  'members.ledger',
  'members.pointsCheck',
  'members.care',
] as const satisfies readonly QueryName[];
const guestReads = [
  'guests.search',
  'guests.get',
  'guests.duplicates',
  'search.quick',
  ...memberReads,
] as const satisfies readonly QueryName[];
/** A stay moves money and points too: its guest's history and membership. */
const stayWrite = [...bookingReads, ...guestReads] as const;
/** Setup changes what is on sale: every screen that sells or shows rooms and tickets. */
const setupWrite = [
  'roomTypes.list',
  'ratePlans.list',
  'rooms.list',
  'closedDates.list',
  'ticketProducts.list',
  'tickets.availability',
  ...bookingReads,
] as const satisfies readonly QueryName[];
const ticketWrite = [
  'tickets.availability',
  'tickets.find',
  'tickets.cancellationQuote',
  'cancellations.list',
] as const satisfies readonly QueryName[];
const approvalReads = [
  'approvals.counts',
  'approvals.list',
  'approvals.get',
  'home.today',
] as const satisfies readonly QueryName[];
const sessionReads = ['auth.session'] as const satisfies readonly QueryName[];
const archiveReads = [
  'archive.listContracts',
  'archive.expiring',
  'archive.attachments',
  'archive.listRecords',
  'archive.document',
] as const satisfies readonly QueryName[];

export const invalidates: { readonly [M in MutationName]: Invalidated } = {
  'setup.initialize': ['setup.status', 'auth.session'],
  'auth.signIn': sessionReads,
  'auth.unlock': sessionReads,
  'auth.lock': sessionReads,
  'auth.signOut': sessionReads,
  'auth.changePassword': [],
  'staff.create': ['staff.list', 'auth.session', 'housekeeping.attendants'],
  'staff.update': ['staff.list', 'auth.session', 'housekeeping.attendants', 'housekeeping.board'],
  'staff.resetPassword': ['staff.list'],
  'permissions.set': ['permissions.matrix', 'auth.session'],
  'property.update': ['auth.session', 'setup.status'],
  'backup.run': ['backup.status'],
  'backup.setFolder': ['backup.status'],
  'backup.setSecondLocation': ['backup.status'],
  'approvals.request': approvalReads,
  'approvals.decide': 'all',
  'approvals.approveAtDesk': 'all',
  'approvals.completePaperwork': approvalReads,
  'approvals.setPolicy': ['approvals.policy', ...approvalReads],
  'guests.create': guestReads,
  'guests.update': [...guestReads, 'bookings.day', 'bookings.get'],
  'guests.delete': [...guestReads, 'bookings.day', 'bookings.get'],
  'guests.export': [],
  'guests.revealId': [],
  'roomTypes.save': setupWrite,
  'ratePlans.save': setupWrite,
  'rooms.save': setupWrite,
  'closedDates.set': setupWrite,
  'ticketProducts.save': setupWrite,
  'housekeeping.setStatus': [
    'housekeeping.board',
    'availability.rack',
    'rooms.list',
    'frontDesk.suggestRooms',
    'frontDesk.assignableRooms',
    'frontDesk.moveTargets',
  ],
  'housekeeping.assign': ['housekeeping.board'],
  'bookings.create': stayWrite,
  'bookings.overbook': stayWrite,
  'bookings.change': stayWrite,
  'bookings.overridePrice': stayWrite,
  'bookings.cancel': stayWrite,
  'frontDesk.checkIn': stayWrite,
  'frontDesk.checkOut': [...stayWrite, 'callbacks.list', 'complaints.counts'],
  'frontDesk.moveRoom': stayWrite,
  'frontDesk.assignRoom': stayWrite,
  'payments.record': stayWrite,
  'cancellations.waive': [...stayWrite, ...ticketWrite],
  'nightAudit.roll': stayWrite,
  'tickets.sell': ticketWrite,
  'tickets.redeem': ticketWrite,
  'tickets.cancel': ticketWrite,
  'members.enrol': memberReads,
  'members.adjust': memberReads,
  'members.redeem': stayWrite,
  'members.reevaluate': [...memberReads, 'members.tiers'],
  'members.tickCare': ['members.care'],
  'complaints.open': complaintReads,
  'complaints.respond': complaintReads,
  'complaints.offerHandover': complaintReads,
  'complaints.acceptHandover': complaintReads,
  'complaints.declineHandover': complaintReads,
  'complaints.resolve': complaintReads,
  'complaints.close': complaintReads,
  'complaints.escalate': complaintReads,
  'complaints.signOff': complaintReads,
  'complaints.reopen': complaintReads,
  'complaints.pause': complaintReads,
  'complaints.resume': complaintReads,
  'complaints.tickPlan': complaintReads,
  'complaints.compensate': [...complaintReads, ...memberReads, ...stayWrite],
  'complaints.setTarget': complaintPolicyReads,
  'complaints.correctCalendar': complaintPolicyReads,
  'callbacks.record': complaintReads,
  'reports.submit': ['reports.submitted', 'reports.calendar'],
  'auth.confirm': [],
  'archive.setPolicy': ['archive.policy', 'archive.expiring'],
  'archive.contracts.add': archiveReads,
  'archive.contracts.addVersion': archiveReads,
  'archive.contracts.update': archiveReads,
  'archive.attach': archiveReads,
  'archive.open': ['archive.document'],
  'archive.allowDownload': [...archiveReads, ...approvalReads],
  'archive.download': archiveReads,
  'archive.records.archiveMonth': archiveReads,
  'archive.records.delete': [...archiveReads, ...approvalReads],
  'conflicts.resolve': ['conflicts.list', 'sync.status', ...stayWrite],
  'sync.enrol': ['sync.status', 'setup.status'],
  'sync.now': ['sync.status'],
  'vault.create': ['vault.status'],
  'vault.unlock': ['vault.status'],
  'vault.changePassphrase': ['vault.status'],
  'vault.sealRecovery': [],
  'recovery.restore': 'all',
};

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(invalidates, name);
}

/** Whether a mutation may change one of these queries. */
export function touchesAny(name: MutationName, queries: readonly QueryName[]): boolean {
  const changed = invalidates[name];
  return changed === 'all' || changed.some((query) => queries.includes(query));
}
