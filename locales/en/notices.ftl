## Notices to be confirmed as read and understood (/notices, /confirmread)

btn-notice-confirm = Read and understood
btn-notice-commit = Read, with a commitment
btn-notice-ask = Ask the sender
btn-notice-view = See confirmations
btn-notice-view-code = View { $code }
btn-notice-confirm-code = Read and understood { $code }
btn-notice-new = Send a new notice
btn-notice-send = Send the notice
btn-notice-subtree = All of { $unit } and the units under it

notice-status-OPEN = collecting confirmations
notice-status-CLOSED = closed

notice-new-title = 📘 Notice { $code }
notice-line-sender = From: { $who }
notice-line-title = Subject: { $title }
notice-line-summary = Summary: { $summary }
notice-line-document = Document: { $file } (attached)
notice-document-unnamed = attached file
notice-document-caption = Document of notice { $code }
notice-new-ask = Please study the document and confirm "Read and understood" by { $deadline }. You may add a commitment, or ask the sender if something is unclear.

notice-confirmed = ✅ Recorded: you read and understood { $code } at { $at }. Thank you.
notice-confirmed-late = ✅ Recorded: you read and understood { $code } at { $at } (after the deadline).
notice-confirmed-commitment = Your commitment: { $text }
notice-already-confirmed = You confirmed { $code } at { $at }; no need to confirm again.
notice-closed = Notice { $code } is closed and takes no more confirmations.
notice-not-found = This notice was not found.
notice-not-found-code = There is no notice { $code }.
notice-not-recipient = Notice { $code } was not sent to you, so you cannot confirm it.
notice-not-visible = You cannot follow the confirmations of { $code }.
notice-code-usage = Usage: /confirmread QT-2026-0001 (a commitment may follow the code), or /notices QT-2026-0001 to view it.
notice-mine-confirmed = You confirmed it as read and understood at { $at }.
notice-mine-waiting = It waits for your confirmation by { $deadline }.

notice-commit-ask = Type your commitment for { $code } (a few sentences). It goes with your "Read and understood".
notice-question-ask = Type your question to the sender of { $code }. A question does not count as a confirmation.
notice-question-sent = Your question went to the sender of { $code }. You still need to confirm "Read and understood" by the deadline.
notice-question-title = ❔ Question about notice { $code }
notice-question-from = { $who } asks about "{ $title }":
notice-question-text = { $text }
notice-question-note = (A question does not count as a confirmation.)

notice-list-sent = Notices you sent ({ $count } latest):
notice-list-sent-none = You have not sent any notice.
notice-list-line = • { $code } "{ $title }": { $confirmed }/{ $total } confirmed ({ $percent }%), due { $deadline }, { $status }
notice-list-waiting = Notices waiting for your confirmation ({ $count }):
notice-list-waiting-line = • { $code } "{ $title }", due { $deadline }
notice-list-nothing = No notice is waiting for your confirmation.
notice-names-more = { $names } and { $count } others

notice-detail-title = 📘 { $code } "{ $title }"
notice-detail-coverage = Confirmed: { $confirmed }/{ $total } ({ $percent }%), { $late } of them late. Due: { $deadline }.
notice-detail-unit = { $unit }: { $confirmed }/{ $total }
notice-detail-person-confirmed = { "  " }✔ { $name } ({ $at })
notice-detail-person-late = { "  " }✔ { $name } ({ $at }, late)
notice-detail-person-pending = { "  " }… { $name } (not yet, due { $deadline })
notice-detail-person-overdue = { "  " }✘ { $name } (not yet, overdue since { $deadline })
notice-detail-commitment = { "    " }Commitment: { $text }
notice-detail-questions = Questions received: { $count } (forwarded to the sender).

notice-step-who = Notice – step 1/5: To whom? Choose all of { $unit }, or type unit codes or names and people's names (separated by commas).
notice-step-title = Recipients: { $who } ({ $count } people).
    Step 2/5: The title of the document?
