## Tasks: notifications, buttons, lists, errors

priority-URGENT = Urgent
priority-HIGH = High
priority-NORMAL = Normal

status-ASSIGNED = Waiting to be accepted
status-ACCEPTED = Accepted
status-IN_PROGRESS = In progress
status-DONE = Done, waiting for confirmation
status-CLOSED = Confirmed done
status-DECLINED = Declined
status-CANCELLED = Cancelled

btn-accept = Accept
btn-extend = Ask for more time
btn-decline = Decline / propose transfer
btn-report = Report progress
btn-complete = Report completion
btn-view = Details
btn-confirm = Confirm done
btn-reopen = Send back
btn-cancel-task = Cancel task
btn-reassign = Assign to someone else
btn-insist = Keep: it is their duty
btn-nudge = Nudge
btn-approve-ext = Approve extension
btn-refuse-ext = Refuse extension
btn-prev = ‹ Previous
btn-next = Next ›
btn-explain = Demand an explanation

task-person = { $name }, { $title }
task-line-assigner = Assigned by: { $who }
task-line-assignee = Assignee: { $who }
task-line-title = Task: { $title }
task-line-result = Expected result: { $result }
task-line-description = Notes: { $description }
task-line-doc = Document: { $doc }
task-line-deadline = Deadline: { $deadline } · Priority: { $priority }
task-line-status = Status: { $status }
task-line-progress = Progress: { $percent }% (reported { $at })
task-line-no-progress = Progress: not reported yet
task-line-latest-note = Latest report: { $note }
task-line-overdue = Overdue by { $late }.

task-new-title = 📌 New task { $code }
task-new-ask-accept = Please accept it before { $acceptBy }.
task-new-minimal = 📌 New task { $code }: { $title }. Deadline: { $deadline }.

task-assigned-reply = ✅ Task { $code } assigned to { $who }. You will be told if it is not accepted by { $acceptBy }.
task-assigned-unreachable = Note: { $name } has not linked a chat account or cannot receive messages; the task is recorded and shows in digests.

task-accepted-reply = ✅ You accepted task { $code }. Deadline: { $deadline }. Report progress with /report.
task-accepted-notice = ✅ { $code } accepted
    { $who } accepted "{ $title }" at { $at }.

task-decline-ask-reason = You are declining task { $code }. Please give the reason (or propose a better person or unit):
task-declined-reply = Your decline of { $code } was sent to the assigner, who will decide.
task-declined-notice = ↩️ { $code } declined
    { $who } declined "{ $title }".
    Reason: { $reason }
    Please choose: assign someone else, keep it (if it is within their duty), or cancel the task.

task-extend-ask-date = You are asking for more time on { $code } (current deadline { $deadline }). Enter the new deadline (e.g. 15/12, 15/12 16:00, friday):
task-extend-ask-reason = Why do you need more time?
task-extend-not-later = The new deadline must be after the current one ({ $deadline }).
task-extend-pending = Task { $code } already has an extension request waiting for the assigner.
task-extend-reply = Your request to extend { $code } to { $deadline } was sent. The deadline changes only if it is approved.
task-extend-notice = 🕒 Extension request { $code }
    { $who } asks for more time on "{ $title }".
    Current deadline: { $deadline }
    Requested deadline: { $newDeadline }
    Reason: { $reason }
task-extend-approved-notice = ✅ Extension of { $code } approved. New deadline: { $deadline }.
task-extend-refused-notice = ❌ Extension of { $code } refused. The deadline stays { $deadline }.
task-extend-approved-reply = Extension of { $code } to { $deadline } approved.
task-extend-refused-reply = Extension of { $code } refused; the deadline stays.
task-extend-decided = This extension request has already been decided.
task-extend-voided = The extension request for { $code } has lapsed: the task was reported done, declined or cancelled before the request was decided.

task-report-pick = Which task are you reporting on?
task-report-none = You have no task in progress to report on.
task-report-ask-percent = Progress on { $code }. How much is done, in percent (0–100)? If it is finished, choose "Report completion".
task-report-ask-note = Your report (what was done, what is blocking)? You may attach a photo or a file.
task-report-reply = ✅ Progress on { $code } recorded: { $percent }%. The assigner was told.
task-progress-notice = 📈 Progress { $code }: { $percent }%
    Reported by: { $who }
    Note: { $note }
task-progress-evidence = Evidence for the report on { $code }

task-complete-ask-result = Completion of { $code }. What was achieved (expected: "{ $result }")? You may attach a photo or a file.
task-completed-reply = ✅ Completion of { $code } reported. The assigner will confirm.
task-completed-notice = 🏁 { $code } reported done
    { $who } reported "{ $title }" done at { $at }.
    Result: { $note }
    Expected result: { $result }
    Please confirm it or send it back.
task-confirmed-notice = 🟢 { $code } was confirmed done. Thank you.
task-confirmed-reply = { $code } confirmed done.
task-reopen-ask-reason = Sending { $code } back. What is missing or must be redone?
task-reopened-notice = ↩️ { $code } was sent back
    By: { $who }
    Request: { $reason }
    Deadline: { $deadline }
