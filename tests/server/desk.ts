/** A desk as the server sees it, over real HTTP: enrols, pushes numbered mutations, pulls pages. */
import {
  DESK_SCHEMA_VERSION,
  type Effect,
  type EnrolResponse,
  type PulledChange,
  type PullResponse,
  type PushedMutation,
  type PushResponse,
  type PushResult,
} from '@shared/sync/protocol';
import { v7 as uuidv7 } from 'uuid';
import type { TestServer } from './harness';
import { signIntent } from './staff-keys';

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export async function post<T = unknown>(url: string, path: string, body: unknown, token?: string): Promise<Reply<T>> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export interface EnrolOptions {
  propertyId?: string;
  deviceId?: string;
  hasBusinessData?: boolean;
  lastSeq?: number;
}

export function enrolBody(code: string, options: EnrolOptions = {}) {
  return {
    code,
    deviceId: options.deviceId ?? uuidv7(),
    deskCode: 'D1',
    propertyId: options.propertyId ?? uuidv7(),
    hasBusinessData: options.hasBusinessData ?? false,
    lastSeq: options.lastSeq ?? 0,
    schemaVersion: DESK_SCHEMA_VERSION,
  };
}

export interface MutationOptions {
  actorId?: string | null;
  approvalId?: string | null;
  input?: unknown;
  /** Who signs the intent: the actor unless set (an approver signs a held operation). */
  signedBy?: string | null;
}

export class TestDesk {
  private seq: number;

  private constructor(
    readonly server: TestServer,
    readonly deviceId: string,
    readonly token: string,
    readonly propertyId: string,
    lastSeq: number,
  ) {
    this.seq = lastSeq;
  }

  static async enrol(server: TestServer, code: string, options: EnrolOptions = {}): Promise<TestDesk> {
    const body = enrolBody(code, options);
    const reply = await post<EnrolResponse>(server.url, '/devices/enrol', body);
    if (reply.status !== 200) throw new Error(`enrolment failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return new TestDesk(server, body.deviceId, reply.body.token, reply.body.propertyId, reply.body.lastSeq);
  }

  /** The next mutation of this desk (takes the next sequence number). */
  mutation(name: string, effects: Effect[], options: MutationOptions = {}): PushedMutation {
    const intent = {
      id: uuidv7(),
      name,
      at: new Date().toISOString(),
      actorId: options.actorId ?? null,
      approvalId: options.approvalId ?? null,
      input: options.input ?? {},
    };
    const signedBy = options.signedBy === undefined ? intent.actorId : options.signedBy;
    return {
      seq: ++this.seq,
      ...intent,
      signedBy,
      signature: signedBy === null ? null : signIntent(signedBy, intent),
      effects,
    };
  }

  push(mutations: PushedMutation[], schemaVersion = DESK_SCHEMA_VERSION): Promise<Reply<PushResponse>> {
    return post<PushResponse>(
      this.server.url,
      '/sync/push',
      { deviceId: this.deviceId, schemaVersion, mutations },
      this.token,
    );
  }

  /** Pushes one new mutation and returns its result. */
  async run(name: string, effects: Effect[], options: MutationOptions = {}): Promise<PushResult> {
    const reply = await this.push([this.mutation(name, effects, options)]);
    if (reply.status !== 200) throw new Error(`push failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.results[0]!;
  }

  pull(cursor: number, limit?: number): Promise<Reply<PullResponse>> {
    return post<PullResponse>(
      this.server.url,
      '/sync/pull',
      { deviceId: this.deviceId, schemaVersion: DESK_SCHEMA_VERSION, cursor, limit },
      this.token,
    );
  }

  /** Every change after the cursor, page by page. */
  async pullAll(cursor = 0, limit?: number): Promise<PulledChange[]> {
    const changes: PulledChange[] = [];
    for (;;) {
      const reply = await this.pull(cursor, limit);
      if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      changes.push(...reply.body.changes);
      cursor = reply.body.cursor;
      if (!reply.body.hasMore) return changes;
    }
  }
}
