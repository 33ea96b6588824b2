/** Room-type inventory per night: what is left to sell, never below zero. */
export interface NightInventory {
  night: string;
  /** Rooms of the type that can be sold (out-of-order rooms excluded). */
  rooms: number;
  /** Nights already held by bookings. */
  sold: number;
}

export function available(inventory: NightInventory): number {
  return Math.max(0, inventory.rooms - inventory.sold);
}

/** The first night with nothing left to sell, or null when every night has a room. */
export function firstSoldOutNight(nights: readonly NightInventory[]): string | null {
  return nights.find((n) => n.sold >= n.rooms)?.night ?? null;
}
