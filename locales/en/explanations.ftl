## Demands for explanation

explain-new-title = 📄 Demand for explanation { $code }
explain-line-requester = Demanded by: { $who }
explain-line-person = To explain: { $who }
explain-line-item = About: { $code } "{ $title }"
explain-line-question = Question: { $question }
explain-line-deadline = Explain by: { $deadline }
explain-line-answer = Explanation ({ $at }): { $text }
explain-new-ask = Please press "Explain" and type your written explanation.
explain-new-ask-typed = Please type the number of "Explain" and then your written explanation.
explain-default-question = Please explain the reasons for the delay on { $code }, your own responsibility, and how it will be put right.
explain-item-line = 📄 { $code }: explanation demanded from { $who }, due { $deadline } · { $status }
explain-card-title = 📄 { $code } · { $status }
explain-status-OPEN = Waiting for the explanation
explain-status-ANSWERED = Explained
explain-status-CANCELLED = Cancelled
btn-explain-answer = Explain
btn-explain-default = Use the standard question

explain-demand-ask = Demand an explanation about { $about }. From: { $who }. Type what is to be explained, or press "Use the standard question".
explain-demand-ask-typed = Demand an explanation about { $about }. From: { $who }. Type what is to be explained, or the number of "Use the standard question".
explain-demanded-reply = ✅ Demand for explanation { $code } sent to { $who }. Explain by { $deadline }.
explain-answer-ask = Explanation { $code }. Please type it:
explain-answered-reply = ✅ Your explanation { $code } went to the person who asked for it.
explain-answered-notice = 📄 { $code }: explanation from { $who }
    About: { $item }
    Explanation: { $text }
    Sent at { $at } (due { $deadline }).

reminder-explain-0 = ⏰ Reminder: { $code } not explained yet
    { $requester } asked you at { $askedAt } to explain { $item }, due { $deadline }.
    Please press "Explain" and type it.
reminder-explain-0-typed = ⏰ Reminder: { $code } not explained yet
    { $requester } asked you at { $askedAt } to explain { $item }, due { $deadline }.
    Please type the number of "Explain" and then your explanation.
reminder-explain-1 = ⏰ Second reminder: { $code } not explained yet
    The explanation about { $item } was due { $deadline } ({ $late } overdue).
    If there is none by { $nextAt }, { $superior } will be told.
escalation-explain-title = ⚠️ For your attention: { $code } not explained
escalation-explain-body = { $who } was asked by { $requester } at { $askedAt } to explain { $item }.
    Due { $deadline } ({ $late } overdue); reminded { $reminders } times.
explain-escalation-level = (Escalation level { $level }: you are { $depth } level(s) above the person who must explain.)

explain-not-found = This demand for explanation was not found.
explain-not-yours = Demand for explanation { $code } is not addressed to you.
explain-answered = Demand for explanation { $code } has already been answered.
explain-answer-required = Please type a concrete explanation (a few words at least).
explain-not-allowed = Only a superior of the person (or the task's assigner) can demand an explanation.
explain-not-applicable = { $code } is not overdue, flagged or escalated, so no explanation can be demanded yet.
explain-open-exists = Demand for explanation { $code } on this is still waiting for its answer.
explain-not-visible = This demand for explanation is outside what you may see.
