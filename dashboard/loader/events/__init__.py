"""Events: temporal expressions, their dates, the event rows and their grouping across articles."""
