"""Reusable pieces of the app: data access, the global filter, figures, cards and highlighting."""
