# The office's command-line tool (npm run cli -- …).

cli-unknown-option = Option { $option } is not known to this command (its options: { $known }).
cli-option-value = Option { $option } needs a value (for a value starting with a dash write { $option }=value).
cli-bad-arguments = Wrong arguments: { $detail }
cli-queue-unavailable = Saved in the database, but Redis ({ $redis }) did not answer within { $seconds } s: the running bot's reconciler will schedule the reminders and messages (within a few minutes).
cli-ref-exists = Reference { $ref } was already used for { $code }: returning { $code }, nothing new was created.
