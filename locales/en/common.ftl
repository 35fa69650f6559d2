## Common: help, errors, messages not understood

unknown-input = I did not understand that. Send /help to see what I can do.
error-internal = Something went wrong on our side and your request was not recorded. Please try again in a few minutes.
error-malformed-action = This button is no longer valid. Send /tasks to see the current list.
error-text-too-long = The text is too long (at most { $max } characters). Please shorten it.
