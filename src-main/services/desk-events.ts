/**
 * The desk's events for its windows (src-shared/contract/events.ts): the sync engine reports
 * each run, the paperwork check and committed mutations report approval requests and conflicts.
 * The Electron window and the harness's event stream subscribe; nothing here waits on them.
 */
import type { DeskEvent } from '@shared/contract/events';
import { isMutationName, touchesAny } from '@shared/contract/invalidations';

export type DeskEventListener = (event: DeskEvent) => void;

export class DeskEvents {
  private readonly listeners = new Set<DeskEventListener>();

  subscribe(listener: DeskEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: DeskEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[events] a listener failed', error);
      }
    }
  }

  /** After a committed mutation: approval requests and conflicts are shown in every window's badges. */
  afterMutation(name: string): void {
    if (!isMutationName(name)) return;
    if (touchesAny(name, ['approvals.counts'])) this.emit('approvals');
    if (touchesAny(name, ['conflicts.list'])) this.emit('conflicts');
  }
}
