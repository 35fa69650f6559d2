// The shared router with every command, button and flow wired in: one for all channels.
import type { RouterResult } from '../../channels/types.js';
import type { AppContext } from '../context.js';
import { DialogRegistry, persistTurn } from './dialog.js';
import { assignFlow, startAssign } from './flows/assign-flow.js';
import { completeFlow, extensionFlow, reasonFlow, reassignFlow, reportFlow, startReport } from './flows/task-flows.js';
import { digestCommand } from '../digest/digest-command.js';
import { evaluationCommand } from '../reports/report-command.js';
import { help, setLanguage } from './handlers/basics.js';
import { setPreferredChannel } from './handlers/channel-preference.js';
import { handleTaskAction } from './handlers/task-actions.js';
import { taskList } from './handlers/task-list.js';
import { createRouter, type ActionHandler, type CommandHandler, type Router } from './router.js';
import type { Session } from './session.js';
import { idArg } from '../actions.js';

export interface RouterExtensions {
  actions?: ActionHandler[];
  commands?: Record<string, CommandHandler>;
  flows?: ConstructorParameters<typeof DialogRegistry>[0];
}

const listAction: ActionHandler = async (s, action) => {
  if (action.verb !== 'list.tasks') return undefined;
  return { replies: [await taskList(s, idArg(action) ?? 1)] };
};

export function createAppRouter(app: AppContext, ext: RouterExtensions = {}): Router {
  const flow = async (s: Session, turn: Promise<Parameters<typeof persistTurn>[1]>): Promise<RouterResult> => ({ replies: await persistTurn(s, await turn) });
  return createRouter({
    app,
    dialogs: new DialogRegistry([assignFlow, reasonFlow, extensionFlow, reportFlow, completeFlow, reassignFlow, ...(ext.flows ?? [])]),
    actions: [handleTaskAction, listAction, ...(ext.actions ?? [])],
    commands: {
      start: help,
      help,
      lang: setLanguage,
      channel: setPreferredChannel,
      tasks: async (s) => ({ replies: [await taskList(s, 1)] }),
      assign: (s, args) => flow(s, startAssign(s, args)),
      report: (s) => flow(s, startReport(s, undefined)),
      digest: digestCommand,
      evaluation: evaluationCommand,
      ...(ext.commands ?? {}),
    },
  });
}
