## Daily digest for unit leaders (/digest)

digest-title = 📋 Digest for { $date } – { $unit }
digest-title-continued = 📋 Digest for { $date } – { $unit } (continued, part { $part }/{ $parts })
digest-scope = Scope: the unit and { $count ->
    [one] { $count } unit below it
   *[other] { $count } units below it
}.
digest-empty = 📋 Digest for { $date } – { $unit }: no open tasks, no overdue requests for opinion, nothing to review.
digest-tasks-title = Open tasks: { $count }
digest-tasks-grey = ⚪ Not yet accepted: { $count }
digest-tasks-blue = 🔵 In progress, within the deadline: { $count }
digest-tasks-due-soon = ⏳ Due within the next { $days } working days: { $count }
digest-tasks-red = 🔴 Overdue: { $count } ({ $breakdown })
digest-red-short = up to { $days } days: { $count }
digest-red-medium = over { $from } to { $to } days: { $count }
digest-red-long = over { $days } days: { $count }
digest-consultations-overdue = 💬 Requests for opinion past their deadline, unanswered: { $count }
digest-reminders-day = ⏰ Previous working day ({ $date }): { $reminders } reminders, { $escalations } escalations to superiors
digest-reminders-range = ⏰ From { $from } to { $to }: { $reminders } reminders, { $escalations } escalations to superiors
digest-signals = 🚩 Signals waiting for review: { $count }
digest-signals-mine = 🚩 Signals waiting for review: { $count }, of which { $mine } wait for you (/signals)
digest-unreachable-title = 📵 Messages cannot be delivered to { $count ->
    [one] { $count } official
   *[other] { $count } officials
} (their chat account refuses them):
digest-unreachable-item = • { $person }, since { $since }
digest-unreachable-more = • and { $count } more
digest-unlinked = 📵 No chat account linked: { $count ->
    [one] { $count } official
   *[other] { $count } officials
} (they receive no notifications).
digest-oldest-title = Longest overdue ({ $count }):
digest-oldest-item = { $n }. { $code } · { $title } – { $person } · overdue by { $age } (deadline { $deadline })
digest-oldest-item-not-accepted = { $n }. { $code } · { $title } – { $person } · overdue by { $age } (deadline { $deadline }), not accepted
digest-age-days = { $count ->
    [one] { $count } working day
   *[other] { $count } working days
}
digest-age-hours = { $count ->
    [one] { $count } working hour
   *[other] { $count } working hours
}
digest-age-less = under 1 working hour
digest-person = { $name }
digest-person-unit = { $name } ({ $unit })
btn-digest-view = Open { $code }
btn-digest-explain = Ask { $code } to explain

digest-not-leader = The digest is for unit heads and deputies. Your own work: /tasks.
digest-optin-on = Done: you will receive your unit's digest at { $time } every working day.
digest-optin-off = You will no longer receive the daily digest. You can still see it at any time with /digest.
digest-optin-head = Unit heads always receive the digest at { $time } every working day.
digest-usage = Use: /digest – the digest now; /digest on – every working day at { $time } (deputies); /digest off – stop.
digest-no-unit = Your unit could not be determined. Please contact the office.
