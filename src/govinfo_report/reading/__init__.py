"""Reading a report: the stages from text to placed cells."""
