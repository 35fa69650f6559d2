## Linking a Telegram/Zalo account to an official with an invite code (/start CODE)

link-success = This account is now linked to { $name }, { $title }, { $unit }. Tasks, reminders and requests for your opinion will be sent to you here. Send /help to see what you can do.
link-already = This account is already linked to { $name }, { $title }, { $unit }. Nothing more to do; send /help to see what you can do.
link-waiting-title = 📥 What was waiting for you before you linked:
link-waiting-tasks = Tasks for you to act on: { $count }
link-waiting-consultations = Requests for opinion for you to answer: { $count }
link-waiting-escalations = Escalations sent to you in the last { $days } working days: { $count }
link-waiting-line = • { $code } · { $title }
link-waiting-more = … and { $count } more (type /viec to see them all).
link-waiting-notices = Quán triệt notices for you to confirm as read: { $count }
link-waiting-more-notices = … and { $count } more notices (type /quantriet to see them all).
link-required = This account is not linked to any official yet. Please ask the office (IT staff) for an invite code, then send: /start followed by the code, for example /start ABCD2345.
invite-unknown = This invite code is not valid. Please check the code (8 characters) or ask the office for a new one.
invite-used = This invite code has already been used; each code works once. Please ask the office for a new one.
invite-expired = This invite code has expired or has been replaced by a newer one. Please ask the office for a new one.
invite-official-unknown = There is no official with the code { $code }.
invite-official-inactive = Official { $code } is no longer active, so no invite code is issued.
invite-throttled = Several wrong invite codes were sent from this account in a short time. For safety, please try again after { $time } (in about { $minutes } minutes). If you do not have a valid code, please ask the office for a new one.
