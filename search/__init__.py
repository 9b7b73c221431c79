"""Full-text search over library documents, pages and indicator metadata."""
