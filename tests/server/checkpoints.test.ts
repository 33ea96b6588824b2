/**
 * Checkpoints of the desks' audit chains: a pushed head the server holds becomes a checkpoint,
 * answered with every push and on /sync/audit-checkpoint; a head that goes back, or an entry that
 * no longer carries the hash acknowledged for its seq, is refused, recorded once as an attack, and
 * changes no checkpoint, while the push's mutations still go through their usual checks.
 */
import { randomBytes } from 'node:crypto';
import {
  DESK_SCHEMA_VERSION,
  SNAPSHOT_OPERATION,
  type AuditChainReport,
  type CheckpointResponse,
  type Effect,
  type PushResponse,
} from '@shared/sync/protocol';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, serverFor } from './backends';
import { post, TestDesk } from './desk';
import { ADMIN, AGENT, effect, permissionMatrix, staff } from './fixtures';
import type { TestServer } from './harness';

/** A desk's audit chain as the server sees it: entries go up as audit_log rows; hashes are opaque to the server (keyed at the desk). */
class Chain {
  readonly entries: { seq: number; id: string; hash: string }[] = [];
  constructor(private readonly desk: TestDesk) {}

  /** The next n entries, as effects of a mutation. */
  next(n: number): Effect[] {
    return Array.from({ length: n }, () => {
      const seq = this.entries.length + 1;
      const entry = { seq, id: uuidv7(), hash: randomBytes(32).toString('hex') };
      const prev = this.entries.at(-1)?.hash ?? '0'.repeat(64);
      this.entries.push(entry);
      return effect('audit_log', {
        ...entry,
        at: new Date().toISOString(),
        device_id: this.desk.deviceId,
        actor_id: null,
        actor_name: null,
        operation: 'auth.signIn',
        entity_type: 'staff',
        entity_id: AGENT,
        outcome: 'ok',
        detail_json: null,
        prev_hash: prev,
      });
    });
  }

  entry(seq: number) {
    return this.entries[seq - 1]!;
  }

  report(headSeq = this.entries.length, atCheckpoint: AuditChainReport['atCheckpoint'] = null): AuditChainReport {
    return { head: this.entry(headSeq), atCheckpoint };
  }
}

