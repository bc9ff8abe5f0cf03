"""From parsed articles to a briefing: per-article analysis, the cache, the six tables."""
