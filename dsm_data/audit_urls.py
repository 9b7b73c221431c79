"""URLs of the audit pages, under /<language>/accounts/ (site urls)."""

from django.urls import path  # noqa: F401

app_name = "dsm_audit"

urlpatterns = []
