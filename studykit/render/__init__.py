"""What is written to disk: Word documents, workbooks, plan.yaml, calendars, atomic output."""
