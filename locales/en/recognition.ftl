## Recognition and commendations (/commend, the "Praise" button)

btn-praise = Praise { $name }

commend-step-who = Commendation – whom do you want to commend? Type a name or an official's code.
commend-step-text = What do you commend { $who } for? (briefly: what was done well, the result)
commend-step-text-item = What do you commend { $who } for on task { $code }? (briefly: what was done well, the result)
commend-done = Your commendation went to { $who } and their direct superior; it is kept on their record.
commend-not-allowed = Only heads, deputies and admins can commend.
commend-self = You cannot commend yourself.
commend-out-of-reach = This person is outside your reach.
commend-clear-text = The commendation is not clear; please say what was done well.
commend-task-not-theirs = Task { $code } is not this person's.
commend-task-not-done = Task { $code } is not completed yet.

commend-to-person-title = 🌟 Recognition
commend-to-person = You are recognised and commended by { $by }:
commend-to-person-item = You are recognised and commended by { $by } for task { $code } "{ $title }":
commend-text = { $text }
commend-to-person-close = Congratulations. The commendation is kept on your record and counted in evaluation reports.
commend-to-superior-title = 🌟 Recognition of an official
commend-to-superior = { $by } commended { $who }:
commend-to-superior-item = { $by } commended { $who } for task { $code } "{ $title }":

digest-praise-title = 🌟 Recognition ({ $period }):
digest-praise-official = • { $name }: { $count } items done fully and on time ({ $codes })
digest-praise-unit = • { $unit }: { $percent }% of tasks on time ({ $rated } tasks)
digest-praise-commendation = • { $name } commended by { $by }{ $item }
digest-praise-commendation-item = { " " }for { $code }

report-praise-title = 🌟 Recognition
report-praise-official = • { $name } ({ $unit }): { $count } items done fully and on time — { $codes }
report-praise-unit = • { $unit }: { $percent }% of tasks on time ({ $rated } tasks)
report-praise-none = Nobody met the criteria for recognition in the period.
report-praise-commendations = Commendations in the period: { $count }
report-notices-title = 📘 Notices (by recipient)
report-notices-total = Received { $received }; confirmed on time { $onTime }, late { $late }, never (overdue) { $never }.
report-notices-line = • { $name }: received { $received }, on time { $onTime }, late { $late }, never { $never }

report-sheet-recognition = Recognition
report-sheet-notices = Notices
report-rec-col-kind = Kind
report-col-items = Items behind it
report-col-detail = Detail
report-kind-exemplary-official = Exemplary official
report-kind-exemplary-unit = Exemplary unit
report-kind-commendation = Commended
report-col-notice = Notice
report-rec-col-received-at = Received
report-rec-col-deadline = Confirm by
report-col-confirmed-at = Confirmed at
report-col-notice-state = State
report-col-commitment = Commitment
report-col-notices-received = Notices received
report-col-notices-on-time = Confirmed on time
report-col-notices-late = Confirmed late
report-col-notices-never = Never confirmed (overdue)
report-notice-state-confirmed = On time
report-notice-state-late = Late
report-notice-state-pending = Not due yet
report-notice-state-overdue = Not confirmed
report-def-recognition-term = Exemplary officials and units
report-def-recognition = Exemplary official: at least { $minItems } items in the period (tasks received and consultations asked), every task accepted and completed on time, every consultation answered on time with a stance, no confirmed signal. Exemplary unit: the tasks of its own officials (units below not included) on time at { $percent }% or better over at least { $minUnit } rated tasks. The criteria are set in the policy file (recognition).
report-def-commendations-term = Commendations
report-def-commendations = Commendations given by heads and deputies in the period, kept on the person's record; counted beside signals.
report-def-notices-term = Notices
report-def-notices = Each notice received in the period: on time when "Read and understood" was confirmed by the deadline; late when after it; never when overdue and not confirmed by the report's cut-off.
