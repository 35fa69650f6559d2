## Consultations: the question, answers, the decision, new rounds, /opinions

stance-AGREE = Agree
stance-DISAGREE = Disagree
stance-AGREE_WITH_AMENDMENTS = Agree with amendments
stance-none = no answer yet

consult-status-OPEN = Waiting for answers
consult-status-CLOSED = Decided
consult-status-SUPERSEDED = Moved to a new round
consult-state-waiting = no answer yet
consult-state-no-stance = no clear position

btn-agree = Agree
btn-disagree = Disagree
btn-amend = Agree with amendments
btn-clarify = Ask for clarification
btn-delegate = Hand to a deputy
btn-close-consult = Decide
btn-new-round = New round
btn-reply-clarify = Answer the question
btn-nudge-person = Nudge { $name }
btn-explain-person = Demand an explanation: { $name }
btn-done = Done
btn-default-deadline = Default: { $deadline }
btn-send-consult = Send

consult-new-title = ❓ Request for opinion { $code }
consult-new-round-title = ❓ Request for opinion { $code } (round { $round }, after { $previous })
consult-new-minimal = ❓ Request for opinion { $code }: { $subject }. Answer by { $deadline }.
consult-line-asker = Asked by: { $who }
consult-line-subject = Matter: { $subject }
consult-line-question = Question: { $question }
consult-line-task = Related task: { $code } "{ $title }"
consult-line-round = Round { $round }, after { $previous }
consult-line-deadline = Answer by: { $deadline } · Priority: { $priority }
consult-new-ask = Please give your position: Agree, Disagree (with the reason) or Agree with amendments (with the amendment).
consult-delegated-intro = { $head } handed this to you to answer on their behalf. Your answer is recorded as given on their behalf.

consult-step-who = Request for opinion – step 1/6: Whom do you ask? Type a name, official code or title (one person at a time).
consult-who-added = Chosen: { $names }. Type the next name, or press "Done".
consult-who-added-typed = Chosen: { $names }. Type the next name, or the number of "Done".
consult-step-subject = Request for opinion – step 2/6: The matter (a short title)?
consult-step-question = Request for opinion – step 3/6: The question (state the proposal clearly, so they can agree or not)?
consult-step-priority = Request for opinion – step 4/6: Priority?
consult-step-deadline = Request for opinion – step 5/6: Answer by when? Press "Default" for { $deadline }, or type a date (e.g. 05/12, 05/12 16:00, friday).
consult-step-deadline-typed = Request for opinion – step 5/6: Answer by when? Type the number of "Default" for { $deadline }, or type a date (e.g. 05/12, 05/12 16:00, friday).
consult-step-link = Request for opinion – step 6/6: Is it about a task (NV-…) or an earlier request (YK-…, then this is its next round)? Type the code, or press "Skip".
consult-step-link-typed = Request for opinion – step 6/6: Is it about a task (NV-…) or an earlier request (YK-…, then this is its next round)? Type the code, or the number of "Skip".
consult-link-unreadable = Please type a code like NV-2026-0012 or YK-2026-0031, or press "Skip".
consult-link-unreadable-typed = Please type a code like NV-2026-0012 or YK-2026-0031, or the number of "Skip".
consult-link-round = round { $round }, after { $code }
consult-confirm = Please check before sending:
    Asking: { $names }
    Matter: { $subject }
    Question: { $question }
    Answer by: { $deadline } · Priority: { $priority }
consult-confirm-link = Related: { $link }
consult-asked-reply = ✅ Sent { $code } to { $count } people. Answer by { $deadline }. Follow it with /opinions.
consult-asked-unreachable = Note: { $names } cannot be reached in chat; the request is recorded and shows in digests.

consult-ask-disagree = You disagree with { $code }. Please give the reason:
consult-ask-amend = You agree with { $code } with amendments. Please give the amendments:
consult-answer-reply = ✅ Your position "{ $stance }" on { $code } is recorded. You can change it until the asker decides.
consult-answer-changed-reply = ✅ Your new position "{ $stance }" on { $code } is recorded.
consult-answer-reply-deputy = ✅ Position "{ $stance }" on { $code } recorded, given by you on behalf of { $head }.
consult-answer-notice = 📝 { $code }: { $who } answered "{ $stance }"
consult-answer-changed-notice = 📝 { $code }: { $who } changed their position to "{ $stance }" (was: { $previous })
consult-answer-by-deputy = (On behalf of { $head })
consult-answer-text = Text: { $text }
consult-tally = Answers: { $answered }/{ $total }.
consult-all-answered = Everyone has answered. Please decide, or open a new round.
consult-answered-for-you = ℹ️ { $code }: { $who } answered on your behalf: "{ $stance }". Answering on your behalf is recorded.

consult-free-text-reply = Your message about { $code } is recorded and passed to the asker. It states no position, so it does not count as an answer; the deadline is still { $deadline }. Please choose: Agree, Disagree or Agree with amendments.
consult-free-text-notice = 💬 { $code }: { $who } wrote without stating a position
    Text: { $text }
    This is not an answer yet; the request still waits (answer by { $deadline }).
consult-comment-notice = 💬 { $code }: { $who } added
    Text: { $text }
consult-free-pick = Which request for opinion is your message about?
consult-typed-stance = Your position "{ $stance }" on { $code } ({ $subject })? Please press the button to record it.
consult-typed-stance-typed = Your position "{ $stance }" on { $code } ({ $subject })? Please type the number of that choice to record it.

