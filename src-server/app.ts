/** The HTTP surface: Fastify routes over the sync services, with protocol errors answered as `{ error: CODE }`. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { DESK_SCHEMA_VERSION, enrolRequestSchema, pullRequestSchema, pushRequestSchema } from '@shared/sync/protocol';
import type { ServerDatabase } from './db/connection';
import { SyncError, parseBody } from './errors';
import { authenticate, checkSchemaVersion } from './sync/auth';
import { enrolDevice } from './sync/enrol';
import { pullChanges } from './sync/pull';
import { pushMutations } from './sync/push';

export interface ServerOptions {
  db: ServerDatabase;
  logger?: FastifyServerOptions['logger'];
}

/** A founding desk's snapshot carries everything it held: allow large bodies. */
const BODY_LIMIT = 64 * 1024 * 1024;

export function createServer({ db, logger = false }: ServerOptions): FastifyInstance {
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof SyncError) return reply.code(error.status).send(error.body());
    // Fastify's own client errors (malformed JSON, body too large) carry a 4xx status.
    const status = typeof error === 'object' && error !== null && 'statusCode' in error ? Number(error.statusCode) : 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ error: 'BAD_REQUEST', message: (error as Error).message });
    request.log.error(error);
    return reply.code(500).send({ error: 'INTERNAL' });
  });

  app.get('/health', () => ({ ok: true, schemaVersion: DESK_SCHEMA_VERSION }));

  app.post('/devices/enrol', (request) => {
    const body = parseBody(enrolRequestSchema, request.body);
    checkSchemaVersion(body.schemaVersion);
    return enrolDevice(db, body);
  });

  app.post('/sync/push', async (request) => {
    const body = parseBody(pushRequestSchema, request.body);
    const device = await authenticate(db, request.headers.authorization, body);
    return pushMutations(db, device, body.mutations);
  });

  app.post('/sync/pull', async (request) => {
    const body = parseBody(pullRequestSchema, request.body);
    const device = await authenticate(db, request.headers.authorization, body);
    return pullChanges(db, device, body.cursor, body.limit);
  });

  return app;
}
