## Behaviour signals (the plan, section III.7): review, confirm, dismiss, explain, record by hand

behaviour-1 = Not doing, or not fully or properly doing, assigned duties
behaviour-2 = Not handling urgent matters first
behaviour-3 = Not proactive; advice without clear person, job, deadline and responsibility
behaviour-4 = Pushing work up or sideways while it is within one's own authority
behaviour-5 = Not answering, answering without a clear position, or answering late when asked
behaviour-6 = Receiving work without reporting, or reporting late
behaviour-7 = Applying only the rules that favour oneself
behaviour-8 = One matter, many meetings or rounds of opinions, no decision
behaviour-9 = Indifference to complaints and difficulties of citizens and firms
behaviour-10 = A head avoiding responsibility, passing the answer to a deputy
behaviour-11 = Not acting on recommendations after supervision
behaviour-short-3 = Not proactive
behaviour-short-7 = Only the favourable rules
behaviour-short-9 = Indifferent to citizens, firms
behaviour-short-11 = Ignoring supervision findings

signal-rule-task-overdue = Task overdue, not done
signal-rule-urgent-not-accepted = Urgent task not accepted in time
signal-rule-urgent-not-started = Urgent task not started in time
signal-rule-task-insisted = Declined work within one's duty
signal-rule-task-bounced = Task declined or passed on many times
signal-rule-consult-late = No answer by the deadline
signal-rule-consult-no-stance = Answer without a clear position
signal-rule-task-progress-late = Progress report missed or late
signal-rule-matter-rounds = Many rounds of opinions, no decision
signal-rule-answered-for-head = Answer handed to a deputy
signal-rule-manual = Recorded by a head

signal-status-PENDING = Waiting for review
signal-status-CONFIRMED = Confirmed
signal-status-DISMISSED = Dismissed

signal-title = ⚠️ Behaviour { $behaviour } signal: { $rule }
signal-line-person = Person: { $who }
signal-line-behaviour = Behaviour ({ $behaviour }), plan section III.7: { $text }
signal-line-item = Item: { $code } "{ $title }"
signal-line-bounces = Declines and transfers of this task: { $count }
signal-line-rounds = Rounds without a decision: { $count }
signal-line-events = What happened:
signal-ev-line = • { $at }: { $what }
signal-ev-task-assigned = { $who } assigned the task
signal-ev-task-accept-due = time to accept ran out
signal-ev-task-accepted = accepted
signal-ev-task-start-due = time to start the urgent task ran out
signal-ev-task-progress-due = progress report due
signal-ev-task-reported = progress reported
signal-ev-task-deadline = deadline
signal-ev-task-completed = reported done
signal-ev-task-declined = { $who } declined the task
signal-ev-task-reassigned = { $who } gave it to someone else
signal-ev-task-insisted = { $who } kept it: within their duty
signal-ev-consult-asked = { $who } asked for opinions
signal-ev-consult-deadline = answer deadline
signal-ev-consult-answered = { $who } answered "{ $stance }"
signal-ev-consult-free-text = { $who } wrote without a position
signal-ev-consult-delegated = { $who } handed the answer to a deputy
signal-ev-consult-round = { $who } asked { $text }
signal-line-note = Recorded by { $who }: { $note }
signal-line-raised = Raised at { $at } · { $status }
signal-line-review = Reviewed by { $who } at { $at }. Reason: { $reason }
signal-line-explanation = The person's explanation ({ $at }): { $text }
signal-no-item = (no item)

signals-title = ⚠️ Signals waiting for your review: { $total }
    Each is evidence, not a verdict. Please confirm or dismiss it with a reason; the person will be told.
signals-none = No signal waits for your review.
signals-footer = End of the list.
signals-not-head = This is for heads reviewing the signals of the people they lead.
btn-signal-confirm = Confirm
btn-signal-dismiss = Dismiss
btn-signal-record = Record another behaviour (3, 7, 9, 11)
btn-signal-explain = Explain

signal-confirm-ask = Confirm this signal. Please give the reason or your remarks (the person will be told):
signal-dismiss-ask = Dismiss this signal. Please give the reason (the person will be told):
signal-confirmed-reply = ✅ Signal confirmed; { $who } has been told.
signal-dismissed-reply = ✅ Signal dismissed; { $who } has been told.
signal-confirmed-notice = ⚠️ Your head confirmed a signal about you
    { $headline }
    Item: { $item }
    Reviewed by: { $who }
    Remarks: { $reason }
signal-dismissed-notice = ℹ️ A signal about you was reviewed and dismissed
    { $headline }
    Item: { $item }
    Reviewed by: { $who }
    Reason: { $reason }
signal-recorded-notice = ⚠️ Your head recorded a signal about you
    { $headline }
    Item: { $item }
    Recorded by: { $who }
    Note: { $reason }
signal-confirmed-explain = If you wish, press "Explain" to send your explanation; it is kept with the signal and sent to the head who reviewed it.
signal-confirmed-explain-typed = If you wish, type the number of "Explain" to send your explanation; it is kept with the signal and sent to the head who reviewed it.
signal-explain-ask = Please type your explanation:
signal-explained-reply = ✅ Your explanation is sent and kept with the signal.
signal-explained-notice = 📄 { $who } explains a signal
    { $headline }
    Item: { $item }
    Explanation: { $text }

signal-record-who = Record a signal – step 1/4: Which official? Type a name, code or title.
signal-record-behaviour = Record a signal – step 2/4: Which behaviour of { $who }?
signal-record-item = Record a signal – step 3/4: About which task or request for opinion? Type the code (NV-…, YK-…) or press "Skip".
signal-record-item-typed = Record a signal – step 3/4: About which task or request for opinion? Type the code (NV-…, YK-…) or the number of "Skip".
signal-record-note = Record a signal – step 4/4: A concrete note (what, when, on what grounds):
signal-recorded-reply = ✅ Behaviour { $behaviour } recorded for { $who }; they have been told.

signal-not-found = This signal was not found.
signal-not-yours = This signal is outside what you may review.
signal-already-reviewed = This signal has already been reviewed.
signal-explained-already = You have already explained this signal.
signal-duplicate = This signal is already recorded for that item.
signal-manual-behaviour = Only behaviours 3, 7, 9 and 11 are recorded by hand.
