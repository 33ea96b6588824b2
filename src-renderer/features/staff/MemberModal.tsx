/**
 * A modal about one chosen staff member, open while one is chosen. The form inside is keyed by the
 * member, so each opening starts from that member's values rather than the previous one's.
 */
import { Fragment, type ReactNode } from 'react';
import { Modal } from '@mantine/core';
import type { StaffMember } from '@shared/contract';

interface MemberModalProps {
  member: StaffMember | null;
  onClose: () => void;
  title: (member: StaffMember) => string;
  children: (member: StaffMember) => ReactNode;
}

export function MemberModal({ member, onClose, title, children }: MemberModalProps) {
  return (
    <Modal opened={member !== null} onClose={onClose} title={member && title(member)} centered>
      {member && <Fragment key={member.id}>{children(member)}</Fragment>}
    </Modal>
  );
}