notice-step-summary = Step 3/5: A short summary (read before opening the document)?
notice-step-file = Step 4/5: Send the document as PDF or DOCX (up to { $max } MB), or skip it.
notice-step-deadline = Step 5/5: Confirm by? For example "17:00 15/12", or the default { $deadline }.
notice-file-not-document = Please send a document file (PDF or DOCX), not a picture.
notice-no-document = no document
notice-scope-unit = { $unit } (with the units under it)
notice-confirm = Please check the notice:
    Recipients: { $who } ({ $count } people)
    Subject: { $title }
    Summary: { $summary }
    Document: { $file }
    Confirm by: { $deadline }
notice-sent = Notice { $code } sent to { $count } people, to be confirmed by { $deadline }. Confirmations: /notices { $code }
notice-sent-unreachable = No chat reaches: { $names }. They are counted among those who must confirm all the same.

notice-not-allowed = Only heads, deputies and admins can send notices.
notice-no-recipients = No recipient within your reach.
notice-out-of-reach = { $count } recipients are outside your reach: { $names }. The notice was not sent.
notice-unit-unknown = No such unit.
notice-who-unknown = No unit or official matches "{ $part }".
notice-who-ambiguous = "{ $part }" matches several units or officials; please be more precise (unit code, full name).
notice-clear-title = The title is not clear; type the name of the document.
notice-clear-summary = The summary is not clear; type a few sentences about the content.
notice-clear-question = The question is not clear; type what you want to ask.
notice-file-type = "{ $file }" is not a PDF or DOCX; please send the document in one of these formats.
notice-file-empty = "{ $file }" is empty.
notice-file-too-large = "{ $file }" is { $size } MB, over the chat platform's limit of { $max } MB; please compress or split it.
notice-file-content = "{ $file }" is named as a { $type } file but its content is not { $type } (the file may be damaged or renamed); please open it and send the right one.
notice-file-platform-limit = "{ $file }" is over { $max } MB, the most { $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
       *[other] Zalo OA
    } lets a bot download to keep on the server; please compress or split it.
notice-file-gone = Could not download "{ $file }" from { $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
       *[other] Zalo OA
    }: the platform no longer holds it. Please create the notice again and send the file again.
notice-file-fetch-failed = Could not download "{ $file }" from { $channel ->
        [TELEGRAM] Telegram
        [ZALO] Zalo
       *[other] Zalo OA
    } to the server yet (the platform did not answer). The notice has not been sent; please try again in a few minutes.

reminder-notice-0 = ⏰ Reminder: { $code } not confirmed
    You received the notice "{ $title }" from { $sender } on { $sentAt }, to be confirmed by { $deadline }.
    Please study the document and confirm "Read and understood". Type /notices { $code } to get the document again.
reminder-notice-1 = ⏰ Second reminder — { $code } not confirmed
    The notice "{ $title }" was sent on { $sentAt }, due { $deadline } ({ $late } ago).
    If it is not confirmed by { $nextAt }, { $superior } will be told.
escalation-notice-title = ⚠️ Escalation: { $code } not confirmed
escalation-notice-body = { $who } has not confirmed reading the notice "{ $title }" from { $sender }, sent on { $sentAt }.
    Due: { $deadline } ({ $late } ago); reminded { $reminders } times.
escalation-what-NOTICE_CONFIRM = has not confirmed reading a notice

digest-notices-title = 📘 Notices collecting confirmations ({ $count }):
digest-notices-line = • { $code } "{ $title }": { $confirmed }/{ $total } confirmed ({ $percent }%), due { $deadline }
digest-notices-waiting = { "  " }Not yet: { $names }

help-cmd-notices = /notices – notices waiting for your confirmation; /confirmread with the code confirms "Read and understood"
help-cmd-notices-leader = /notices – send a notice, follow its confirmations; /confirmread with the code confirms a notice sent to you
help-cmd-commend = /commend – recognise and commend an official within your reach
