# Review of long-open and overdue tasks (plan III.5; issue 16)

review-not-head = Reviewing tasks is for the head of a unit.
review-not-found = This review is not one of yours.
review-already-open = Review { $code } is open. Type /review to see its progress.
review-nothing = No task is overdue or open longer than the review threshold: no review was opened.
review-closed = This review has ended.
review-item-not-found = This item is not in a review.
review-item-not-yours = Item { $code } of the review is not waiting for your decision.
review-item-decided = Item { $code } of the review has been decided already.
review-item-settled = Task { $code } was dealt with outside the review (done, handed over or stopped): no decision is needed.
review-nothing-for-you = Nothing is waiting for your decision in a review.

review-none-open = 🔎 Task review — { $unit }
    You have no review open. A review takes every open task of the unit (and the units under it) that is overdue or was assigned more than { $stale } ago; each owner decides each task: done, keep with a new date, propose a transfer or propose to drop it. Proposals come to you.
review-started-reply = 🔎 Review { $code } opened: { $count } tasks, sent to { $owners } owners. Type /review to see its progress.
review-closed-reply = Review { $code } has ended. Undecided items are no longer reminded; the outcome stays in /review.
review-waiting-title = Waiting for your decision in a review: { $items } items, { $proposals } proposals.

review-task-line = { $code } "{ $title }" · assigned { $given } · due { $deadline }{ $overdue ->
        [yes] {" "}(overdue)
       *[no] {""}
    } · { $status }
review-item-title = 🔎 Review { $review } — { $code }
review-item-ask = { $head } is reviewing long-open and overdue tasks. Please decide by { $by }: done (with the result), keep with a new date (with a reason), propose a transfer or propose to drop it (with a reason).
review-item-ask-now = { $head } is reviewing long-open and overdue tasks. Please decide: done (with the result), keep with a new date (with a reason), propose a transfer or propose to drop it (with a reason).
review-proposal-title = 🔎 Review { $review } — { $code }: { $decision ->
        [TRANSFER] transfer proposed
       *[DROP] drop proposed
    }
review-proposal-body = Owner: { $who }
    Reason: { $reason }
review-proposal-forwarded = { $head } agreed and passed it to you, who assigned the task, to decide.
review-proposal-ask = Please agree or not (with a reason).
review-refused-notice = The proposal to { $decision ->
        [TRANSFER] transfer
       *[DROP] drop
    } task { $code } was not agreed by { $who }. The task goes on as before.
    Reason: { $reason }
review-agreed-notice = The proposal to { $decision ->
        [TRANSFER] transfer
       *[DROP] drop
    } task { $code } was agreed by { $who } { $applied ->
        [declined] (the task went back to its assigner to give to someone else).
       *[cancelled] (the task is stopped).
    }

review-ask = { $kind ->
        [done] Task { $code } is done: please type the result achieved.
        [keep] Why keep task { $code } with a new date?
        [transfer] Why transfer task { $code } (and to whom, if you know)?
        [drop] Why drop task { $code }?
       *[refuse] Why do you not agree to the proposal on task { $code }?
    }
review-ask-date = Keep task { $code } (due { $deadline }): please type the new date (e.g. 15/12, 15/12 16:00, friday). It goes to the assigner as a request for more time.
review-decided-reply = Decision on task { $code } recorded: { $decision ->
        [DONE] done, the result went to the assigner to confirm.
        [KEEP] kept with a new date, the request for more time went to the assigner.
        [TRANSFER] transfer proposed, sent to the head.
       *[DROP] drop proposed, sent to the head.
    }
review-proposal-decided-reply = { $result ->
        [applied] Proposal on task { $code } agreed{ $applied ->
            [declined] : the task came back to you to give to someone else.
           *[cancelled] : the task is stopped. If someone else must do it, assign it again with /assign.
        }
        [forwarded] Proposal on task { $code } agreed and passed to the task's assigner to decide.
       *[refused] Your refusal on task { $code } is recorded; the owner was told.
    }

