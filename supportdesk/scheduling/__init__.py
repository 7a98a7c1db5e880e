"""APScheduler jobs and the headless agent (the reminders issue)."""
