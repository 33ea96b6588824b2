/**
 * The HTTP surface: Fastify routes over the sync services, with protocol errors answered as
 * `{ error: CODE }`; the transport around them (HTTPS when given a key pair, a body limit per
 * route, and per-address throttling of refused enrolments and unknown tokens).
 */
import type http from 'node:http';
import type https from 'node:https';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import {
  BLOB_DEVICE_HEADER,
  BLOB_MAX_BYTES,
  BLOB_SCHEMA_HEADER,
  blobHashSchema,
  blobHeadersSchema,
  blobMissingRequestSchema,
  checkpointRequestSchema,
  DESK_SCHEMA_VERSION,
  enrolRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  type BlobMissingResponse,
  type BlobStoredResponse,
  type CheckpointResponse,
} from '@shared/sync/protocol';
import type { ServerDatabase } from './db/connection';
import { SyncError, parseBody } from './errors';
import { admitDevice, checkSchemaVersion, deviceForToken, type Device } from './sync/auth';
import { missingBlobs, readBlob, storeBlob } from './sync/blobs';
import { latestCheckpoint } from './sync/checkpoints';
import { enrolDevice } from './sync/enrol';
import { pullChanges } from './sync/pull';
import { pushMutations } from './sync/push';

export interface ServerLimits {
  /** Refused enrolments (any 4xx answer) one address may get per window before it is answered 429 RATE_LIMITED. */
  enrolFailures: number;
  /** Unknown tokens (401) one address may present per window before all its /sync calls are answered 429. */
  authFailures: number;
  windowMs: number;
  /** Body limits, in bytes. */
  enrolBody: number;
  pullBody: number;
  pushBody: number;
  /** One encrypted archive chunk (PUT /blobs/:hash). */
  blobBody: number;
}

/**
 * Push: a desk sends at most 200 mutations per request, a founding snapshot mutation at most 500
 * rows. Measured on a real desk's snapshot, a row is 110–450 bytes of JSON (an audit entry up to
 * 1.4 KB), so a 500-row chunk is 60–700 KB, and 32 MiB holds 45+ chunks even of audit entries.
 * A request of 200 chunks of large rows (≈ 45–90 MB) is more than any single body should be: the
 * desk caps its push requests by size as well as by count. Only a known device's body is ever
 * read (the token is checked first), so this limit is about memory, not about strangers.
 */
export const DEFAULT_LIMITS: ServerLimits = {
  enrolFailures: 10,
  authFailures: 20,
  windowMs: 60_000,
  enrolBody: 4 * 1024,
  pullBody: 4 * 1024,
  pushBody: 32 * 1024 * 1024,
  // A sealed chunk and a little slack; anything larger is not a chunk.
  blobBody: BLOB_MAX_BYTES + 1024,
};

export interface ServerOptions {
  db: ServerDatabase;
  logger?: FastifyServerOptions['logger'];
  /** Serve HTTPS with this PEM key pair. */
  tls?: { key: string | Buffer; cert: string | Buffer } | null;
  /** Behind a reverse proxy: the proxy's address(es), whose X-Forwarded-For then names the caller (for throttling). */
  trustProxy?: string | string[] | null;
  limits?: Partial<ServerLimits>;
}

export type SyncServer = FastifyInstance<http.Server | https.Server>;

/** 127.0.0.0/8, ::1 and localhost: the only hosts served without TLS without a warning. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    bare === 'localhost' ||
    bare === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(bare)
  );
}

/** The warning the command line prints when it would serve plain HTTP beyond loopback; null when there is nothing to warn about. */
export function plainHttpWarning(host: string, tls: boolean): string | null {
  if (tls || isLoopbackHost(host)) return null;
  return (
    `WARNING: serving plain HTTP on ${host}: device tokens, staff password hashes and guest data would cross the network unencrypted. ` +
    'Give --tls-cert FILE --tls-key FILE, or listen on 127.0.0.1 behind a reverse proxy that terminates TLS (src-server/README.md).'
  );
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/** Before the body is read: 429 when this address has used up its failures for the window. */
async function refuseWhenLimited(limiter: Limiter, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const status = await limiter(request, { increment: false });
  if (status.isAllowed || status.remaining > 0) return;
  void reply.header('retry-after', status.ttlInSeconds);
  throw new SyncError('RATE_LIMITED', { retryAfterSeconds: status.ttlInSeconds });
}

/** After the answer is decided (errors of any step included): counts it against the address when it is a failure. */
function countFailures(limiter: Limiter, isFailure: (status: number) => boolean) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (isFailure(reply.statusCode)) await limiter(request);
    return payload;
  };
}

