## Channels without buttons (Zalo), the channel for notifications, files sent as links, the monthly message count

numbered-intro = Reply with a number:
numbered-intro-commands = Reply with a number (or type the command in brackets):
numbered-option = { $n } – { $label }
numbered-option-command = { $n } – { $label } ({ $command })
numbered-cancel = Type /cancel to stop.

item-command-usage = Usage: { $command } with a code, for example: { $command } { $example }
item-command-unknown = { $code } was not found. Please check the code.
item-command-nothing = { $code } has nothing to act on with { $command } at the moment.

help-text-channel = /channel – choose where notifications go: Telegram, Zalo or the unit's Zalo OA (/channel telegram, /channel zalo, /channel oa; when you linked several)

channel-name-TELEGRAM = Telegram
channel-name-ZALO = Zalo
channel-name-ZALO_OA = Zalo OA
channel-status = Notifications go to you on { $current }. Linked accounts: { $linked }.
    To change: { $commands }.
channel-linked-unreachable = { $channel } (cannot be reached at the moment)
channel-usage = Usage: /channel telegram, /channel zalo or /channel oa (the unit's Zalo Official Account).
channel-not-linked = You have not linked a { $channel } account. Please ask the Office for an invite code and send it to the bot on { $channel }.
channel-set = Notifications now go to you on { $channel }. You can still reply on every linked channel.
channel-command = /channel
btn-channel-choose = Receive on { $channel }
channel-fallback-notice = Messages to you on { $from } could not be delivered, so they now go to { $to }. Once you write to the bot on { $from } again, notifications go there as before.

file-link = File { $filename }: { $url }
    (The download link works until { $until }.)
file-link-unavailable = The file { $filename } is ready, but the server has no public address (PUBLIC_BASE_URL) to send a download link. Please ask the Office for the file.
# A file a person sent on Zalo (its own download address), passed on to someone on the OA.
file-zalo-link = Evidence file sent on Zalo: { $url }
file-on-other-channel = (With { $kind ->
        [photo] a photo
       *[other] a file
    } as evidence, sent on { $channel }; it cannot be passed on to this channel. Please look on { $channel } or ask the sender to send it again.)

quota-warning = ⚠️ The { $channel } bot has sent { $count }/{ $cap } messages in { $month } ({ $percent }% of the configured cap). Past the plan's cap, { $channel } may stop delivering messages until the month ends. Please check the bot's plan, or ask officials who linked Telegram to receive notifications there (/channel telegram).
prompt-number-unknown = The latest message has no choice number { $n }. Please check the numbered choices, type a command with a code (e.g. /accept NV-2026-0012) or type /help.
file-link-page-unknown = This download link is not valid. Please check it, or ask for the report again in the chat.
file-link-page-expired = This download link has expired. Please ask for the report again in the chat (e.g. /evaluation month) to get a new link.
file-link-page-gone = The file is no longer on the server. Please ask for the report again in the chat (e.g. /evaluation month).
menu-kenh = Choose where notifications go (Telegram/Zalo/Zalo OA)
zalo-oa-reauthorize = ⚠️ The unit's Zalo OA has stopped sending: Zalo refused to renew its access token ({ $reason }). Messages on the Zalo OA are kept and will go out once it is authorised again. The OA admin should run npm run cli -- zalo-oa authorize, open the printed address with the OA admin account and approve, then run the command with --code as it says.
