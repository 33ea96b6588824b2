/**
 * A desk restored from an older backup, against a real server: the server already holds mutations
 * under the numbers the desk will use next. Nothing new is lost — not when the restore left its
 * gap, and not when the desk's files were copied back by hand — and what the desk did after the
 * backup comes back from the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { restoreBackup } from '../../src-main/services/backup/backup';
import { fileSecretStore, VAULT_TEST_FILE } from '../../src-main/vault/secret-store';
import { openDesk, RECOVERY_PASSPHRASE, signIn, tempDir, type Desk } from '../integration/desk';
import type { Hotel } from '../integration/hotel';
import { serverFor } from '../server/backends';
import type { TestServer } from '../server/harness';
import { foundingDesk } from './desks';

describe('a desk restored from an older backup', () => {
  let server: TestServer;
  const opened: Desk[] = [];

  beforeAll(async () => {
    server = await serverFor('sqlite');
  });
  afterAll(async () => {
    for (const desk of opened) await desk.close();
    await server?.close();
  });

  const stay = (hotel: Hotel, arrival: string, departure: string) => ({
    guestId: hotel.guest,
    channel: 'phone' as const,
    arrival,
    departure,
    roomTypeId: hotel.standard,
    adults: 1,
  });

  async function serverBookings(): Promise<string[]> {
    const rows = await server.db.db.selectFrom('sync_row').select('data').where('table_name', '=', 'booking').execute();
    return rows.map((row) => String((JSON.parse(row.data!) as { number: string }).number)).sort();
  }

  async function inStep(desk: Desk): Promise<void> {
    await desk.services.sync.syncNow();
    await desk.services.sync.syncNow();
    expect(await desk.call('sync.status')).toMatchObject({
      online: true,
      lastError: null,
      pendingCount: 0,
      openConflicts: 0,
      rejections: [],
    });
  }

  /** The founding desk, a booking before the point it goes back to, one after it (synced), and the desk closed. */
  async function deskWithHistory(back: (desk: Desk) => Promise<() => Promise<void>>) {
    const { desk, hotel } = await foundingDesk(server);
    const before = await desk.call('bookings.create', stay(hotel, '2026-12-01', '2026-12-02'));
    await inStep(desk);
    const goBack = await back(desk);
    const after = await desk.call('bookings.create', stay(hotel, '2026-12-03', '2026-12-04'));
    await inStep(desk);
    expect(await serverBookings()).toEqual(expect.arrayContaining([before.number, after.number]));
    await desk.close();
    await goBack();
    const restored = await openDesk(desk.dataDir);
    opened.push(restored);
    await signIn(restored, 'lina');
    // Gone from this desk with the restore; still on the server.
    expect(
      await restored.services.db.selectFrom('booking').select('number').where('number', '=', after.number).execute(),
    ).toEqual([]);
    return { desk: restored, hotel, after: after.number };
  }

  it('restored with its passphrase: its next work reaches the server, and the work after the backup comes back', async () => {
    const { desk, hotel, after } = await deskWithHistory(async (desk) => {
      await signIn(desk, 'admin', 'admin-pass-1');
      const made = await desk.call('backup.run');
      await signIn(desk, 'lina');
      return async () => {
        await restoreBackup(desk.dataDir, made.file, {
          passphrase: RECOVERY_PASSPHRASE,
          keyStore: fileSecretStore(path.join(desk.dataDir, VAULT_TEST_FILE)),
          at: new Date(),
        });
      };
    });
    const next = await desk.call('bookings.create', stay(hotel, '2026-12-05', '2026-12-06'));
    await desk.call('guests.create', { name: '恢复后的客人', phone: '13700000001' });
    await inStep(desk);
    expect(await serverBookings()).toEqual(expect.arrayContaining([after, next.number]));
    expect((await desk.services.db.selectFrom('booking').select('number').execute()).map((row) => row.number)).toEqual(
      expect.arrayContaining([after, next.number]),
    );
  });

  it('copied back by hand (no gap, same desk code): the server does not answer its new work with the old answers under those numbers; the change reaches it', async () => {
    const { desk, hotel, after } = await deskWithHistory(async (desk) => {
      const copy = tempDir('yingbin-copied-back-');
      desk.services.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      fs.copyFileSync(path.join(desk.dataDir, DATABASE_FILE), path.join(copy, DATABASE_FILE));
      return async () => {
        for (const suffix of ['-wal', '-shm'])
          fs.rmSync(path.join(desk.dataDir, DATABASE_FILE + suffix), { force: true });
        fs.copyFileSync(path.join(copy, DATABASE_FILE), path.join(desk.dataDir, DATABASE_FILE));
      };
    });
    // A change that gives out no number (a copied-back desk's next numbers may repeat ones it gave out since: README, restore).
    await desk.call('guests.update', {
      id: hotel.guest,
      name: '王芳',
      phone: '13912345678',
      idType: 'id_card',
      segment: 'leisure',
      preferences: '靠窗',
      specialNeeds: '',
    });
    await inStep(desk);
    const guest = await server.db.db
      .selectFrom('sync_row')
      .select('data')
      .where('table_name', '=', 'guest')
      .where('row_key', '=', hotel.guest)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(guest.data!)).toMatchObject({ preferences: '靠窗', phone_last4: '5678' });
    expect(
      (await desk.services.db.selectFrom('booking').select('number').execute()).map((row) => row.number),
    ).toContain(after);
  });
});