task-reopened-reply = { $code } was sent back to the assignee.
task-cancel-ask-reason = Cancelling task { $code }. Why?
task-cancelled-notice = ⚫ Task { $code } "{ $title }" was cancelled. Reason: { $reason }
task-cancelled-reply = Task { $code } cancelled.
task-reassign-ask = Reassign { $code } to whom? Type a name, code or title to search.
task-reassigned-reply = ✅ { $code } reassigned to { $who }.
task-insisted-notice = ⚠️ { $code }: the assigner rules it is within your duty
    { $who } keeps "{ $title }" assigned to you.
    Deadline: { $deadline }
    Please accept it.
task-insisted-reply = { $code } stays assigned to { $who }; the decline is on record.
task-nudged-notice = 🔔 { $who } reminds you of { $code } "{ $title }". Deadline: { $deadline }.
task-nudged-reply = { $who } was reminded of { $code }.

tasks-list-title = 📋 Tasks waiting for you ({ $total })
tasks-list-empty = You have nothing waiting for you.
tasks-list-page = Page { $page }/{ $pages }
tasks-list-item = { $mark } { $code } · { $title } · due { $deadline } · { $status }
tasks-list-role-assigner = (assigned by you)

reminder-wave-title = ⏰ Reminder: { $count } items need you
reminder-wave-continued = ⏰ Reminder (continued, part { $part }/{ $parts })
reminder-accept-0 = ⏰ Reminder: { $code } not accepted yet
    You were given "{ $title }" at { $assignedAt }; the time to accept ran out at { $dueAt }.
    Please accept it, ask for more time, or decline with a reason.
reminder-accept-1 = ⏰ Second reminder: { $code } not accepted yet
    You were given "{ $title }" at { $assignedAt } ({ $late } past the time to accept).
    If it is not accepted by { $nextAt }, { $superior } will be told.
reminder-progress-0 = ⏰ Progress report due on { $code }
    Task "{ $title }", deadline { $deadline }. Last report: { $last }.
    Please report progress.
reminder-progress-1 = ⏰ Second reminder: no progress report on { $code }
    Task "{ $title }" is { $late } past its reporting interval.
    If there is no report by { $nextAt }, { $superior } will be told.
reminder-before-deadline = ⏳ { $code } is due soon
    Task "{ $title }" is due at { $deadline }. Last reported progress: { $percent }%.
reminder-overdue-0 = 🔴 { $code } is overdue
    Task "{ $title }" was due at { $deadline } and is not reported done.
    Please report completion, or ask for more time with a reason.
reminder-overdue-1 = 🔴 Second reminder: { $code } is { $late } overdue
    Task "{ $title }" was due at { $deadline }.
    If there is no report by { $nextAt }, { $superior } will be told.
reminder-no-superior = your superior
escalation-title = ⚠️ For your attention: { $code } { $what }
escalation-what-TASK_ACCEPT = not accepted
escalation-what-TASK_PROGRESS = no progress report
escalation-what-TASK_OVERDUE = overdue
escalation-what-TASK_BEFORE_DEADLINE = close to its deadline and not done
escalation-what-TASK_START = not started
escalation-what-CONSULTATION_ANSWER = no answer to the request for opinion
escalation-what-EXPLANATION_ANSWER = no explanation given
escalation-body = { $who } was given "{ $title }" by { $assigner } at { $assignedAt }.
    Deadline: { $deadline }. { $late } past { $dueAt }; reminded { $reminders } times.
escalation-level = (Escalation level { $level }: you are { $depth } level(s) above the assignee.)

five-clear-person = A task must name who does it. Please choose the assignee.
five-clear-job = A task must say what is to be done, in a few words at least.
five-clear-deadline = A task must have a deadline.
five-clear-responsibility = A task must have an accountable assigner.
five-clear-result = A task must state the expected result.
five-clear-priority = Please choose a priority: Urgent, High or Normal.
reason-required = Please give a concrete reason (a few words at least).
progress-percent-invalid = Progress is a whole number from 0 to 100.
task-not-found = This task was not found.
task-not-yours = Task { $code } is not assigned to you, so you cannot do this.
task-not-assigner = Only the assigner of { $code } can do this.
task-not-visible = This task is outside what you may see.
task-wrong-state = This no longer applies: task { $code } has moved on.
assign-not-allowed = You may not assign work to this person (only within the units you lead, or to those under you).
assign-nobody = There is nobody you may assign work to. Contact the office if the organisation data is wrong.
deadline-in-past = That time has passed. Please enter a time in the future.
deadline-unreadable = I could not read that deadline. You can write: 05/12, 05/12/2026, 05/12 16:00, tomorrow, friday.
deadline-too-far = That deadline is too far ahead: a deadline can be at most { $years } years from now (until { $latest }). Please check the year.
