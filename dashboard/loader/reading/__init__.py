"""Reading a folder of articles: files, encodings, metadata. No NLP."""
