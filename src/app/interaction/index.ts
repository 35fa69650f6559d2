// The shared router with every command, button and flow wired in: one for all channels.
import type { RouterResult } from '../ports/channel.js';
import type { AppContext } from '../context.js';
import { DialogRegistry, persistTurn } from './dialog.js';
import { assignFlow, startAssign } from './flows/assign-flow.js';
import { completeFlow, extensionFlow, reasonFlow, reassignFlow, reportFlow, startReport } from './flows/task-flows.js';
import { digestCommand } from '../digest/digest-command.js';
import { evaluationCommand } from '../reports/report-command.js';
import { planReportCommand } from '../reports/plan-report-command.js';
import { help, setLanguage } from './handlers/basics.js';
import { channelAction, setPreferredChannel } from './handlers/channel-preference.js';
import { handleTaskAction } from './handlers/task-actions.js';
import { taskList } from './handlers/task-list.js';
import { askFlow, clarifyFlow, closeFlow, delegateFlow, freeTextFlow, replyFlow, roundFlow, stanceFlow, startAsk } from './flows/consult-flows.js';
import { answerFlow, demandFlow } from './flows/explain-flows.js';
import { recordFlow, reviewFlow, signalExplainFlow } from './flows/signal-flows.js';
import { handleConsultAction, opinionsList } from './handlers/consult-actions.js';
import { handleExplainAction } from './handlers/explain-actions.js';
import { consultationFreeText } from './handlers/free-text.js';
import { handleSignalAction, signalsList } from './handlers/signal-actions.js';
import { createRouter, type ActionHandler, type CommandHandler, type Router } from './router.js';
import type { Session } from './session.js';
import { idArg } from '../actions.js';
import { reviewActions, reviewCommand, reviewFlow as backlogReviewFlow } from '../review/review-chat.js';
import { selfReviewActions, selfReviewCommand, selfReviewFlow } from '../self-review/self-review-chat.js';
import { confirmReadCommand, handleNoticeAction, noticeCommitFlow, noticeCreateFlow, noticeQuestionFlow, noticesCommand } from '../notices/notice-chat.js';
import { commendCommand, commendFlow, handlePraiseAction } from '../recognition/commend-chat.js';

export interface RouterExtensions {
  actions?: ActionHandler[];
  commands?: Record<string, CommandHandler>;
  flows?: ConstructorParameters<typeof DialogRegistry>[0];
}

const listAction: ActionHandler = async (s, action) => {
  if (action.verb !== 'list.tasks') return undefined;
  return { replies: [await taskList(s, idArg(action) ?? 1)] };
};

/** Consultations, signals and demands for explanation (issue 4). */
const CONSULTATION_FLOWS = [askFlow, roundFlow, stanceFlow, clarifyFlow, replyFlow, closeFlow, delegateFlow, freeTextFlow, demandFlow, answerFlow, reviewFlow, signalExplainFlow, recordFlow];
/** The year-end cycle (issue 16): backlog review (/rasoat) and self-review (/tusoi). */
const YEAR_END_FLOWS = [backlogReviewFlow, selfReviewFlow];

/** Quán triệt notices and commendations (issue 15). */
const NOTICE_FLOWS = [noticeCreateFlow, noticeCommitFlow, noticeQuestionFlow, commendFlow];

export function createAppRouter(app: AppContext, ext: RouterExtensions = {}): Router {
  const flow = async (s: Session, turn: Promise<Parameters<typeof persistTurn>[1]>): Promise<RouterResult> => ({ replies: await persistTurn(s, await turn) });
  return createRouter({
    app,
    dialogs: new DialogRegistry([assignFlow, reasonFlow, extensionFlow, reportFlow, completeFlow, reassignFlow, ...CONSULTATION_FLOWS, ...YEAR_END_FLOWS, ...NOTICE_FLOWS, ...(ext.flows ?? [])]),
    actions: [handleTaskAction, listAction, handleConsultAction, handleExplainAction, handleSignalAction, channelAction, reviewActions, selfReviewActions, handleNoticeAction, handlePraiseAction, ...(ext.actions ?? [])],
    texts: [consultationFreeText],
    commands: {
      start: help,
      help,
      lang: setLanguage,
      channel: setPreferredChannel,
      tasks: async (s) => ({ replies: [await taskList(s, 1)] }),
      assign: (s, args) => flow(s, startAssign(s, args)),
      report: (s) => flow(s, startReport(s, undefined)),
      ask: (s, args) => flow(s, startAsk(s, args)),
      opinions: async (s) => ({ replies: [await opinionsList(s, 1)] }),
      signals: (s) => signalsList(s, 1),
      digest: digestCommand,
      evaluation: evaluationCommand,
      notices: noticesCommand,
      confirmRead: confirmReadCommand,
      commend: commendCommand,
      planReport: planReportCommand,
      review: reviewCommand,
      selfReview: selfReviewCommand,
      ...(ext.commands ?? {}),
    },
  });
}
