from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.request_report, name="request"),
    path("<int:pk>/", views.report, name="report"),
    path("<int:pk>/file/", views.report_file, name="report_file"),
]
