import type { MediaState, ScoringState, TaskListRow } from '../../../../../shared/contract/ipc/review-channels';

export interface TaskFilter {
  search: string;
  scoring: ScoringState | 'all';
  media: MediaState['state'] | 'all';
  overdueOnly: boolean;
}

export const NO_FILTER: TaskFilter = { search: '', scoring: 'all', media: 'all', overdueOnly: false };

/** Past its due date while the expert still owes a decision (a submitted or read-only task is never overdue). */
export const isOverdue = (row: TaskListRow, today: string): boolean =>
  row.dueDate !== '' && row.dueDate < today && (row.scoring === 'new' || row.scoring === 'draft') && row.readOnly === null;

/** Lower-cased text a search matches against, built once per row (the list may hold 100,000 of them). */
export const searchText = (row: TaskListRow): string =>
  `${row.practitionerName}\u0000${row.residentIdMasked}\u0000${row.occupationCode}\u0000${row.occupationName}\u0000${row.taskId}`.toLowerCase();

const searchTexts = new WeakMap<TaskListRow, string>();

/** searchText, kept per row object: a refetch that leaves a row unchanged hands back the same object. */
export function cachedSearchText(row: TaskListRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = searchText(row);
    searchTexts.set(row, text);
  }
  return text;
}

export function filterTasks(rows: readonly TaskListRow[], haystacks: readonly string[], filter: TaskFilter, today: string): TaskListRow[] {
  const needle = filter.search.trim().toLowerCase();
  const out: TaskListRow[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as TaskListRow;
    if (filter.scoring !== 'all' && row.scoring !== filter.scoring) continue;
    if (filter.media !== 'all' && row.media.state !== filter.media) continue;
    if (filter.overdueOnly && !isOverdue(row, today)) continue;
    if (needle && !(haystacks[i] as string).includes(needle)) continue;
    out.push(row);
  }
  return out;
}

/** Today in the workstation's local time zone as YYYY-MM-DD (due dates are calendar dates). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
