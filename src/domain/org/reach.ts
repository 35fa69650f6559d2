// Who may see or act on an item (a task, a demand for explanation): a party to it, or someone above the person it is
// about — their unit's leaders, their superiors, an admin (OrgDirectory.oversees). The one place this rule is written.
import type { OfficialId } from '../ids.js';
import type { OrgDirectory } from './directory.js';

/** How someone reaches an item: as one of its parties, or from above the person it is about. */
export type Reach = 'party' | 'above';

export interface ItemParties {
  /** Those the item is between (a task's assignee and assigner; a demand's person and requester). */
  parties: readonly number[];
  /** The person whose leaders and superiors also reach the item (the assignee; the person asked to explain). */
  about: OfficialId;
}

export function taskParties(task: { assigneeId: OfficialId; assignerId: OfficialId }): ItemParties {
  return { parties: [task.assigneeId, task.assignerId], about: task.assigneeId };
}

export function demandParties(demand: { officialId: number; requesterId: number }): ItemParties {
  return { parties: [demand.officialId, demand.requesterId], about: demand.officialId as OfficialId };
}

/** How `actorId` reaches the item, or undefined when they may neither see nor act on it. */
export function reachOf(org: Pick<OrgDirectory, 'oversees'>, actorId: OfficialId, item: ItemParties): Reach | undefined {
  if (item.parties.includes(actorId)) return 'party';
  if (org.oversees(actorId, item.about)) return 'above';
  return undefined;
}

export function mayReach(org: Pick<OrgDirectory, 'oversees'>, actorId: OfficialId, item: ItemParties): boolean {
  return reachOf(org, actorId, item) !== undefined;
}
