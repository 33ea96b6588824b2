/**
 * Two desks add a new version of one contract while apart (issue 15): versions are numbered per
 * contract, so both offline desks make "version 2". The server keeps the first; the other desk's
 * filing runs again on the server's state (its upload kept on the desk) and becomes version 3 —
 * both files kept, numbered as a serial order would number them, opening byte for byte on both
 * desks, with no silent loss. Two real desks and a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/harness';
import { closeTwoDesks, openTwoDesks, syncAll } from '../sync/desks';
import { addStaff, ADMIN, signIn, type Desk } from './desk';
import { addContract, markedFile, readAll, upload } from './archive-files';

describe('a contract versioned on two desks apart', { timeout: 90_000 }, () => {
  let server: TestServer;
  let a: Desk;
  let b: Desk;

  beforeAll(async () => {
    ({ server, a, b } = await openTwoDesks('sqlite'));
    await signIn(a, 'admin', ADMIN.password);
    await addStaff(a, 'zhou', 'director');
    await syncAll(a, b);
  });
  afterAll(() => closeTwoDesks({ server, a, b }));

  it('numbers the versions as a serial order would and keeps both files', async () => {
    await signIn(a, 'admin', ADMIN.password);
    const contract = await addContract(a, 'HT2026-801', markedFile(4000, 'v1'));
    await syncAll(a, b);

    const fromA = markedFile(3000, 'A 的修订');
    const fromB = markedFile(5000, 'B 的修订');
    await a.call('archive.contracts.addVersion', { id: contract.id, uploadId: await upload(a, 'contract', fromA) });
    await signIn(b, 'admin', ADMIN.password);
    await b.call('archive.contracts.addVersion', { id: contract.id, uploadId: await upload(b, 'contract', fromB) });
    await a.services.sync.syncNow();
    await syncAll(b, a);

    for (const desk of [a, b]) {
      const files = await desk.services.db
        .selectFrom('archive_file')
        .select(['id', 'version', 'size'])
        .where('document_id', '=', contract.id)
        .orderBy('version')
        .execute();
      expect(files.map((file) => [file.version, file.size])).toEqual([
        [1, 4000],
        [2, fromA.length],
        [3, fromB.length],
      ]);
    }
    expect(await b.call('sync.status')).toMatchObject({ pendingCount: 0, lastError: null, rejections: [] });
    await signIn(a, 'zhou');
    const detail = await a.call('archive.document', { id: contract.id });
    const v3 = detail.files.find((file) => file.version === 3)!;
    expect((await readAll(a, await a.call('archive.open', { fileId: v3.id }))).equals(fromB)).toBe(true);
  });
});
