/**
 * The ids and human numbers a handler makes, made again the same when its intent runs again on a
 * rebase: a booking sold offline keeps the id its deposit points at and the number the guest was
 * given. The first run records what it made, in order (kept on its outbox row); a re-run takes
 * them back in the same order, and makes new ones only past what the first run made.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { v7 as uuidv7 } from 'uuid';
import type { Made } from '../db/schema';

export type { Made };

interface Frame {
  made: Made;
  replay: Made;
}

const frames = new AsyncLocalStorage<Frame>();

/** Runs a handler, recording what it makes; `replay`: what a first run made, to make again. */
export async function recordingMade<T>(replay: Made | null, work: () => Promise<T>): Promise<{ value: T; made: Made }> {
  const frame: Frame = {
    made: { ids: [], numbers: [] },
    replay: { ids: [...(replay?.ids ?? [])], numbers: [...(replay?.numbers ?? [])] },
  };
  const value = await frames.run(frame, work);
  return { value, made: frame.made };
}

/** The frame of the handler now running (null outside one, e.g. timed jobs and seeding). */
function frame(): Frame | undefined {
  return frames.getStore();
}

/** A new primary key (UUIDv7), or the one the first run of this intent made at this point. */
export function newId(): string {
  const current = frame();
  const id = current?.replay.ids.shift() ?? uuidv7();
  current?.made.ids.push(id);
  return id;
}

/** A human number from `make`, or the one the first run of this intent was given at this point. */
export async function madeNumber(make: () => Promise<string>): Promise<string> {
  const current = frame();
  const number = current?.replay.numbers.shift() ?? (await make());
  current?.made.numbers.push(number);
  return number;
}
