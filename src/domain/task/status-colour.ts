import type { Task } from './types.js';

/**
 * The one colour Vietnamese tracking systems show for a task (PRODUCT.md §3): grey = not yet accepted,
 * blue = in progress within its deadline, orange = done late, green = done on time, red = overdue and not done.
 */
export type StatusColour = 'grey' | 'blue' | 'orange' | 'green' | 'red' | 'none';

export function statusColour(task: Pick<Task, 'status' | 'deadline' | 'completedAt'>, now: Date): StatusColour {
  switch (task.status) {
    case 'CANCELLED':
      return 'none';
    case 'DONE':
    case 'CLOSED': {
      const doneAt = task.completedAt ?? now;
      return doneAt.getTime() <= task.deadline.getTime() ? 'green' : 'orange';
    }
    case 'ASSIGNED':
    case 'DECLINED':
      return now.getTime() > task.deadline.getTime() ? 'red' : 'grey';
    case 'ACCEPTED':
    case 'IN_PROGRESS':
      return now.getTime() > task.deadline.getTime() ? 'red' : 'blue';
  }
}

export const COLOUR_MARK: Record<StatusColour, string> = {
  grey: '⚪',
  blue: '🔵',
  orange: '🟠',
  green: '🟢',
  red: '🔴',
  none: '⚫',
};
