"""URLs of the security pages, under /<language>/accounts/security/ (site urls)."""

from django.urls import path

from .views import security

app_name = "dsm_security"

urlpatterns = [
    path("", security.overview, name="overview"),
    path("enrol/", security.enrol, name="enrol"),
    path("verify/", security.verify, name="verify"),
    path("backup-codes/", security.backup_codes, name="backup_codes"),
]
