# Self-review (plan III.7; issue 16)

self-review-none = You have no self-review round.
self-review-not-found = This self-review form was not found.
self-review-not-yours = This self-review form is not yours, and you are not above the person who writes it.
self-review-exists = A self-review for { $from } – { $to } is open already.

self-review-rating = { $rating ->
        [EXCELLENT] Hoàn thành xuất sắc nhiệm vụ (excellent)
        [GOOD] Hoàn thành tốt nhiệm vụ (good)
        [COMPLETED] Hoàn thành nhiệm vụ (completed)
       *[NOT_COMPLETED] Không hoàn thành nhiệm vụ (not completed)
    }

self-review-opened-notice = 📝 Self-review — { $period }
    The self-review is open. See your figures (with the items behind each), write a short self-assessment and propose your rating by { $by }. The figures are evidence, not a verdict; the rating is yours to choose.
self-review-written-notice = 📝 { $who } wrote their self-assessment and proposes: { self-review-rating }. Please read it and comment.
self-review-commented-notice = 📝 { $who } commented on your self-assessment and proposes: { self-review-rating }.
    Comment: { $comment }

self-review-form-title = 📝 Self-review — { $period }
self-review-form-who = { $who } — { $unit }
self-review-evidence-note = { $own ->
        [yes] The figures below are evidence for your own review, not a verdict; the rating is yours to propose, and your head comments.
       *[no] The figures below are evidence, not a verdict; the rating is proposed by the person and commented on by the head.
    }
self-review-items-heading = The items behind the figures:
self-review-items = • { $kind ->
        [on-time] Done on time
        [late] Done late
        [overdue] Overdue, not done
        [answered] Consultations answered with a stance
        [no-stance] Replied without a stance
        [unanswered] Unanswered past the deadline
       *[explanations] Explanations demanded
    } ({ $count }): { $codes }
self-review-more = { $shown } and { $more } more
self-review-signal = • Behaviour { $behaviour } signal (confirmed) — { $item }: { $explained ->
        [yes] explained "{ $explanation }"
       *[no] not explained
    }
self-review-extra = • { $label } ({ $count }): { $codes }
self-review-self = Self-assessment ({ $at }): { $text }
    Proposed rating: { self-review-rating }
self-review-self-none = Self-assessment: not written yet.
self-review-head = Comment by { $who } ({ $at }): { $text }
    Head's proposed rating: { self-review-rating }
self-review-head-none = Head's comment: none yet.
self-review-history = History ({ $count } versions):
self-review-history-line = • { $at } — { $who } — { $role ->
        [SELF] self-assessment
       *[HEAD] head's comment
    }: { self-review-rating }

self-review-team = 📝 Self-review — { $period }: { $written }/{ $total } wrote their self-assessment, { $commented } have your comment.
self-review-team-button = { $name } — { $state ->
        [commented] commented
        [written] waiting for you
       *[none] not written
    }

self-review-ask-text = { $role ->
        [self] Please write a short self-assessment (strengths, shortcomings, causes, how to improve):
       *[head] Please type your comment:
    }
self-review-ask-rating = { $role ->
        [self] Propose your rating:
       *[head] Propose a rating:
    }
self-review-saved-reply = Your { $role ->
        [self] self-assessment
       *[head] comment
    } is saved, proposed rating: { self-review-rating }. Earlier versions stay in the history.

btn-self-open = Figures and self-assessment
btn-self-review-head = Read and comment
btn-self-write = Write self-assessment
btn-self-rewrite = Rewrite self-assessment
btn-self-comment = Comment
btn-self-xlsx = The unit's Excel file

self-review-file-prefix = self-review
self-review-file-caption = Self-review — { $unit }: { $count } officials, one row each (figures, self-assessment, ratings proposed by the person and by the head).
self-review-sheet = Self-review
self-review-sheet-notes = Notes
self-review-col-official = Name
self-review-col-title = Title
self-review-col-assessment = Self-assessment
self-review-col-rating = Proposed by the person
self-review-col-written = Written at
self-review-col-head = Head who commented
self-review-col-head-comment = Head's comment
self-review-col-head-rating = Proposed by the head
self-review-note-unit = Unit
self-review-note-period = Period
self-review-note-evidence = Note
self-review-note-evidence-text = The figures are evidence, computed as in the evaluation report (/evaluation), not a verdict. The rating is proposed by the person, commented on by the head and decided by the meeting.

reminder-self-review-0 = ⏰ Reminder — self-review { $period }: { $role ->
        [self] you have not written your self-assessment
       *[head] you have not commented on the self-assessment of { $person }
    }.
    If it is not done by { $nextAt }, you will be reminded again.
reminder-self-review-1 = ⏰ Second reminder — self-review { $period }: { $role ->
        [self] you have not written your self-assessment
       *[head] you have not commented on the self-assessment of { $person }
    }.
    If it is not done by { $nextAt }, { $superior } will be told.
escalation-what-SELF_REVIEW = self-review form not completed
escalation-self-review-body = { $who } { $role ->
        [self] has not written their self-assessment
       *[head] has not commented on the self-assessment of { $person }
    } ({ $period }); reminded { $reminders } times.

help-cmd-self-review = /selfreview – self-review: your figures, self-assessment and proposed rating
