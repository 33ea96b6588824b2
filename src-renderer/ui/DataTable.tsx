/**
 * A scrollable list table, with one full-width line saying so when there are no rows. Lists are
 * striped, highlight the row under the pointer and use the compact spacing unless a caller says
 * otherwise, so every list in the app reads alike.
 */
import type { ReactElement, ReactNode } from 'react';
import { Table, Text, type TableProps } from '@mantine/core';

interface DataTableProps extends Omit<TableProps, 'children'> {
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /**
   * The header: a label becomes a plain header cell, a cell is used as it is (for a width or an
   * alignment). Their count is how many columns the empty line spans.
   */
  columns: (string | ReactElement)[];
  /** Shown instead of the rows when `rows` is empty. */
  emptyText: string;
  rows: ReactNode[];
}

export function DataTable({
  minWidth,
  columns,
  emptyText,
  rows,
  striped = true,
  highlightOnHover = true,
  verticalSpacing = 'xs',
  ...tableProps
}: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped={striped} highlightOnHover={highlightOnHover} verticalSpacing={verticalSpacing} {...tableProps}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, i) =>
              typeof column === 'string' ? <Table.Th key={`${i}:${column}`}>{column}</Table.Th> : column,
            )}
          </Table.Tr>
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
