/**
 * Which price sources a desk may not have known when it sold: the honest offline sale.
 *
 * A desk prices from its own copy of the plan, so a desk that sold while out of touch may have
 * used prices the server has since replaced (another desk edited the plan). The server cannot see
 * what a desk had pulled, but it knows what the desk has written: after each push request the
 * desk's sync loop pulls, so a desk that pushed anything the server stored after a price source's
 * last change had been sent that change. A source is therefore *stale* for a push when it was last
 * written after everything this device wrote in earlier push requests, and only then may the
 * desk's price differ from the server's for what that source decides: any night when the rate plan
 * (or one of its prices) changed; a night on the base rate when the room type changed; a ticket's
 * price when its product changed. The arithmetic (nights, totals, price × visitors) is never excused.
 *
 * What this leaves: a desk that has pushed nothing since a price change (it may still pull) can
 * claim any price for what that change touched until its first push; and an honest desk that
 * pushed after the change but whose pull then failed, or whose catch-up after the change spans more
 * than one push request, is refused for an old price in the later requests (the desk lists it and
 * the booking is made again). Closing both needs the desk to send the pull cursor each mutation was
 * priced at, and the server to record the cursors it served.
 */
import type { ServerFacts, Versioned } from './facts';

/** Whether a price source changed after this device was last in touch: a stale price from it is an honest one. */
export async function staleFor(facts: ServerFacts, deviceId: string, source: Versioned | null): Promise<boolean> {
  return source !== null && !(await facts.deviceWroteAfter(deviceId, source.version));
}

/** The last change of a rate plan's pricing: the plan row (rewritten with every save of its prices) or any of its price rows. */
export function planChange(plan: Versioned, prices: readonly Versioned[]): Versioned {
  return prices.reduce((latest, price) => (price.version > latest.version ? price : latest), plan);
}
