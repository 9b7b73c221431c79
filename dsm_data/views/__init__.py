"""Views by area; each is thin: permissions decide, selectors read, services write."""
