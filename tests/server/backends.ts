/**
 * The server suite runs once per backend: `describe.each(BACKENDS)` and `serverFor(backend)` in
 * a beforeAll give each test file its own SQLite folder or its own PostgreSQL database.
 */
import { inject } from 'vitest';
import { createPostgresDatabase, startTestServer, type TestServer } from './harness';

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export async function serverFor(backend: Backend): Promise<TestServer> {
  if (backend === 'sqlite') return startTestServer();
  return startTestServer({ databaseUrl: await createPostgresDatabase(inject('pgAdminUrl')) });
}
