"""The spaCy pipeline and running it over batches of articles."""
