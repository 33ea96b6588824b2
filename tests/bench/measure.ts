/** Timing helpers shared by the benchmarks. */
import { dispatch } from '../../src-main/services/rpc/dispatch';
import type { Services } from '../../src-main/services/desk-services';

export async function must(services: Services, name: string, input: unknown = {}): Promise<unknown> {
  const result = await dispatch(services, name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

export async function timeEach(count: number, run: (i: number) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  return times;
}
