"""Subjects: products, market indexes, currencies, laws and named events that a briefing follows
beside its actors (they never act or speak, so they are not actors)."""
