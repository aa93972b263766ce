import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { TaskListPage } from './task-list/TaskListPage';
import { useTaskRoute } from './use-task-route';

// The review screen brings the player (video.js and its stylesheet); other pages never load them.
const ReviewScreen = lazy(() => import('./screen/ReviewScreen').then((module) => ({ default: module.ReviewScreen })));

/** Review tasks: the expert's task list, or one task's review screen when the address names it. */
export function TasksPage() {
  const [taskId, openTask] = useTaskRoute();
  return taskId === null ? (
    <TaskListPage onOpen={(id) => openTask(id)} />
  ) : (
    <Suspense fallback={<Skeleton active />}>
      <ReviewScreen key={taskId} taskId={taskId} onBack={() => openTask(null)} />
    </Suspense>
  );
}
