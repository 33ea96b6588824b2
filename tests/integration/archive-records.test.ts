/**
 * Tier-3 work records on a real desk (Shanghai, set up on 26 November 2026 at 10:00): once
 * November has ended in the property's zone, the desk's month-end job archives its submitted
 * reports and its audit trail of the month, once, as sealed files that read back whole; a month
 * not over cannot be archived; the list puts the newest month first and marks what is past
 * retention; a record within retention cannot be deleted (nor asked to be), one past it is
 * deleted once a director approves, and this desk's encrypted chunks of it go with it. Between
 * desks, on SQLite and PostgreSQL: the records the job and an admin file are taken by the server,
 * and another desk opens them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/contract';
import { fromJson } from '@shared/json';
import { runMonthEnd } from '../../src-main/services/archive/month-end';
import type { ArchiveFileRow } from '../../src-main/services/archive/store';
import { setBusinessDate } from '../../src-main/services/business-date';
import { createServices } from '../../src-main/services/services';
import { BACKENDS, serverFor } from '../server/backends';
import type { TestServer } from '../server/harness';
import { foundingDesk, joiningDesk, syncAll } from '../sync/desks';
import { ADMIN, addStaff, closeBusinessDayEarly, openDesk, setUpDesk, signIn, TestClock, type Desk } from './desk';

let desk: Desk;

beforeEach(async () => {
  desk = await openDesk();
  await setUpDesk(desk);
  await addStaff(desk, 'chen', 'supervisor');
  await addStaff(desk, 'zhou', 'director');
  await addStaff(desk, 'lina', 'agent');
});
afterEach(() => desk.close());

/** Midnight of 1 December in Shanghai: November has just ended. */
const NOVEMBER_OVER = '2026-11-30T16:00:00.000Z';

async function at(instant: string, username: string, password = `${username}-pass-1`) {
  desk.clock.setTo(instant);
  await signIn(desk, username, password);
}

const records = () =>
  desk.services.db.selectFrom('archive_document').selectAll().where('tier', '=', 'record').orderBy('name').execute();

async function fileOf(documentId: string): Promise<ArchiveFileRow> {
  return desk.services.db
    .selectFrom('archive_file')
    .selectAll()
    .where('document_id', '=', documentId)
    .executeTakeFirstOrThrow();
}

/** A record's file opened by a supervisor (archive.open checks the whole file) and read back a chunk at a time. */
async function readBack(documentId: string): Promise<unknown> {
  await signIn(desk, 'chen');
  const read = await desk.call('archive.open', { fileId: (await fileOf(documentId)).id });
  const parts: Buffer[] = [];
  for (let index = 0; index < read.chunks; index++)
    parts.push(Buffer.from((await desk.call('archive.read', { readId: read.readId, index })).data, 'base64'));
  return JSON.parse(Buffer.concat(parts).toString('utf8'));
}

/** The daily report of 26 November, submitted by chen on this desk after an early close. */
async function submitDaily() {
  await signIn(desk, 'chen');
  await closeBusinessDayEarly(desk);
  return desk.call('reports.submit', { kind: 'daily', period: '2026-11-26' });
}

/** A report another desk submitted, as it arrives here by sync. */
async function reportFromAnotherDesk() {
  const mine = await desk.services.db.selectFrom('report_submission').selectAll().executeTakeFirstOrThrow();
  await desk.services.db
    .insertInto('report_submission')
    .values({ ...mine, id: '0192f000-0000-7000-8000-00000000aaaa', period: '2026-11-20', device: 'other-desk' })
    .execute();
}

