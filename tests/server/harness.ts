/**
 * Starts a sync server in-process on 127.0.0.1 (a free port), on SQLite in a temp folder or on
 * a PostgreSQL database given by URL, for any test that needs one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createServer, issueEnrolmentCode, openServerDatabase, type ServerDatabase } from '../../src-server';

export interface TestServer {
  url: string;
  db: ServerDatabase;
  close(): Promise<void>;
  /** A one-time enrolment code: founding a property, or joining `propertyId`. */
  issueCode(propertyId?: string): Promise<string>;
}

export async function startTestServer(options: { databaseUrl?: string } = {}): Promise<TestServer> {
  const dataDir = options.databaseUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-server-'));
  const db = await openServerDatabase(
    options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: dataDir! },
  );
  const app = createServer({ db });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    db,
    issueCode: (propertyId) => issueEnrolmentCode(db, { propertyId, hours: 1 }),
    async close() {
      await app.close();
      await db.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database in the cluster behind `adminUrl`; returns its URL. */
export async function createPostgresDatabase(adminUrl: string, prefix = 'yingbin'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.replace(
    /[^a-z0-9_]/g,
    '_',
  );
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
