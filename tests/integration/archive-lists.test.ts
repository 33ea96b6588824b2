/**
 * The archive's lists (issue 15): contracts found by number, counterparty or tag and by status
 * (an in-force contract past its expiry listed as expired); the home screen's reminder of
 * contracts expiring within the policy's days of the business date; customer documents attached
 * to a booking or a complaint, labelled by its number; and a download allowance shown on the file
 * and used once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, openDesk, signIn, type Desk } from './desk';
import type { Hotel } from './hotel';
import { contractInput, markedFile, openArchiveDesk, readAll, upload } from './archive-files';

let desk: Desk;
let hotel: Hotel;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openArchiveDesk(desk);
});
afterEach(() => desk.close());

async function contract(no: string, fields: Partial<ReturnType<typeof contractInput>> & { tags?: string[] } = {}) {
  const uploadId = await upload(desk, 'contract', markedFile(200, no));
  return desk.call('archive.contracts.add', { ...contractInput(no), ...fields, uploadId });
}

describe('contracts listed', () => {
  // The business date is 2026-11-26; the reminder looks 30 days ahead, to 2026-12-26.
  beforeEach(async () => {
    await contract('HT2026-501', { expiresOn: '2026-12-10', tags: ['年度框架'] });
    await contract('HT2026-502', { expiresOn: '2026-12-27' });
    await contract('HT2026-503', { expiresOn: '2026-12-26', counterparty: '西湖绿植养护中心' });
    await contract('HT2026-504', { expiresOn: '2026-11-25' });
    await contract('HT2026-505', { expiresOn: '2026-12-01', status: 'terminated' });
    await contract('HT2026-506', { expiresOn: '2026-11-26' });
  });

  const numbers = (list: { contract: { contractNo: string } | null }[]) =>
    list.map((item) => item.contract?.contractNo).sort();

  it('reminds the director of contracts in force expiring from today to the reminder’s last day, soonest first', async () => {
    await signIn(desk, 'zhou');
    const expiring = await desk.call('archive.expiring', {});
    expect(expiring.map((item) => [item.contract?.contractNo, item.contract?.expiresOn])).toEqual([
      ['HT2026-506', '2026-11-26'],
      ['HT2026-501', '2026-12-10'],
      ['HT2026-503', '2026-12-26'],
    ]);
    const policy = await desk.call('archive.policy', {});
    await signIn(desk, 'admin', ADMIN.password);
    await desk.call('archive.setPolicy', { ...policy, expiryReminderDays: 14 });
    await signIn(desk, 'zhou');
    expect(numbers(await desk.call('archive.expiring', {}))).toEqual(['HT2026-501', 'HT2026-506']);
  });

  it('reminds no one who may not read contracts', async () => {
    await signIn(desk, 'admin', ADMIN.password);
    expect(await desk.fail('archive.expiring', {})).toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('filters by status and finds by number, counterparty or tag', async () => {
    const list = (input: Parameters<typeof desk.call<'archive.listContracts'>>[1]) =>
      desk.call('archive.listContracts', input).then(numbers);
    expect(await list({ status: 'in_force' })).toEqual(['HT2026-501', 'HT2026-502', 'HT2026-503', 'HT2026-506']);
    expect(await list({ status: 'expired' })).toEqual(['HT2026-504']);
    expect(await list({ status: 'terminated' })).toEqual(['HT2026-505']);
    expect(await list({})).toHaveLength(6);
    expect(await list({ query: 'ht2026-50' })).toHaveLength(6);
    expect(await list({ query: 'HT2026-503' })).toEqual(['HT2026-503']);
    expect(await list({ query: '绿植' })).toEqual(['HT2026-503']);
    expect(await list({ query: '年度' })).toEqual(['HT2026-501']);
    expect(await list({ query: '布草' })).toHaveLength(6); // the project's name is in every one
    expect(await list({ query: '没有' })).toEqual([]);
  });
});

describe('customer documents', () => {
  it('are attached to a booking or a complaint and listed under it with its number', async () => {
    await signIn(desk, 'lina');
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'walk_in',
      arrival: '2026-11-26',
      departure: '2026-11-28',
      roomTypeId: hotel.standard,
      ratePlanId: hotel.plan,
      adults: 1,
    });
    const complaint = await desk.call('complaints.open', {
      channel: 'in_person',
      category: 'noise',
      severity: 'general',
      description: '隔壁房间深夜喧哗，无法入睡',
      expectation: '换一间安静的房间',
      guestId: hotel.guest,
    });
    for (const [subjectType, subjectId, title] of [
      ['booking', booking.id, '改期授权书'],
      ['complaint', complaint.id, '客人手写说明'],
    ] as const) {
      const uploadId = await upload(desk, 'customer', markedFile(300, title), {
        fileName: 'scan.png',
        mediaType: 'image/png',
      });
      await desk.call('archive.attach', { uploadId, subjectType, subjectId, title });
    }
    const [forBooking] = await desk.call('archive.attachments', { subjectType: 'booking', subjectId: booking.id });
    expect(forBooking).toMatchObject({
      name: '改期授权书',
      subject: { type: 'booking', id: booking.id, label: `${booking.number} · 王芳` },
    });
    const [forComplaint] = await desk.call('archive.attachments', {
      subjectType: 'complaint',
      subjectId: complaint.id,
    });
    expect(forComplaint).toMatchObject({ subject: { type: 'complaint', label: complaint.number } });
    expect(await desk.call('archive.attachments', { subjectType: 'guest', subjectId: hotel.guest })).toEqual([]);

    await signIn(desk, 'chen');
    expect(await desk.call('archive.attachments', { subjectType: 'booking', subjectId: booking.id })).toHaveLength(1);
  });
});

describe('a download allowance', () => {
  it('shows on the file for the person it names, opens one download, and is then used', async () => {
    const filed = await contract('HT2026-601');
    const zhou = (await desk.call('staff.list')).find((member) => member.username === 'zhou')!;
    // What an approved archive.allowDownload leaves: the allowance row.
    await desk.services.db
      .insertInto('archive_grant')
      .values({
        id: '01900000-0000-7000-8000-0000000000a1',
        file_id: filed.latest.id,
        staff_id: zhou.id,
        reason: '审计调阅',
        granted_at: '2026-11-26T02:00:00.000Z',
        expires_at: '2026-11-27T02:00:00.000Z',
        used_at: null,
        device: desk.services.device.id,
        server_version: null,
      })
      .execute();
    expect((await desk.call('archive.document', { id: filed.id })).latest.downloadAllowedUntil).toBeNull();
    await signIn(desk, 'zhou');
    expect((await desk.call('archive.document', { id: filed.id })).latest.downloadAllowedUntil).toBe(
      '2026-11-27T02:00:00.000Z',
    );
    const read = await desk.call('archive.download', { fileId: filed.latest.id });
    expect((await readAll(desk, read)).equals(markedFile(200, 'HT2026-601'))).toBe(true);
    expect((await desk.call('archive.document', { id: filed.id })).latest.downloadAllowedUntil).toBeNull();
    expect(await desk.fail('archive.download', { fileId: filed.latest.id })).toEqual({
      code: 'ARCHIVE_DOWNLOAD_NOT_ALLOWED',
    });
    const used = await desk.services.db.selectFrom('archive_grant').select('used_at').executeTakeFirstOrThrow();
    expect(used.used_at).toBe(desk.clock.now().toISOString());
  });
});
