/**
 * Archived files between desks through a real server, on SQLite and PostgreSQL: a contract filed on
 * desk A opens on desk B after sync, B fetching its chunks only when it is opened; an upload cut
 * short goes on where it stopped, sending only what the server lacks; a file opened before its
 * chunks reached the server is refused clearly. Only ciphertext travels: a marker repeated through
 * the file is in no byte of the server's database nor of desk B's folder.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fromJson } from '@shared/json';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../src-server';
import { runMonthEnd } from '../../src-main/services/archive/month-end';
import { addContract, contractInput, markedFile, openArchiveDesk, readAll, upload } from '../integration/archive-files';
import { ADMIN, openDesk, signIn, type Desk } from '../integration/desk';
import { BACKENDS, serverFor, type Backend } from '../server/backends';
import type { TestServer } from '../server/harness';
import { joiningDesk, propertyId, syncAll, type Server } from './desks';

const MIB = 1024 * 1024;

/**
 * An HTTP proxy in front of the server that counts the requests it forwards by method and route,
 * and, while `cutPutsAfter` is set, forwards only that many more `PUT /blobs/…` and cuts the
 * connection of any after (the link lost in the middle of an upload).
 */
class CountingProxy {
  readonly seen: string[] = [];
  cutPutsAfter: number | null = null;
  private puts = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly target: URL,
  ) {}

  static async start(targetUrl: string): Promise<CountingProxy> {
    let proxy: CountingProxy | null = null;
    const server = http.createServer((request, response) => proxy!.forward(request, response));
    proxy = new CountingProxy(server, new URL(targetUrl));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  /** Requests seen of one kind since `from` (e.g. 'PUT /blobs'). */
  count(prefix: string, from = 0): number {
    return this.seen.slice(from).filter((line) => line.startsWith(prefix)).length;
  }

  private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
    const line = `${request.method} ${request.url}`;
    if (line.startsWith('PUT /blobs/') && this.cutPutsAfter !== null) {
      if (this.puts >= this.cutPutsAfter) {
        request.socket.destroy();
        return;
      }
      this.puts += 1;
    }
    this.seen.push(line);
    const upstream = http.request(
      {
        host: this.target.hostname,
        port: this.target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => request.socket.destroy());
    request.pipe(upstream);
  }

  resetCut(): void {
    this.cutPutsAfter = null;
    this.puts = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function serverBlobs(server: TestServer, property: string): Promise<string[]> {
  const rows = await server.db.db
    .selectFrom('archive_blob')
    .select('hash')
    .where('property_id', '=', property)
    .orderBy('hash')
    .execute();
  return rows.map((row) => row.hash);
}

async function deskChunks(desk: Desk): Promise<{ hash: string; uploaded: number }[]> {
  return desk.services.db.selectFrom('archive_chunk').select(['hash', 'uploaded']).orderBy('hash').execute();
}

async function chunksOf(desk: Desk, fileId: string): Promise<string[]> {
  const file = await desk.services.db
    .selectFrom('archive_file')
    .select('chunks_json')
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  return fromJson(file.chunks_json);
}

/** Every file under a folder, its bytes. */
function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push({ file: full, bytes: fs.readFileSync(full) });
  }
  return out;
}

/** Files under `dir` holding the marker (UTF-8, or UTF-16 as some stores keep text). */
function holdingMarker(dir: string, marker: string): string[] {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  return filesUnder(dir)
    .filter(({ bytes }) => needles.some((needle) => bytes.includes(needle)))
    .map(({ file }) => file);
}

/**
 * Where the server's raw bytes hold the marker: SQLite's database file and its WAL; PostgreSQL's
 * data files of this database and the cluster's WAL after a checkpoint. Every row is read back too
 * (a compressed page could hide a marker from a byte scan).
 */
async function serverHolds(server: TestServer, backend: Backend, marker: string): Promise<string[]> {
  const { db } = server.db;
  const needle = Buffer.from(marker, 'utf8');
  const found: string[] = [];
  if (backend === 'sqlite') {
    const { rows } = await sql<{ file: string }>`PRAGMA database_list`.execute(db);
    const file = rows.find((row) => row.file)!.file;
    expect(fs.existsSync(file)).toBe(true);
    found.push(...holdingMarker(path.dirname(file), marker));
  } else {
    await sql`CHECKPOINT`.execute(db);
    const {
      rows: [settings],
    } = await sql<{ data_directory: string }>`SHOW data_directory`.execute(db);
    const {
      rows: [database],
    } = await sql<{ oid: number }>`SELECT oid FROM pg_database WHERE datname = current_database()`.execute(db);
    const dir = path.join(settings!.data_directory, 'base', String(database!.oid));
    expect(fs.readdirSync(dir).length).toBeGreaterThan(0);
    found.push(...holdingMarker(dir, marker), ...holdingMarker(path.join(settings!.data_directory, 'pg_wal'), marker));
  }
  const tables =
    backend === 'sqlite'
      ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db)).rows
      : (await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(db))
          .rows;
  expect(tables.map((t) => t.name)).toContain('archive_blob');
  for (const { name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db);
    for (const row of rows)
      for (const value of Object.values(row))
        if ((Buffer.isBuffer(value) && value.includes(needle)) || (typeof value === 'string' && value.includes(marker)))
          found.push(`${name} row`);
  }
  return found;
}

