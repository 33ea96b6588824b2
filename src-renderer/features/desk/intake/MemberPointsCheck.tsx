/**
 * Slot for the members' points check at intake (the booking procedure: members get a points
 * check, non-members a temporary profile). The points work fills it in; until then there is no
 * membership in the contract, so every guest is a non-member and it renders nothing.
 */
export function MemberPointsCheck(props: { guestId: string }) {
  void props;
  return null;
}
