"""Exchange between the states: requests and consultations (issue 16; more to come: reminders,
indicator proposals, the task list). Its access rules live in dsm_data.permissions.requests."""
