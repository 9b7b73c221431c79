"""The API's views: ``reads`` (the resources, trimmed as the pages are) and ``writes`` (figures, submitting)."""
