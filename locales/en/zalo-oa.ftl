## Zalo OA: the free window, costs, the one-tap reply

oa-budget-warning = ⚠️ The estimated Zalo OA cost for { $month } has reached { $estimate } đồng, { $percent }% of the configured budget of { $budget } đồng. See the details with npm run cli -- zalo-oa usage, and consider another way to send outside the free window (zaloOa.outsideWindow in the policy file).
btn-oa-nudge = 👍 Got it
oa-nudge-thanks = Noted. Thank you.