review-summary = 🔎 Review { $code } — { $unit }
    Started { $started } · threshold { $stale }{ $closed ->
        [no] {""}
       *[other] {" "}· ended { $closed }
    }
    Total: { $total } tasks ({ $overdue } overdue, { $staleCount } long-open)
    Decided: { $decided } · Waiting for owners: { $pendingOwner } · Waiting for the head: { $pendingHead }
    Done: { $done } · Kept: { $keep } · Transfer proposed: { $transfer } · Drop proposed: { $drop } · Not agreed: { $refused } · Dealt with outside the review: { $settled }
review-detail-title = Review { $code } in detail ({ $total } tasks):
review-detail-line = • { $code } "{ $title }" — { $who } — { $why ->
        [OVERDUE] overdue
       *[STALE] long-open
    }: { $state ->
        [PENDING_OWNER] not decided
        [PENDING_HEAD] { $decision }, waiting for the head
        [APPLIED] { $decision }{ $proposal ->
            [yes] {", agreed"}
           *[no] {""}
        }
        [REFUSED] { $decision }, not agreed
       *[SETTLED] dealt with outside the review
    }{ $extra }{ $note }{ $headNote }
review-detail-new-date = {" "}(new date { $date })
review-detail-note = {" "}— { $note }
review-detail-head-note = {" "}(head: { $note })
review-decision-label = { $decision ->
        [DONE] done
        [KEEP] kept, new date
        [TRANSFER] transfer proposed
       *[DROP] drop proposed
    }
review-why = { $why ->
        [OVERDUE] Overdue
       *[STALE] Long-open
    }
review-state = { $state ->
        [PENDING_OWNER] Not decided
        [PENDING_HEAD] Waiting for the head
        [APPLIED] Applied
        [REFUSED] Not agreed
       *[SETTLED] Dealt with outside the review
    }

btn-review-start = Start the review
btn-review-detail = Detail
btn-review-xlsx = Excel file
btn-review-close = End the review
btn-review-done = Done
btn-review-keep = Keep, new date
btn-review-transfer = Propose transfer
btn-review-drop = Propose drop
btn-review-agree = Agree
btn-review-refuse = Do not agree

review-file-prefix = review
review-file-caption = Outcome of review { $code }: { $count } tasks, one row each with its decision.
review-sheet-items = Reviewed tasks
review-sheet-notes = Notes
review-col-task = Task code
review-col-title = Title
review-col-owner = Owner
review-col-unit = Unit
review-col-why = Why reviewed
review-col-status-start = State at review
review-col-deadline = Deadline at review
review-col-decision = Decision
review-col-note = Result / reason
review-col-new-date = New date
review-col-decided-at = Decided at
review-col-head = Head who decided
review-col-head-note = Head's reason
review-col-state = Where it stands
review-col-status-now = State now
review-note-code = Review
review-note-unit = Unit
review-note-head = Head
review-note-started = Started
review-note-closed = Ended
review-note-items = Tasks
review-note-rule = How tasks were chosen
review-note-rule-text = Every open task (waiting to be accepted, accepted, in progress) of the unit and the units under it that was overdue or assigned longer ago than the policy's threshold.

reminder-review-0 = ⏰ Reminder — review { $review }: { $code } still needs your { $role ->
        [owner] decision
       *[decider] opinion
    }
    { $line }
    If it is not decided by { $nextAt }, you will be reminded again.
reminder-review-1 = ⏰ Second reminder — review { $review }: { $code } still needs your { $role ->
        [owner] decision
       *[decider] opinion
    }
    { $line }
    If it is not decided by { $nextAt }, { $superior } will be told.
escalation-what-REVIEW_DECISION = not decided in a review
escalation-review-body = { $who } has not decided this item of review { $review } (since { $since }); reminded { $reminders } times.
    { $line }

help-cmd-review = /review – review the long-open and overdue tasks of your unit
