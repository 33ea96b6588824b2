/** Cancellation policies as stored (JSON); rows made before policies existed cancel for free. */
import { FREE_POLICY, type CancellationPolicy } from '@shared/rules/cancellation';

export function readPolicy(json: string | null): CancellationPolicy {
  return json ? (JSON.parse(json) as CancellationPolicy) : FREE_POLICY;
}

export function writePolicy(policy: CancellationPolicy): string {
  return JSON.stringify(policy);
}
