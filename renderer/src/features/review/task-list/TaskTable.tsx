import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskListRow } from '../../../../../shared/contract/ipc/review-channels';
import { TASK_GRID_COLUMNS, taskColumns, taskTableFeatures } from './task-columns';
import './task-table.css';

const ROW_HEIGHT = 56;

/**
 * The task grid: react-table sorts, react-virtual renders only the rows in view (plus a few), so 100,000 tasks cost
 * what 20 do. Rows are buttons for the keyboard: Enter opens the task.
 */
export function TaskTable({ rows, today, onOpen }: { rows: TaskListRow[]; today: string; onOpen: (taskId: string) => void }) {
  const { t, i18n } = useTranslation();
  // Columns change with the language and the day only; keeping them stable keeps the row models cached.
  const columns = useMemo(() => taskColumns(t, today), [t, i18n.language, today]); // eslint-disable-line react-hooks/exhaustive-deps
  const [sorting, setSorting] = useState<SortingState>([{ id: 'dueDate', desc: false }]);
  const table = useTable({
    features: taskTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.taskId,
    state: { sorting },
    onSortingChange: setSorting,
  });
  const modelRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: modelRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => modelRows[index]?.id ?? index,
    overscan: 8,
  });

  return (
    <div className="osea-task-table" data-testid="task-table" role="table" aria-rowcount={modelRows.length}>
      <div className="osea-task-table__head" role="row" style={{ gridTemplateColumns: TASK_GRID_COLUMNS }}>
        {table.getHeaderGroups()[0]?.headers.map((header) => {
          const sorted = header.column.getIsSorted();
          return (
            <button
              type="button"
              key={header.id}
              role="columnheader"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              className="osea-task-table__header"
              data-testid={`task-sort-${header.id}`}
              onClick={header.column.getToggleSortingHandler()}
            >
              <table.FlexRender header={header} />
              <span className="osea-task-table__sort">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
            </button>
          );
        })}
      </div>
      <div ref={scrollRef} className="osea-task-table__body" data-testid="task-table-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = modelRows[item.index];
            if (!row) return null;
            return (
              <div
                key={row.id}
                role="row"
                tabIndex={0}
                className={`osea-task-table__row${item.index % 2 ? ' osea-task-table__row--odd' : ''}`}
                data-testid="task-row"
                data-task-id={row.id}
                data-index={item.index}
                style={{ gridTemplateColumns: TASK_GRID_COLUMNS, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(row.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') onOpen(row.id);
                }}
              >
                {row.getAllCells().map((cell) => (
                  <div key={cell.id} role="cell" className="osea-task-table__cell">
                    <table.FlexRender cell={cell} />
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