describe.each(BACKENDS)('audit checkpoints on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server.close());

  async function enrolledDesk(): Promise<{ desk: TestDesk; chain: Chain }> {
    const desk = await TestDesk.enrol(server, await server.issueCode(), { propertyId: uuidv7() });
    const result = await desk.run(SNAPSHOT_OPERATION, [
      staff(ADMIN, 'admin'),
      staff(AGENT, 'agent'),
      ...permissionMatrix(),
    ]);
    expect(result.status).toBe('applied');
    return { desk, chain: new Chain(desk) };
  }

  /** One job mutation carrying the chain's next entries, with the chain's report. */
  async function pushEntries(desk: TestDesk, chain: Chain, n: number, report?: (chain: Chain) => AuditChainReport) {
    const mutation = desk.mutation('job.changes', chain.next(n));
    const reply = await post<PushResponse>(
      server.url,
      '/sync/push',
      {
        deviceId: desk.deviceId,
        schemaVersion: DESK_SCHEMA_VERSION,
        mutations: [mutation],
        audit: (report ?? ((c) => c.report()))(chain),
      },
      desk.token,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.results).toEqual([{ seq: mutation.seq, status: 'applied' }]);
    return reply.body;
  }

  const askCheckpoint = (desk: TestDesk) =>
    post<CheckpointResponse>(
      server.url,
      '/sync/audit-checkpoint',
      { deviceId: desk.deviceId, schemaVersion: DESK_SCHEMA_VERSION },
      desk.token,
    );

  const refusals = (desk: TestDesk) =>
    server.db.db.selectFrom('audit_checkpoint_refusal').selectAll().where('device_id', '=', desk.deviceId).execute();
  const checkpoints = (desk: TestDesk) =>
    server.db.db
      .selectFrom('audit_checkpoint')
      .select(['seq', 'hash'])
      .where('device_id', '=', desk.deviceId)
      .orderBy('seq')
      .execute();

  it('keeps a pushed head it holds as a checkpoint and answers with the latest, on the push and when asked', async () => {
    const { desk, chain } = await enrolledDesk();
    expect((await askCheckpoint(desk)).body).toEqual({ checkpoint: null });
    const first = await pushEntries(desk, chain, 3);
    expect(first.checkpoint).toEqual({ seq: 3, hash: chain.entry(3).hash, at: expect.any(String) });
    expect(first).not.toHaveProperty('checkpointRefused');

    const second = await pushEntries(desk, chain, 2, (c) => c.report(5, { seq: 3, hash: c.entry(3).hash }));
    expect(second.checkpoint).toMatchObject({ seq: 5, hash: chain.entry(5).hash });
    expect((await askCheckpoint(desk)).body.checkpoint).toEqual(second.checkpoint);
    expect((await checkpoints(desk)).map((c) => Number(c.seq))).toEqual([3, 5]);
    expect(await refusals(desk)).toEqual([]);
  });

  it('anchors nothing on a head whose row it does not hold yet', async () => {
    const { desk, chain } = await enrolledDesk();
    await pushEntries(desk, chain, 2);
    const ahead = {
      head: { seq: 9, id: uuidv7(), hash: randomBytes(32).toString('hex') },
      atCheckpoint: { seq: 2, hash: chain.entry(2).hash },
    };
    const answer = await pushEntries(desk, chain, 1, () => ahead);
    expect(answer.checkpoint).toMatchObject({ seq: 2 });
    expect(answer).not.toHaveProperty('checkpointRefused');
  });

  it('refuses a head that goes back before the last checkpoint, records the attack once, and still applies the push', async () => {
    const { desk, chain } = await enrolledDesk();
    const anchored = (await pushEntries(desk, chain, 4)).checkpoint;
    for (let round = 0; round < 2; round++) {
      const answer = await pushEntries(desk, chain, 1, (c) => c.report(2, { seq: 4, hash: c.entry(4).hash }));
      expect(answer).toMatchObject({ checkpointRefused: 'went-back', checkpoint: anchored });
    }
    expect((await checkpoints(desk)).map((c) => Number(c.seq))).toEqual([4]);
    expect(await refusals(desk)).toEqual([expect.objectContaining({ reason: 'went-back', checkpoint_seq: 4 })]);
    expect((await askCheckpoint(desk)).body.checkpoint).toEqual(anchored);
  });

  it('refuses a chain whose entry at the checkpoint, or whose head, no longer carries the hash acknowledged', async () => {
    const { desk, chain } = await enrolledDesk();
    const anchored = (await pushEntries(desk, chain, 3)).checkpoint;
    const forged = randomBytes(32).toString('hex');
    // The desk's own entry at the checkpoint, rewritten (or gone) since.
    expect(await pushEntries(desk, chain, 1, (c) => c.report(4, { seq: 3, hash: forged }))).toMatchObject({
      checkpointRefused: 'changed',
      checkpoint: anchored,
    });
    expect(await pushEntries(desk, chain, 1, (c) => c.report(5, { seq: 3, hash: null }))).toMatchObject({
      checkpointRefused: 'changed',
      checkpoint: anchored,
    });
    // The head the checkpoint names, with another hash; a head the server holds with another seq.
    expect(
      await pushEntries(desk, chain, 1, (c) => ({ head: { ...c.entry(3), hash: forged }, atCheckpoint: null })),
    ).toMatchObject({ checkpointRefused: 'changed' });
    expect(
      await pushEntries(desk, chain, 1, (c) => ({ head: { ...c.entry(6), seq: 8 }, atCheckpoint: null })),
    ).toMatchObject({ checkpointRefused: 'changed' });
    expect((await checkpoints(desk)).map((c) => Number(c.seq))).toEqual([3]);
    expect((await refusals(desk)).map((r) => r.reason)).toEqual(['changed']);
  });

  it('refuses a head naming another desk’s audit row', async () => {
    const { desk, chain } = await enrolledDesk();
    await pushEntries(desk, chain, 2);
    const other = await TestDesk.enrol(server, await server.issueCode(desk.propertyId));
    const otherChain = new Chain(other);
    const answer = await pushEntries(other, otherChain, 1, () => ({ head: chain.entry(2), atCheckpoint: null }));
    expect(answer).toMatchObject({ checkpointRefused: 'changed', checkpoint: null });
  });

  it('answers the checkpoint only to the device itself, and refuses a malformed report', async () => {
    const { desk, chain } = await enrolledDesk();
    await pushEntries(desk, chain, 1);
    expect(
      (
        await post(server.url, '/sync/audit-checkpoint', {
          deviceId: desk.deviceId,
          schemaVersion: DESK_SCHEMA_VERSION,
        })
      ).status,
    ).toBe(401);
    const other = await TestDesk.enrol(server, await server.issueCode(desk.propertyId));
    expect(
      (
        await post(
          server.url,
          '/sync/audit-checkpoint',
          { deviceId: desk.deviceId, schemaVersion: DESK_SCHEMA_VERSION },
          other.token,
        )
      ).status,
    ).toBe(401);
    const malformed = await post(
      server.url,
      '/sync/push',
      {
        deviceId: desk.deviceId,
        schemaVersion: DESK_SCHEMA_VERSION,
        mutations: [],
        audit: { head: { seq: 0, id: 'x', hash: 'not-hex' }, atCheckpoint: null },
      },
      desk.token,
    );
    expect(malformed).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST' } });
    expect((await checkpoints(desk)).map((c) => Number(c.seq))).toEqual([1]);
  });
});