export function createServer({
  db,
  logger = false,
  tls = null,
  trustProxy = null,
  limits: given = {},
}: ServerOptions): SyncServer {
  const limits = { ...DEFAULT_LIMITS, ...given };
  const base = { logger, bodyLimit: limits.enrolBody, ...(trustProxy !== null && { trustProxy }) };
  const app: SyncServer = tls ? Fastify({ ...base, https: { key: tls.key, cert: tls.cert } }) : Fastify(base);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof SyncError) return reply.code(error.status).send(error.body());
    // Fastify's own client errors (malformed JSON, body too large) carry a 4xx status.
    const status =
      typeof error === 'object' && error !== null && 'statusCode' in error ? Number(error.statusCode) : 500;
    if (status === 413) return reply.code(413).send({ error: 'BODY_TOO_LARGE' });
    if (status >= 400 && status < 500)
      return reply.code(status).send({ error: 'BAD_REQUEST', message: (error as Error).message });
    request.log.error(error);
    return reply.code(500).send({ error: 'INTERNAL' });
  });

  // The store and the address keys only: each limiter below is consulted by hand, so that only failures count.
  void app.register(rateLimit, { global: false });

  void app.register(async (routes) => {
    const enrolLimiter = routes.createRateLimit({ max: limits.enrolFailures, timeWindow: limits.windowMs });
    const authLimiter = routes.createRateLimit({ max: limits.authFailures, timeWindow: limits.windowMs });
    const devices = new WeakMap<FastifyRequest, Device>();
    const device = (request: FastifyRequest): Device => devices.get(request)!;

    routes.get('/health', () => ({ ok: true, schemaVersion: DESK_SCHEMA_VERSION }));

    routes.post(
      '/devices/enrol',
      {
        bodyLimit: limits.enrolBody,
        onRequest: (request, reply) => refuseWhenLimited(enrolLimiter, request, reply),
        onSend: countFailures(enrolLimiter, (status) => status >= 400 && status < 500 && status !== 429),
      },
      (request) => {
        const body = parseBody(enrolRequestSchema, request.body);
        checkSchemaVersion(body.schemaVersion);
        return enrolDevice(db, body);
      },
    );

    const authenticated = (bodyLimit: number) => ({
      bodyLimit,
      onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
        await refuseWhenLimited(authLimiter, request, reply);
        devices.set(request, await deviceForToken(db, request.headers.authorization));
      },
      onSend: countFailures(authLimiter, (status) => status === 401),
    });

    routes.post('/sync/push', authenticated(limits.pushBody), async (request) => {
      const body = parseBody(pushRequestSchema, request.body);
      const pusher = await admitDevice(db, device(request), body);
      return pushMutations(db, pusher, body.mutations, {
        audit: body.audit,
        onRewrittenChain: (refusal) =>
          request.log.warn(
            { deviceId: pusher.id, propertyId: pusher.property_id, refusal, reported: body.audit },
            'audit chain rewritten: checkpoint refused',
          ),
      });
    });

    routes.post('/sync/audit-checkpoint', authenticated(limits.pullBody), async (request) => {
      const body = parseBody(checkpointRequestSchema, request.body);
      const caller = await admitDevice(db, device(request), body);
      return { checkpoint: await latestCheckpoint(db.db, caller.id) } satisfies CheckpointResponse;
    });

    routes.post('/sync/pull', authenticated(limits.pullBody), async (request) => {
      const body = parseBody(pullRequestSchema, request.body);
      return pullChanges(db, await admitDevice(db, device(request), body), body.cursor, body.limit);
    });

    // The archive's encrypted chunks. The raw routes name the device and schema in headers (no JSON body to carry them).
    routes.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    const admitByHeaders = (request: FastifyRequest) => {
      const headers = parseBody(blobHeadersSchema, request.headers);
      return admitDevice(db, device(request), {
        deviceId: headers[BLOB_DEVICE_HEADER],
        schemaVersion: headers[BLOB_SCHEMA_HEADER],
      });
    };
    const hashOf = (request: FastifyRequest) => parseBody(blobHashSchema, (request.params as { hash?: unknown }).hash);

    routes.post('/blobs/missing', authenticated(limits.pushBody), async (request) => {
      const body = parseBody(blobMissingRequestSchema, request.body);
      const caller = await admitDevice(db, device(request), body);
      return { missing: await missingBlobs(db.db, caller.property_id, body.hashes) } satisfies BlobMissingResponse;
    });

    routes.put('/blobs/:hash', authenticated(limits.blobBody), async (request) => {
      const caller = await admitByHeaders(request);
      const hash = hashOf(request);
      if (!Buffer.isBuffer(request.body))
        throw new SyncError('BAD_REQUEST', { message: 'body: application/octet-stream expected' });
      return (await storeBlob(db.db, caller.property_id, hash, request.body)) satisfies BlobStoredResponse;
    });

    routes.get('/blobs/:hash', authenticated(limits.pullBody), async (request, reply) => {
      const caller = await admitByHeaders(request);
      const bytes = await readBlob(db.db, caller.property_id, hashOf(request));
      return reply.type('application/octet-stream').send(bytes);
    });
  });

  return app;
}
