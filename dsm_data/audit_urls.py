"""URLs of the audit pages, under /<language>/accounts/ (site urls)."""

from django.urls import path

from .views import audit

app_name = "dsm_audit"

urlpatterns = [
    path("", audit.audit_trail, name="trail"),
    path("audit.csv", audit.audit_trail_csv, name="csv"),
]
