"""Quotes: quotation marks, speech cues, speakers, and the quote rows."""