describe.each(BACKENDS)('archived files between desks on %s', { timeout: 120_000 }, (backend) => {
  let server: TestServer;
  let proxy: CountingProxy;
  let a: Desk;
  let b: Desk;
  let property: string;
  let guestId: string;
  let standard: string;

  beforeAll(async () => {
    server = await serverFor(backend);
    proxy = await CountingProxy.start(server.url);
    const via: Server = { url: proxy.url, issueCode: (id) => server.issueCode(id) };
    a = await openDesk();
    ({ guest: guestId, standard } = await openArchiveDesk(a));
    const answer = await a.call('sync.enrol', {
      serverUrl: via.url,
      code: await server.issueCode(),
      password: ADMIN.password,
    });
    expect(answer.mode).toBe('founding');
    await a.services.sync.syncNow();
    property = await propertyId(a);
    b = await joiningDesk(via, a);
    await syncAll(a, b);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await proxy?.close();
    await server?.close();
  });

  it('a contract filed on desk A opens on desk B after sync, fetched only when it is opened', async () => {
    const marker = `MARKER-${backend}-合同正文-7f3a`;
    const bytes = markedFile(2 * MIB + 12_345, marker);
    await signIn(a, 'admin', ADMIN.password);
    const contract = await addContract(a, 'HT-A-001', bytes);
    const fileId = contract.latest.id;
    const hashes = await chunksOf(a, fileId);
    expect(hashes).toHaveLength(3);

    await syncAll(a, b);
    expect(await serverBlobs(server, property)).toEqual([...hashes].sort());
    expect((await deskChunks(a)).filter((c) => hashes.includes(c.hash)).map((c) => c.uploaded)).toEqual([1, 1, 1]);
    // B knows the file from its row, but holds none of its bytes until someone opens it there.
    expect(await b.services.db.selectFrom('archive_file').select('id').where('id', '=', fileId).execute()).toHaveLength(
      1,
    );
    expect(await deskChunks(b)).toEqual([]);
    await signIn(b, 'zhou');
    expect((await b.call('archive.document', { id: contract.id })).latest.onThisDesk).toBe(false);
    const gets = proxy.seen.length;
    const read = await b.call('archive.open', { fileId });
    expect(proxy.count('GET /blobs/', gets)).toBe(3);
    expect((await readAll(b, read)).equals(bytes)).toBe(true);
    expect((await deskChunks(b)).map((c) => c.hash)).toEqual([...hashes].sort());
    // Opened again: nothing fetched anew.
    const again = proxy.seen.length;
    await b.call('archive.open', { fileId });
    expect(proxy.count('GET /blobs/', again)).toBe(0);

    // Only ciphertext went anywhere: the marker is in no byte of the server's database, nor of B's folder.
    expect(await serverHolds(server, backend, marker)).toEqual([]);
    expect(holdingMarker(b.dataDir, marker)).toEqual([]);
    // The same scans do find what is stored in the clear: the file's name in its row.
    expect(await serverHolds(server, backend, 'HT-A-001.pdf')).not.toEqual([]);
    expect(holdingMarker(b.dataDir, 'HT-A-001.pdf')).not.toEqual([]);
    await signIn(b, 'lina');
  });

  it('an upload cut short goes on where it stopped: the next run sends only what the server lacks', async () => {
    await signIn(a, 'admin', ADMIN.password);
    const bytes = markedFile(4 * MIB + 1, `RESUME-${backend}`);
    const contract = await addContract(a, 'HT-A-002', bytes);
    const fileId = contract.latest.id;
    const hashes = await chunksOf(a, fileId);
    expect(hashes).toHaveLength(5);

    proxy.cutPutsAfter = 2;
    const before = proxy.seen.length;
    await a.services.sync.syncNow();
    // The rows went up; the upload stopped after two chunks, and the run itself did not fail.
    expect(await a.call('sync.status')).toMatchObject({ lastError: null, pendingCount: 0 });
    expect(proxy.count('PUT /blobs/', before)).toBe(2);
    const stored = (await serverBlobs(server, property)).filter((hash) => hashes.includes(hash));
    expect(stored).toHaveLength(2);
    const acknowledged = (await deskChunks(a)).filter((c) => hashes.includes(c.hash) && c.uploaded === 1);
    expect(acknowledged.map((c) => c.hash).sort()).toEqual([...stored].sort());

    // Desk B opens it meanwhile: the server does not hold it all yet, and B says so.
    await b.services.sync.syncNow();
    await signIn(b, 'zhou');
    expect(await b.fail('archive.open', { fileId })).toMatchObject({
      code: 'ARCHIVE_NOT_ON_SERVER',
      params: { file: 'HT-A-002.pdf' },
    });

    proxy.resetCut();
    const resumed = proxy.seen.length;
    await a.services.sync.syncNow();
    expect(proxy.count('PUT /blobs/', resumed)).toBe(3);
    expect((await serverBlobs(server, property)).filter((hash) => hashes.includes(hash)).sort()).toEqual(
      [...hashes].sort(),
    );
    expect((await deskChunks(a)).filter((c) => hashes.includes(c.hash)).every((c) => c.uploaded === 1)).toBe(true);
    // A run with nothing left to upload sends nothing.
    const idle = proxy.seen.length;
    await a.services.sync.syncNow();
    expect(proxy.count('PUT /blobs/', idle)).toBe(0);

    const read = await b.call('archive.open', { fileId });
    expect((await readAll(b, read)).equals(bytes)).toBe(true);
    await signIn(b, 'lina');
  });

  it('a download approved at desk B goes up with its review and its use, and the server takes them', async () => {
    await signIn(a, 'admin', ADMIN.password);
    const bytes = markedFile(3000, `DOWNLOAD-${backend}`);
    const contract = await addContract(a, 'HT-A-003', bytes);
    await syncAll(a, b);
    const fileId = contract.latest.id;
    await signIn(b, 'zhou');
    const request = await b.call('approvals.request', {
      operation: 'archive.allowDownload',
      input: { fileId, reason: '外部审计' },
      reason: '外部审计',
    });
    await signIn(b, 'chen');
    expect((await b.call('approvals.decide', { requestId: request.id, decision: 'approve' })).status).toBe('executed');
    await signIn(b, 'zhou');
    const read = await b.call('archive.download', { fileId });
    expect((await readAll(b, read)).equals(bytes)).toBe(true);
    await b.services.sync.syncNow();
    expect(await b.call('sync.status')).toMatchObject({ lastError: null, pendingCount: 0, rejections: [] });
    const grants = await server.db.db
      .selectFrom('sync_row')
      .select('data')
      .where('property_id', '=', property)
      .where('table_name', '=', 'archive_grant')
      .execute();
    expect(grants.map((g) => JSON.parse(g.data!) as { file_id: string; used_at: string | null })).toEqual([
      expect.objectContaining({ file_id: fileId, used_at: expect.any(String) }),
    ]);
    await signIn(b, 'lina');
  });

  it('a customer document an agent attaches at desk A goes up, its chunks after it', async () => {
    await signIn(a, 'lina');
    const uploadId = await upload(a, 'customer', markedFile(1500, `ID-COPY-${backend}`), {
      fileName: 'id.png',
      mediaType: 'image/png',
    });
    const attached = await a.call('archive.attach', {
      uploadId,
      subjectType: 'guest',
      subjectId: guestId,
      title: '身份证复印件',
    });
    await a.services.sync.syncNow();
    expect(await a.call('sync.status')).toMatchObject({ lastError: null, pendingCount: 0, rejections: [] });
    expect(await serverBlobs(server, property)).toEqual(expect.arrayContaining(await chunksOf(a, attached.latest.id)));
  });

  it('the month-end job’s work records go up as the desk’s own changes, their chunks after them', async () => {
    // October has ended; the desk counts as set up before it (the test desk was made later), so it has October to archive.
    a.services.sqlite.exec("UPDATE device SET created_at = '2026-09-01T00:00:00.000Z'");
    const made = await runMonthEnd(a.services);
    expect(made).toHaveLength(2);
    await a.services.sync.syncNow();
    expect(await a.services.sync.status()).toMatchObject({ lastError: null, pendingCount: 0, rejections: [] });
    const records = await a.services.db
      .selectFrom('archive_file')
      .select(['id', 'chunks_json', 'server_version'])
      .where('document_id', 'in', made)
      .execute();
    expect(records.every((file) => file.server_version !== null)).toBe(true);
    const stored = await serverBlobs(server, property);
    for (const file of records) for (const hash of fromJson(file.chunks_json)) expect(stored).toContain(hash);
  });

  it('an admin’s archive policy goes up as a setting the server takes', async () => {
    await signIn(a, 'admin', ADMIN.password);
    await signIn(b, 'lina');
    const policy = await a.call('archive.policy');
    await a.call('archive.setPolicy', { ...policy, maxFileMb: 20, naming: 'project-number' });
    await a.services.sync.syncNow();
    expect(await a.call('sync.status')).toMatchObject({ lastError: null, pendingCount: 0, rejections: [] });
    await b.services.sync.syncNow();
    expect(await b.call('archive.policy')).toMatchObject({ maxFileMb: 20, naming: 'project-number' });
    await signIn(a, 'lina');
  });

  it('never uploads the staged chunks of an upload that was not filed', async () => {
    await signIn(a, 'admin', ADMIN.password);
    const { uploadId } = await a.call('archive.upload.begin', {
      tier: 'contract',
      fileName: 'draft.pdf',
      mediaType: 'application/pdf',
      size: 10,
    });
    const earlier = new Set((await deskChunks(a)).map((c) => c.hash));
    await a.call('archive.upload.chunk', { uploadId, index: 0, data: Buffer.from('0123456789').toString('base64') });
    const staged = (await deskChunks(a)).filter((c) => !earlier.has(c.hash));
    expect(staged).toMatchObject([{ uploaded: 0 }]);
    const before = proxy.seen.length;
    await a.services.sync.syncNow();
    expect(proxy.count('PUT /blobs/', before)).toBe(0);
    expect(await serverBlobs(server, property)).not.toContain(staged[0]!.hash);
  });

  it('a guest erased takes their customer documents: deleted on every desk, their chunks gone from desk and server', async () => {
    await signIn(a, 'lina');
    const attach = async (subjectType: 'guest' | 'booking', subjectId: string, title: string) => {
      const uploadId = await upload(a, 'customer', markedFile(2000, `${title}-${backend}`), {
        fileName: 'scan.png',
        mediaType: 'image/png',
      });
      return a.call('archive.attach', { uploadId, subjectType, subjectId, title });
    };
    const other = await a.call('guests.create', { name: '李雷', phone: '13700000000', segment: 'leisure' });
    const stay = await a.call('bookings.create', {
      guestId,
      channel: 'phone',
      arrival: '2026-12-20',
      departure: '2026-12-21',
      roomTypeId: standard,
      adults: 1,
    });
    const theirs = [await attach('guest', guestId, '护照复印件'), await attach('booking', stay.id, '改期授权书')];
    const kept = await attach('guest', other.id, '他人授权书');
    await syncAll(a, b);
    const theirChunks = (await Promise.all(theirs.map((doc) => chunksOf(a, doc.latest.id)))).flat();
    expect(await serverBlobs(server, property)).toEqual(expect.arrayContaining(theirChunks));

    const request = await a.call('approvals.request', {
      operation: 'guests.delete',
      input: { id: guestId },
      reason: '客人要求删除个人信息',
    });
    await a.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
    await syncAll(a, b);
    expect(await a.call('sync.status')).toMatchObject({ lastError: null, pendingCount: 0, rejections: [] });

    for (const desk of [a, b]) {
      const rows = await desk.services.db
        .selectFrom('archive_document')
        .select(['id', 'deleted_at'])
        .where('id', 'in', [...theirs.map((doc) => doc.id), kept.id])
        .execute();
      const deleted = Object.fromEntries(rows.map((row) => [row.id, row.deleted_at !== null]));
      expect(deleted).toEqual({ [theirs[0]!.id]: true, [theirs[1]!.id]: true, [kept.id]: false });
    }
    const onDesk = new Set((await deskChunks(a)).map((chunk) => chunk.hash));
    const onServer = new Set(await serverBlobs(server, property));
    for (const hash of theirChunks) {
      expect(onDesk.has(hash)).toBe(false);
      expect(onServer.has(hash)).toBe(false);
    }
    for (const hash of await chunksOf(a, kept.latest.id)) expect(onServer.has(hash)).toBe(true);
  });

  // Last: desk B stays revoked.
  it('a revoked desk opening a file it lacks is told it is revoked, not that the network is down', async () => {
    await signIn(a, 'admin', ADMIN.password);
    // An earlier test set the policy's naming rule to "project-number".
    const no = `HT2026-9${backend.length}9`;
    const uploadId = await upload(a, 'contract', markedFile(3000, 'REVOKED'));
    const contract = await a.call('archive.contracts.add', {
      ...contractInput(no, { name: `客房布草洗涤-${no}` }),
      uploadId,
    });
    await syncAll(a, b);
    await revokeDevice(server.db, b.services.device.id);
    await signIn(b, 'zhou');
    expect(await b.fail('archive.open', { fileId: contract.latest.id })).toMatchObject({ code: 'DEVICE_REVOKED' });
  });
});
