/**
 * A modal that creates or edits one setup record. The form inside is keyed by the record, so each
 * opening starts from that record's values (or blank for a new one), never the previous form's.
 */
import { Fragment, type ReactNode } from 'react';
import { Modal, type ModalProps } from '@mantine/core';

/** null: closed; `{ item: null }`: creating; `{ item }`: editing that record. */
export type Editing<T> = { item: T | null } | null;

interface EditModalProps<T extends { id: string }> {
  editing: Editing<T>;
  onClose: () => void;
  title: (item: T | null) => string;
  size?: ModalProps['size'];
  children: (item: T | null) => ReactNode;
}

export function EditModal<T extends { id: string }>({ editing, onClose, title, size, children }: EditModalProps<T>) {
  return (
    <Modal opened={editing !== null} onClose={onClose} title={editing && title(editing.item)} size={size} centered>
      {editing && <Fragment key={editing.item?.id ?? 'new'}>{children(editing.item)}</Fragment>}
    </Modal>
  );
}
