import { describe, expect, it, vi } from 'vitest';
import type { DeskEvent } from '@shared/contract/events';
import { DeskEvents } from '../../src-main/services/desk-events';

function eventsAfter(name: string): DeskEvent[] {
  const events = new DeskEvents();
  const seen: DeskEvent[] = [];
  events.subscribe((event) => seen.push(event));
  events.afterMutation(name);
  return seen;
}

describe('the events a committed mutation sends to the windows', () => {
  it.each([
    ['approvals.request', ['approvals']],
    ['approvals.completePaperwork', ['approvals']],
    ['conflicts.resolve', ['conflicts']],
    // Approving runs the held operation, which may be anything.
    ['approvals.decide', ['approvals', 'conflicts']],
    ['guests.create', []],
    ['roomTypes.save', []],
    ['bookings.get', []],
  ] as const)('%s sends %j', (name, expected) => {
    expect(eventsAfter(name)).toEqual(expected);
  });

  it('stops telling a listener that unsubscribed, and one failing listener does not stop the others', () => {
    const events = new DeskEvents();
    const seen: DeskEvent[] = [];
    const off = events.subscribe(() => {
      throw new Error('a closed window');
    });
    events.subscribe((event) => seen.push(event));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    events.emit('sync.status');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    off();
    events.emit('sync.received');
    expect(seen).toEqual(['sync.status', 'sync.received']);
  });
});
