import type { HTMLAttributes, ReactNode } from 'react';

export type Column<R> = {
  header: ReactNode;
  /** The class of the header cell and, unless `cellClassName` says otherwise, of each row's cell. */
  className?: string;
  cellClassName?: (row: R) => string | undefined;
  /** Shown on hover, for a cell that may be cut short. */
  cellTitle?: (row: R) => string;
  cell: (row: R) => ReactNode;
};

type Props<R> = {
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  /** The row's test id and any other attributes (`data-*`, a class). */
  rowAttributes: (row: R) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** Makes each row a way to its record: by click or by Enter. */
  onOpen?: (row: R) => void;
  /** Shown across the table when there are no rows; null while there is nothing to say yet. */
  empty: ReactNode | null;
  className?: string;
  testId: string;
};

/** A table of records, one row each, that can open the record the row stands for. */
export function DataTable<R>({ columns, rows, rowKey, rowAttributes, onOpen, empty, className, testId }: Props<R>) {
  return (
    <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} className={column.className}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            {...rowAttributes(row)}
            {...(onOpen && {
              tabIndex: 0,
              onClick: () => onOpen(row),
              onKeyDown: (event) => event.key === 'Enter' && onOpen(row),
            })}
          >
            {columns.map((column, index) => (
              <td key={index} className={column.cellClassName ? column.cellClassName(row) : column.className} title={column.cellTitle?.(row)}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
        {rows.length === 0 && empty !== null && (
          <tr>
            <td colSpan={columns.length} className="table-empty">
              {empty}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
