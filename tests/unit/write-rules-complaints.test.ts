/**
 * The complaint opening's write rule: only a group complaint carries a response plan and a notice
 * to the directors; a desk cannot add either to a general or major complaint it opens.
 */
import { checkWrites, writeRuleOf, type RowWrite, type Writer } from '@shared/sync/write-rules';
import { describe, expect, it } from 'vitest';

const AGENT = { id: 'staff-lina', username: 'lina', displayName: 'Lina', role: 'agent' };
const writer: Writer = { actor: AGENT, deviceId: 'desk-1', input: {} };
const insert = (table: string, after: Record<string, unknown>): RowWrite => ({
  table,
  key: String(after.id),
  before: null,
  after,
  columns: null,
});

const ticket = (severity: string) => ({
  id: 'c1',
  opened_by: AGENT.id,
  owner_id: AGENT.id,
  device: 'desk-1',
  severity,
  status: 'open',
  pending_owner_id: null,
  responded_at: null,
  resolved_at: null,
  closed_at: null,
  co_owner_id: null,
  signed_off_by: null,
  signed_off_at: null,
  waiting_since: null,
});
const event = (kind: string) => ({
  id: `e-${kind}`,
  complaint_id: 'c1',
  staff_id: AGENT.id,
  kind,
  target_staff_id: null,
});
const planStep = { id: 'p1', complaint_id: 'c1', step: 'count_affected', position: 0, done_at: null, done_by: null };

const open = (severity: string, ...rows: RowWrite[]) =>
  checkWrites(writeRuleOf('complaints.open'), [insert('complaint', ticket(severity)), ...rows], writer);

describe('opening a complaint', () => {
  it('writes a group complaint with its plan and the directors’ notice', () => {
    expect(
      open(
        'group',
        insert('complaint_event', event('opened')),
        insert('complaint_event', event('director_notified')),
        insert('complaint_plan_item', planStep),
      ),
    ).toBeNull();
  });

  it.each(['general', 'major'])('refuses a plan or a directors’ notice on a %s complaint', (severity) => {
    expect(open(severity, insert('complaint_event', event('opened')))).toBeNull();
    expect(open(severity, insert('complaint_plan_item', planStep))).toMatchObject({
      problem: 'complaint_id is not a group complaint of this change',
    });
    expect(open(severity, insert('complaint_event', event('director_notified')))).toMatchObject({
      problem: 'complaint_id is not a group complaint of this change',
    });
  });

  it('refuses any other step at opening', () => {
    expect(open('group', insert('complaint_event', event('resolved')))).toMatchObject({
      problem: 'kind must be opened or director_notified',
    });
  });
});