describe('the month-end job', () => {
  it('archives the desk’s reports and audit trail of a finished month once, sealed, readable back', async () => {
    const submitted = await submitDaily();
    await reportFromAnotherDesk();

    // November is not over: nothing to do yet (October ended before this desk existed).
    expect(await runMonthEnd(desk.services)).toEqual([]);
    await signIn(desk, ADMIN.username, ADMIN.password);
    expect(await desk.fail('archive.records.archiveMonth', { month: '2026-11' })).toEqual({
      code: 'ARCHIVE_MONTH_OPEN',
      params: { month: '2026-11' },
    });
    expect(await records()).toEqual([]);

    desk.clock.setTo(NOVEMBER_OVER);
    const outboxBefore = (await desk.counts()).outbox;
    const made = await runMonthEnd(desk.services);
    expect(made).toHaveLength(2);
    expect(await runMonthEnd(desk.services)).toEqual([]);

    const code = desk.services.device.code;
    const [audit, reports] = await records();
    expect(reports).toMatchObject({
      name: `2026-11 · ${code} · reports`,
      period: '2026-11',
      record_kind: 'reports',
      retain_until: '2031-11-30',
      created_by: 'system',
      device: desk.services.device.id,
      deleted_at: null,
    });
    expect(audit).toMatchObject({
      name: `2026-11 · ${code} · audit`,
      record_kind: 'audit',
      retain_until: '2031-11-30',
    });
    expect(await fileOf(reports!.id)).toMatchObject({ media_type: 'application/json', version: 1 });

    // The reports: this desk's submission, its frozen document whole; not the other desk's.
    const filed = (await readBack(reports!.id)) as { id: string; period: string; document: unknown }[];
    expect(filed.map((report) => [report.id, report.period])).toEqual([[submitted.id, '2026-11-26']]);
    expect(filed[0]!.document).toEqual(submitted.document);

    // The audit trail: this desk's entries of November, as the audit screen lists them.
    const entries = (await readBack(audit!.id)) as AuditEntry[];
    const november = await desk.services.db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('at', '<', NOVEMBER_OVER)
      .orderBy('seq')
      .execute();
    expect(entries.map((entry) => [entry.seq, entry.hash])).toEqual(november.map((row) => [row.seq, row.hash]));
    expect(entries.map((entry) => entry.operation)).toContain('reports.submit');
    expect(entries.every((entry) => entry.at < NOVEMBER_OVER)).toBe(true);

    // Written by the desk itself: its own audit entry, and the rows go up as the desk's job.
    const jobEntries = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'archive.records.monthEnd')
      .execute();
    expect(jobEntries).toMatchObject([{ actor_id: null, entity_id: '2026-11', outcome: 'ok' }]);
    const queued = await desk.services.db.selectFrom('outbox').selectAll().where('seq', '>', 0).execute();
    expect(queued).toHaveLength(outboxBefore + 1);
    const job = queued.at(-1)!;
    expect(job.name).toBe('job.changes');
    expect(
      fromJson(job.effects_json)
        .map((effect) => effect.table)
        .sort(),
    ).toEqual(['archive_document', 'archive_document', 'archive_file', 'archive_file', 'audit_log']);

    // No plaintext of the submitted report on disk: the chunks are ciphertext.
    const chunks = await desk.services.db.selectFrom('archive_chunk').select('bytes').execute();
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    for (const chunk of chunks) expect(chunk.bytes.includes(Buffer.from(submitted.id))).toBe(false);
  });

  it('runs by itself when the desk starts after the month has ended', async () => {
    await submitDaily();
    await desk.close();
    const clock = new TestClock(new Date('2026-12-01T01:30:00.000Z'));
    const restarted = await createServices({ dataDir: desk.dataDir, clock, scheduleJobs: true });
    try {
      const archived = async () =>
        restarted.db.selectFrom('archive_document').select('record_kind').where('period', '=', '2026-11').execute();
      const deadline = Date.now() + 10_000;
      while ((await archived()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect((await archived()).map((row) => row.record_kind).sort()).toEqual(['audit', 'reports']);
      // The other timed jobs started with it: the daily backup is let finish before the desk closes.
      while ((await restarted.backups.list()).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
    } finally {
      await restarted.close();
      desk = await openDesk(desk.dataDir);
    }
  });

  it('is run by hand for a month the desk missed; a month with nothing still gets its (empty) records', async () => {
    await at(NOVEMBER_OVER, ADMIN.username, ADMIN.password);
    const october = await desk.call('archive.records.archiveMonth', { month: '2026-10' });
    expect(october.map((record) => record.record?.kind).sort()).toEqual(['audit', 'reports']);
    for (const record of october) expect(await readBack(record.id)).toEqual([]);
    // Again by hand, or by the job: no second record.
    await signIn(desk, ADMIN.username, ADMIN.password);
    expect(await desk.call('archive.records.archiveMonth', { month: '2026-10' })).toHaveLength(2);
    expect(await records()).toHaveLength(2);
    const [archived] = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'archive.records.archiveMonth')
      .execute();
    expect(archived).toMatchObject({ actor_name: ADMIN.username, entity_id: '2026-10', outcome: 'ok' });

    // An agent may not archive.
    await signIn(desk, 'lina');
    expect((await desk.fail('archive.records.archiveMonth', { month: '2026-10' })).code).toBe('PERMISSION_DENIED');
  });
});

describe('retention', () => {
  beforeEach(async () => {
    await at(NOVEMBER_OVER, ADMIN.username, ADMIN.password);
    await desk.call('archive.records.archiveMonth', { month: '2026-10' });
    await runMonthEnd(desk.services);
  });

  it('lists the newest month first, with what is past retention by the business date', async () => {
    await signIn(desk, 'chen');
    const listed = await desk.call('archive.listRecords');
    expect(listed.map((record) => [record.record?.period, record.record?.kind])).toEqual([
      ['2026-11', 'audit'],
      ['2026-11', 'reports'],
      ['2026-10', 'audit'],
      ['2026-10', 'reports'],
    ]);
    expect(listed[0]).toMatchObject({
      tier: 'record',
      record: { deskCode: desk.services.device.code, retainUntil: '2031-11-30', pastRetention: false },
      latest: { mediaType: 'application/json', version: 1, onThisDesk: true },
      createdBy: { id: 'system' },
    });

    // The business date moves on past October's retention (the night audits of five years).
    await setBusinessDate(desk.services.db, '2031-11-01');
    const later = await desk.call('archive.listRecords');
    expect(later.map((record) => record.record?.pastRetention)).toEqual([false, false, true, true]);

    await signIn(desk, 'lina');
    expect((await desk.fail('archive.listRecords')).code).toBe('PERMISSION_DENIED');
  });

  it('refuses to delete a record within retention, before any request is made', async () => {
    const [record] = await desk.call('archive.listRecords');
    const before = await desk.counts();
    const refused = { code: 'ARCHIVE_RETENTION_RUNNING', params: { until: '2031-11-30' } };
    expect(await desk.fail('archive.records.delete', { id: record!.id })).toEqual(refused);
    expect(
      await desk.fail('approvals.request', {
        operation: 'archive.records.delete',
        input: { id: record!.id },
        reason: '保管期满',
      }),
    ).toEqual(refused);
    expect((await desk.counts()).outbox).toBe(before.outbox);
    expect(await desk.services.db.selectFrom('approval_request').selectAll().execute()).toEqual([]);
    expect((await records()).every((row) => row.deleted_at === null)).toBe(true);
  });

  it('deletes a record past retention once a director approves, with this desk’s chunks of it', async () => {
    await setBusinessDate(desk.services.db, '2031-12-01');
    const listed = await desk.call('archive.listRecords');
    const target = listed.find((record) => record.record?.period === '2026-11' && record.record.kind === 'reports')!;
    expect(target.record?.pastRetention).toBe(true);
    const hashes = fromJson((await fileOf(target.id)).chunks_json);
    const held = async () =>
      (await desk.services.db.selectFrom('archive_chunk').select('hash').where('hash', 'in', hashes).execute()).length;
    expect(await held()).toBe(hashes.length);
    const chunkTotal = (await desk.services.db.selectFrom('archive_chunk').select('hash').execute()).length;

    expect(await desk.fail('archive.records.delete', { id: target.id })).toEqual({
      code: 'APPROVAL_REQUIRED',
      params: { role: 'director', dualReview: 0 },
    });
    const request = await desk.call('approvals.request', {
      operation: 'archive.records.delete',
      input: { id: target.id },
      reason: '保管期满，按制度销毁',
    });
    expect(request).toMatchObject({
      status: 'pending',
      subject: { type: 'archive_document', id: target.id, label: target.name },
      awaiting: { approverRole: 'director', dualReview: false },
    });

    // A supervisor's tier is too low; the director's approval runs it.
    await signIn(desk, 'chen');
    expect((await desk.fail('approvals.decide', { requestId: request.id, decision: 'approve' })).code).toBe(
      'APPROVER_TIER_TOO_LOW',
    );
    await signIn(desk, 'zhou');
    expect((await desk.call('approvals.decide', { requestId: request.id, decision: 'approve' })).status).toBe(
      'executed',
    );

    const admin = await desk.services.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', ADMIN.username)
      .executeTakeFirstOrThrow();
    const row = await desk.services.db
      .selectFrom('archive_document')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ deleted_at: desk.clock.now().toISOString(), deleted_by: admin.id });
    expect(await held()).toBe(0);
    expect((await desk.services.db.selectFrom('archive_chunk').select('hash').execute()).length).toBe(
      chunkTotal - hashes.length,
    );
    expect((await desk.call('archive.listRecords')).map((record) => record.id)).not.toContain(target.id);

    const [deletion] = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'archive.records.delete')
      .execute();
    expect(deletion).toMatchObject({ actor_name: ADMIN.username, entity_id: target.id, outcome: 'ok' });
    expect(fromJson(deletion!.detail_json!)).toMatchObject({
      after: { chunksRemoved: hashes.length },
      approval: { requestId: request.id, deciders: [expect.objectContaining({ name: 'zhou', role: 'director' })] },
    });

    // Deleted once: it is gone for a second request.
    await signIn(desk, ADMIN.username, ADMIN.password);
    expect((await desk.fail('archive.records.delete', { id: target.id })).code).toBe('NOT_FOUND');
  });
});

