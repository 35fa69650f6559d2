## Working calendar: public holidays, compensation days, durations, the calendar command (add | remove | list)

calendar-weekday = { $day ->
    [0] Sunday
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[other] { $day }
}

calendar-day-workday = Working day
calendar-day-weekend = Weekly day off
calendar-day-new-year = New Year's Day
calendar-day-lunar-new-year = Lunar New Year (Tết)
calendar-day-hung-kings = Hung Kings' Commemoration (10/3 lunar)
calendar-day-victory-day = Victory Day (30/4)
calendar-day-labour-day = International Labour Day (1/5)
calendar-day-national-day = National Day (2/9)
calendar-day-compensation = Day off in lieu of { $holiday } ({ $date } fell on a weekly day off)
calendar-day-extra-holiday = Day off set by the organisation
calendar-day-extra-workday = Make-up working day

calendar-list-title = Working calendar { $year } (time zone { $timezone }): days that differ from the normal week
calendar-list-line = { $date }  { $weekday }  { $status }: { $reason }
calendar-list-off = off
calendar-list-working = working
calendar-list-note = note: { $note }
calendar-list-override = set by the admin
calendar-list-none = No day differs from the normal week.
calendar-list-summary = In all: { $off } weekdays off, { $working } working days on weekly days off.

calendar-kind-HOLIDAY = a day off
calendar-kind-WORKDAY = a working day
calendar-added = { $date } ({ $weekday }) is now { $kind }.
calendar-replaced = { $date } was { $previous } before; it is now { $kind }.
calendar-removed = Removed the adjustment of { $date } ({ $kind }); the day follows the default calendar again: { $status }.
calendar-remove-none = { $date } has no adjustment to remove.
calendar-error-date = "{ $input }" is not a valid date (write it as 2027-02-10).
calendar-error-year = "{ $input }" is not a valid year (e.g. 2027).
calendar-error-range = The year { $year } is outside the calendar ({ $min }–{ $max }).
calendar-usage = Usage: calendar add <date> [--workday] [--note "…"] | calendar remove <date> | calendar list [--year 2027] (add --lang en for English)

duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
duration-under-minute = under 1 minute
duration-working = { $text } of working time
