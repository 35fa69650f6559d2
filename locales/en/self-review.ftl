# Self-review (plan III.7; issue 16)

escalation-what-SELF_REVIEW = self-review form not completed
