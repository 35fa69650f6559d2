# The office's command-line tool (npm run cli -- …).

cli-unknown-option = Option { $option } is not known to this command (its options: { $known }).
cli-option-value = Option { $option } needs a value (for a value starting with a dash write { $option }=value).
cli-bad-arguments = Wrong arguments: { $detail }
cli-queue-unavailable = Saved in the database, but Redis ({ $redis }) did not answer within { $seconds } s: the running bot's reconciler will schedule the reminders and messages (within a few minutes).
cli-ref-exists = Reference { $ref } was already used for { $code }: returning { $code }, nothing new was created.

# Organisations (README "A province"): --org on every command, org create.
cli-org-unknown = There is no organisation { $org } in this database (create it with: npm run cli -- org create { $org } --name …).
cli-org-embedded = The embedded database (no DATABASE_URL) holds the default organisation only, not { $org }: a PostgreSQL server is needed.
cli-org-create-embedded = Organisations cannot be created in the embedded database (PGlite has no roles or row-level security): set DATABASE_URL to a PostgreSQL server.
cli-org-created = Organisation { $org } ({ $name }) created. Next: npm run cli -- org import FILE.csv --org { $org }
cli-org-exists = Organisation { $org } exists already.
cli-org-bad-id = { $org } is not a valid organisation id: 2–32 characters of a–z, 0–9 or '-', starting with a letter or digit.
cli-org-no-token-key = ORG_TOKEN_KEY is not set: organisation { $org }'s bot tokens are stored encrypted with it (openssl rand -base64 32).
cli-org-token-does-not-open = Organisation { $org }'s stored bot token does not open: ORG_TOKEN_KEY (or ORG_TOKEN_OLD_KEYS) is not the key it was sealed with.