/**
 * The server refuses writes timed ahead of its own clock, and the test clock's November has not
 * ended by the real one: between desks, the month archived is October, on desks running since then.
 */
describe.each(BACKENDS)('work records between desks on %s', { timeout: 120_000 }, (backend) => {
  let server: TestServer | undefined;
  let a: Desk | undefined;
  let b: Desk | undefined;
  afterEach(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
    a = b = server = undefined;
  });

  it('records of the month-end job and by hand are taken by the server and open on another desk', async () => {
    server = await serverFor(backend);
    a = (await foundingDesk(server)).desk;
    b = await joiningDesk(server, a);
    for (const desk of [a, b])
      await desk.services.db.updateTable('device').set({ created_at: '2026-10-01T00:00:00.000Z' }).execute();
    // Something desk A did in October: chen signed in.
    const back = a.clock.now().toISOString();
    a.clock.setTo('2026-10-20T02:00:00.000Z');
    await signIn(a, 'chen');
    a.clock.setTo(back);

    // Each desk archives its own October: one record per month, desk and kind.
    expect(await runMonthEnd(a.services)).toHaveLength(2);
    expect(await runMonthEnd(b.services)).toHaveLength(2);
    // And a month archived by hand by desk B's admin.
    await signIn(b, ADMIN.username, ADMIN.password);
    expect(await b.call('archive.records.archiveMonth', { month: '2026-09' })).toHaveLength(2);
    await syncAll(a, b);
    for (const desk of [a, b]) {
      expect((await desk.services.sync.status()).rejections).toEqual([]);
      expect(await desk.services.db.selectFrom('outbox').select('seq').execute()).toEqual([]);
      const rows = await desk.services.db
        .selectFrom('archive_document')
        .select(['period', 'server_version'])
        .where('tier', '=', 'record')
        .execute();
      expect(rows.map((row) => row.period).sort()).toEqual(['2026-09', '2026-09', ...Array(4).fill('2026-10')]);
      expect(rows.every((row) => row.server_version !== null)).toBe(true);
    }

    // Desk B opens desk A's record of its audit trail, fetching its chunks from the server.
    const [ofA] = await a.services.db
      .selectFrom('archive_file')
      .selectAll()
      .where('device', '=', a.services.device.id)
      .where('file_name', 'like', 'audit-%')
      .execute();
    expect(
      await b.services.db
        .selectFrom('archive_chunk')
        .select('hash')
        .where('hash', 'in', fromJson(ofA!.chunks_json))
        .execute(),
    ).toEqual([]);
    await signIn(b, 'chen');
    const read = await b.call('archive.open', { fileId: ofA!.id });
    const parts: Buffer[] = [];
    for (let index = 0; index < read.chunks; index++)
      parts.push(Buffer.from((await b.call('archive.read', { readId: read.readId, index })).data, 'base64'));
    const entries = JSON.parse(Buffer.concat(parts).toString('utf8')) as AuditEntry[];
    expect(entries.map((entry) => [entry.operation, entry.at, entry.deskId])).toEqual([
      ['auth.signIn', '2026-10-20T02:00:00.000Z', a.services.device.id],
    ]);
  });
});
