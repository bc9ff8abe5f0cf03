"""Actors: mentions in one article, their keys, the merge across articles, the user's registry."""
