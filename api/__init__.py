"""The API for machines: personal tokens, the read API under /api/v1/ (Django REST framework)."""
