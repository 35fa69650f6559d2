// The shared router with every command, button and flow wired in: one for all channels.
import type { AppContext } from '../context.js';
import { DialogRegistry, flowReply } from './dialog.js';
import { assignFlow, startAssign } from './flows/assign-flow.js';
import { completeFlow, extensionFlow, reasonFlow, reassignFlow, reportFlow, startReport } from './flows/task-flows.js';
import { digestCommand } from '../digest/digest-command.js';
import { evaluationCommand } from '../reports/report-command.js';
import { planReportCommand } from '../reports/plan-report-command.js';
import { help, setLanguage } from './handlers/basics.js';
import { CHANNEL_ACTIONS, setPreferredChannel } from './handlers/channel-preference.js';
import { TASK_ACTIONS } from './handlers/task-actions.js';
import { taskList } from './handlers/task-list.js';
import { askFlow, clarifyFlow, closeFlow, delegateFlow, freeTextFlow, replyFlow, roundFlow, stanceFlow, startAsk } from './flows/consult-flows.js';
import { answerFlow, demandFlow } from './flows/explain-flows.js';
import { recordFlow, reviewFlow, signalExplainFlow } from './flows/signal-flows.js';
import { CONSULT_ACTIONS, opinionsList } from './handlers/consult-actions.js';
import { EXPLAIN_ACTIONS } from './handlers/explain-actions.js';
import { consultationFreeText } from './handlers/free-text.js';
import { SIGNAL_ACTIONS, signalsList } from './handlers/signal-actions.js';
import { createRouter, type CommandTable, type Router } from './router.js';
import { joinActionTables, type ActionTable, type FeatureActions } from './action-table.js';
import type { DialogFlow, TableFlow } from './dialog.js';
import { REVIEW_ACTIONS, reviewCommand, reviewFlow as backlogReviewFlow } from '../review/review-chat.js';
import { SELF_REVIEW_ACTIONS, selfReviewCommand, selfReviewFlow } from '../self-review/self-review-chat.js';
import { confirmReadCommand, NOTICE_ACTIONS, noticeCommitFlow, noticeCreateFlow, noticeQuestionFlow, noticesCommand } from '../notices/notice-chat.js';
import { commendCommand, commendFlow, PRAISE_ACTIONS } from '../recognition/commend-chat.js';

export interface RouterExtensions {
  /** Handlers that take the place of the features' own, verb by verb. */
  actions?: FeatureActions;
  commands?: Partial<CommandTable>;
  flows?: DialogFlow[];
}

/**
 * No message carries `digest.open` today (the digest's buttons open the items themselves): pressed from a forged or
 * stale payload it gets the answer any unknown button gets.
 */
const NOT_OFFERED = {
  'digest.open': async (s) => ({ replies: [{ text: s.t('error-malformed-action') }] }),
} satisfies FeatureActions;

/** Every button verb and its handler: a verb without one, or handled twice, fails tsc or the start. */
export const ACTIONS: ActionTable = joinActionTables(
  TASK_ACTIONS,
  CONSULT_ACTIONS,
  EXPLAIN_ACTIONS,
  SIGNAL_ACTIONS,
  CHANNEL_ACTIONS,
  // The year-end cycle (issue 16): backlog review (/rasoat) and self-review (/tusoi), in review/ and self-review/.
  REVIEW_ACTIONS,
  SELF_REVIEW_ACTIONS,
  // Quán triệt notices and commendations (issue 15), in notices/ and recognition/.
  NOTICE_ACTIONS,
  PRAISE_ACTIONS,
  NOT_OFFERED,
);

/** Every command (but /huy, the router's own) and its handler. */
export const COMMAND_HANDLERS: CommandTable = {
  start: help,
  help,
  lang: setLanguage,
  channel: setPreferredChannel,
  tasks: async (s) => ({ replies: [await taskList(s, 1)] }),
  assign: (s, args) => flowReply(s, startAssign(s, args)),
  report: (s) => flowReply(s, startReport(s, undefined)),
  ask: (s, args) => flowReply(s, startAsk(s, args)),
  opinions: async (s) => ({ replies: [await opinionsList(s, 1)] }),
  signals: (s) => signalsList(s, 1),
  digest: digestCommand,
  evaluation: evaluationCommand,
  planReport: planReportCommand,
  review: reviewCommand,
  selfReview: selfReviewCommand,
  notices: noticesCommand,
  confirmRead: confirmReadCommand,
  commend: commendCommand,
};

/** Every dialog flow, by the name its rows are stored under. */
export const FLOWS: TableFlow<string, never>[] = [
  assignFlow,
  reasonFlow,
  extensionFlow,
  reportFlow,
  completeFlow,
  reassignFlow,
  // Consultations, signals and demands for explanation (issue 4).
  askFlow,
  roundFlow,
  stanceFlow,
  clarifyFlow,
  replyFlow,
  closeFlow,
  delegateFlow,
  freeTextFlow,
  demandFlow,
  answerFlow,
  reviewFlow,
  signalExplainFlow,
  recordFlow,
  // The year-end cycle (issue 16).
  backlogReviewFlow,
  selfReviewFlow,
  // Quán triệt notices and commendations (issue 15).
  noticeCreateFlow,
  noticeCommitFlow,
  noticeQuestionFlow,
  commendFlow,
];

export function createAppRouter(app: AppContext, ext: RouterExtensions = {}): Router {
  return createRouter({
    app,
    dialogs: new DialogRegistry([...FLOWS, ...(ext.flows ?? [])]),
    actions: { ...ACTIONS, ...ext.actions },
    texts: [consultationFreeText],
    commands: { ...COMMAND_HANDLERS, ...ext.commands },
  });
}
