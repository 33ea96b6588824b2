/** A scrollable table of rows, with one full-width line saying so when there are none. */
import type { ReactNode } from 'react';
import { Table, Text, type TableProps } from '@mantine/core';

interface DataTableProps extends Omit<TableProps, 'children'> {
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** The header cells; their count is how many columns the empty line spans. */
  columns: ReactNode[];
  /** Shown instead of the rows when `rows` is empty. */
  emptyText: string;
  rows: ReactNode[];
}

export function DataTable({ minWidth, columns, emptyText, rows, ...tableProps }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table {...tableProps}>
        <Table.Thead>
          <Table.Tr>{columns}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" ta="center" py="md">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
