# Events sent to other systems by webhook (npm run cli -- webhook …, API /api/v1/events/replay).

webhook-name-required = Give the receiving system a name (--name), e.g. --name QLVB.
webhook-name-taken = A webhook named { $name } exists already. To change its URL or events, remove it (webhook remove --name { $name }) and add it again.
webhook-not-found = There is no webhook named { $name } (see webhook list).
webhook-url-invalid = Not a valid webhook URL: "{ $url }". Write it in full, e.g. https://qlvb.example.gov.vn/dondoc/events.
webhook-url-not-https = A webhook URL must use https:// (the bodies name officials and their work); http:// is only for this machine (127.0.0.1, localhost). Given: "{ $url }".
webhook-url-credentials = A webhook URL may not carry a user name or password ("{ $url }"): receivers authenticate by the X-Dondoc-Signature signature.
webhook-unknown-events = Unknown event types: { $unknown }. The types are: task.accepted, task.declined, task.extension_requested, task.completed, task.confirmed, task.overdue, consultation.answered, consultation.closed, explanation.demanded (separated by commas).
webhook-unknown-unit = There is no unit with code { $code }.
webhook-no-key = WEBHOOK_SECRET_KEY is not set: webhook signing secrets are stored encrypted with it. Make one with openssl rand -base64 32, put it in .env and run again.
webhook-replay-range = Not a valid replay range: --from must come before --to (e.g. --from 07/12/2026 --to 08/12/2026, or 2026-12-07T09:00:00+07:00).
webhook-replay-too-long = A replay covers at most { $days } days.
webhook-added = Webhook { $name } added → { $url } ({ $events }; scope: { $scope }).
webhook-secret-once = Signing secret (shown once only: store it at the receiving system now):
webhook-scope-all = the whole organisation
webhook-removed = Webhook { $name } removed, with its deliveries still waiting.
webhook-list-empty = No webhooks yet (add one: webhook add --name … --url … --events …).
webhook-replayed = Replay for { $name }: { $requeued } events sent again, { $added } sent for the first time.
webhook-replay-problem = Not a valid replay request.
webhook-replay-forbidden = This API key may not replay the events of webhook { $name } (outside the key's unit).