consult-clarify-ask = Clarification on { $code } (one question per person; the deadline does not change). Please type your question:
consult-clarify-reply = ✅ Your question went to the asker. { $code } is still due { $deadline }.
consult-clarify-notice = ❔ { $code }: { $who } asks for clarification
    Matter: { $subject }
    Question: { $text }
consult-clarify-used = You have already asked for clarification on { $code }. Please give your position.
consult-reply-ask = Answer { $who }'s question on { $code }. Please type it:
consult-reply-sent = ✅ Your clarification on { $code } went to { $who }.
consult-reply-notice = 💡 { $code }: { $who } answered your question
    Question: { $question }
    Answer: { $text }
    Answer by: { $deadline }. Please give your position.

consult-delegate-pick = Which deputy answers { $code } on your behalf?
consult-delegated-reply = ✅ { $who } will answer { $code } on your behalf. The hand-over is recorded.

consult-close-ask = Decision on { $code }. Please type the decision (it goes to everyone asked):
consult-closed-reply = ✅ { $code } decided; the decision went to { $count } people asked.
consult-closed-notice = 🏁 Decision on { $code }: { $subject }
    Decided by: { $who }, at { $at }
    Decision: { $decision }
    Your position: { $stance }

consult-round-ask = Round { $round } of "{ $subject }" (after { $code }), to: { $names }. Please type this round's question:
consult-round-deadline = Answer by when? Press "Default" for { $deadline }, or type a date (e.g. 05/12, 05/12 16:00, friday).
consult-round-deadline-typed = Answer by when? Type the number of "Default" for { $deadline }, or type a date (e.g. 05/12, 05/12 16:00, friday).

consult-nudged-notice = 🔔 { $who } reminds you to answer { $code } "{ $subject }". Answer by { $deadline }.
consult-nudged-reply = Reminded { $names } about { $code }.

consult-card-title = ❓ { $code } · { $status }
consult-card-answers = Answers ({ $answered }/{ $total }):
consult-resp-answered = { $mark } { $who }: { $stance } ({ $at }){ $text }
consult-resp-by = ↳ answered on their behalf by { $who }
consult-resp-no-stance = { $mark } { $who }: no clear position — "{ $text }"
consult-resp-waiting = { $mark } { $who }: no answer yet
consult-resp-delegated = ↳ handed to { $who } to answer
consult-card-clarify-q = ❔ { $who } asked: "{ $text }"
consult-card-clarify-a = 💡 { $who } answered: "{ $text }"
consult-card-decision = 🏁 Decision ({ $at }): { $decision }
consult-card-demand = 📄 { $code }: explanation demanded from { $who } · { $status }
consult-card-overdue = Answers { $late } overdue.

consult-list-empty = No request for opinion waits for your answer, and none you sent is open.
consult-list-waiting-title = 📥 Waiting for your answer ({ $total })
consult-list-waiting = { $mark } { $code } · { $subject } · due { $deadline } · { $asker }
consult-list-for-head = (on behalf of { $head })
consult-list-asked-title = 📤 You asked, still open ({ $total })
consult-list-asked = { $code } · { $subject } · due { $deadline } · { $answered }/{ $total } answered

reminder-consult-0 = ⏰ Reminder: no answer to { $code }
    { $asker } asked your opinion on "{ $subject }" at { $askedAt }, due { $deadline }.
    Please answer: Agree, Disagree or Agree with amendments.
reminder-consult-1 = ⏰ Second reminder: no answer to { $code }
    Your opinion on "{ $subject }" was asked at { $askedAt }, due { $deadline } ({ $late } overdue).
    If there is no answer by { $nextAt }, { $superior } will be told.
reminder-consult-no-stance = What you wrote states no position, so it does not count as an answer.
escalation-consult-title = ⚠️ For your attention: no answer to { $code }
escalation-consult-body = { $who } was asked by { $asker } about "{ $subject }" at { $askedAt }.
    Due { $deadline } ({ $late } overdue); reminded { $reminders } times.
escalation-consult-no-stance = They replied, but without stating a position.
consult-escalation-level = (Escalation level { $level }: you are { $depth } level(s) above the person asked.)

consult-not-found = This request for opinion was not found.
consult-not-visible = This request for opinion is outside what you may see.
consult-not-respondent = You were not asked on { $code }, so you cannot answer it.
consult-not-asker = Only the asker of { $code } can do this.
consult-closed = { $code } is decided or moved to a new round; it takes no more answers.
consult-already-answered = You have already answered { $code }.
consult-round-exists = { $code } already has a next round: { $next }.
consult-no-question = There is no clarification question on { $code } to answer.
consult-nobody-waiting = Everyone has answered { $code }.
consult-explain-pick = Please open { $code } (Details) and choose whom to ask for an explanation.
consult-delegate-none = Your unit has no deputy to hand this to.
consult-delegate-not-deputy = You can only hand it to a deputy of your own unit.
consult-respondent-unknown = Someone chosen is no longer in the organisation. Please choose again.
consult-clear-respondents = A request for opinion must say whom it asks: choose at least one person.
consult-clear-subject = A request for opinion must name the matter (a few words at least).
consult-clear-question = A request for opinion must state the question (a few words at least).
consult-clear-deadline = A request for opinion needs a deadline.
consult-self = You cannot ask yourself.
consult-too-many = At most { $max } people per request.
consult-disagree-needs-reason = "Disagree" needs a reason (a few words at least).
consult-amend-needs-text = "Agree with amendments" needs the amendments (a few words at least).
consult-decision-required = Please type a concrete decision (a few words at least).
