## Conversation: help, language, step-by-step input

help-intro = Đôn đốc – follow-up of work under the plan implementing Directive 56-CT/TU.
    Commands you can use:
help-cmd-tasks = /tasks – what waits for you
help-cmd-assign = /assign – assign a task (person, job, result, deadline, priority)
help-cmd-report = /report – report progress on a task
help-cmd-ask = /ask – ask colleagues for their opinion by a deadline
help-cmd-opinions = /opinions – requests for your opinion, and the ones you sent
help-cmd-digest = /digest – your unit's digest
help-cmd-evaluation = /evaluation – evaluation report by month, quarter or year, with an Excel file
help-cmd-signals = /signals – signs waiting for your review
help-cmd-cancel = /cancel – stop what you are in the middle of
help-cmd-lang = /lang vi – Tiếng Việt
help-items-title = Commands with a code, at any time:
help-items-task = { $commands } with the code of a task given to you (e.g. { $example } NV-2026-0012)
help-items-assigner = { $commands } with the code of a task you gave or oversee
help-items-consultation = { $commands } with the code of a consultation (e.g. { $example } YK-2026-0003)
help-items-explanation = { $commands } with the code of a demand for explanation (e.g. { $example } GT-2026-0001 your text…)
help-admin = Administration (importing officials, invite codes, the working calendar, Excel reports): the command-line tool on the server (npm run cli), see the README.
help-text-numbers = On messages with numbered choices, reply with the number (e.g. 1).
lang-set = Language set to English.
lang-usage = Use: /lang vi or /lang en.
account-inactive = The official linked to this chat account is no longer active. Please contact the office.
unsupported-message = I cannot handle this kind of message yet. Please send text or a photo, or use the commands in /help.

dialog-cancelled = Stopped what you were doing.
dialog-nothing = There is nothing in progress to stop.
dialog-expired = The previous step expired; please start again.
dialog-unreadable = What you were doing was saved in a form this version cannot read, so it has been stopped. Please start again.
dialog-pick-invalid = That choice is no longer valid. Choose again or send /cancel to stop.
dialog-need-text = Please type your answer as text, or send /cancel to stop.
dialog-cancel-hint = (Send /cancel to stop)
btn-dialog-cancel = Cancel
btn-skip = Skip

assign-step-who = Assign – step 1/5: To whom? Type a name, official code or title to search.
assign-who-none = Nobody matching within the people you may assign to. Type another name:
assign-who-pick = Choose the assignee:
assign-step-title = Assign – step 2/5: What is to be done by { $who }?
assign-step-result = Assign – step 3/5: The expected result (the product, when it counts as done)?
assign-step-deadline = Assign – step 4/5: Deadline? (e.g. 05/12, 05/12/2026, 05/12 16:00, tomorrow, friday)
assign-step-priority = Assign – step 5/5: Priority?
assign-confirm = Please check before assigning:
    Assignee: { $who }
    Task: { $title }
    Expected result: { $result }
    Deadline: { $deadline } · Priority: { $priority }
btn-assign-confirm = Assign
btn-priority-URGENT = Urgent
btn-priority-HIGH = High
btn-priority-NORMAL = Normal
priority-unreadable = Please choose a priority: Urgent, High or Normal.
report-percent-unreadable = Please enter a number from 0 to 100 (e.g. 50).
prompt-expired = The numbered choices have expired. Send /tasks or /opinions for a fresh list.
menu-viec = What waits for me
menu-giaoviec = Assign a task
menu-baocao = Report progress
menu-xinykien = Ask for opinions
menu-ykien = Opinions asked of me and by me
menu-tonghop = My unit's digest
menu-danhgia = Evaluation report for a period
menu-canhbao = Signs to review
menu-baocaokh = Draft report on the Plan's results (Word)
menu-rasoat = Review backlog and overdue items
menu-tusoi = Self-review
menu-quantriet = Notices to study
menu-danam = Confirm a notice as read
menu-bieuduong = Commend an official
menu-lang = Language (vi/en)
menu-trogiup = Help
menu-huy = Stop what I am doing
