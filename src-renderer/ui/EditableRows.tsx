/**
 * A table of rows a form edits as a list: each row ends in a remove button, and an add button sits
 * under the table. The caller owns the list (usually a Mantine form list) and draws the cells; the
 * limits, the remove column and the add button work the same in every such table.
 */
import type { ReactNode } from 'react';
import { ActionIcon, Button, Group, Table } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

interface EditableRowsProps {
  count: number;
  /** The header cells of the caller's columns; the remove column is added after them. */
  header: ReactNode;
  /** The cells of row `i`. */
  cells: (i: number) => ReactNode;
  onAdd: () => void;
  onRemove: (i: number) => void;
  /** Rows never go below this many (the last one cannot be removed) nor above `maxRows`. */
  minRows?: number;
  maxRows: number;
  /** Adding needs more than room, e.g. a room type to price. */
  addDisabled?: boolean;
  addLabel: string;
  removeLabel: string;
  testId: string;
  addTestId: string;
  rowTestId?: (i: number) => string;
  removeTestId?: (i: number) => string;
  /** Wide tables scroll sideways below this width instead of squeezing their inputs. */
  minWidth?: number;
  /** Shown at the end of the add button's line, e.g. a keyboard hint. */
  hint?: ReactNode;
}

export function EditableRows(props: EditableRowsProps) {
  const { count, minRows = 0, maxRows } = props;
  const table = (
    <Table verticalSpacing={4} data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          {props.header}
          <Table.Th w={44} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {Array.from({ length: count }, (_row, i) => (
          <Table.Tr key={i} data-testid={props.rowTestId?.(i)}>
            {props.cells(i)}
            <Table.Td>
              {count > minRows && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={props.removeLabel}
                  onClick={() => props.onRemove(i)}
                  data-testid={props.removeTestId?.(i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <>
      {props.minWidth ? <Table.ScrollContainer minWidth={props.minWidth}>{table}</Table.ScrollContainer> : table}
      <Group justify="space-between" mt={4}>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          disabled={props.addDisabled || count >= maxRows}
          onClick={props.onAdd}
          data-testid={props.addTestId}
        >
          {props.addLabel}
        </Button>
        {props.hint}
      </Group>
    </>
  );
}
