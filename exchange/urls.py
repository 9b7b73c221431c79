from django.urls import path

from . import views

app_name = "exchange"

urlpatterns = [
    path("", views.request_list, name="requests"),
    path("<int:pk>/", views.request_detail, name="request"),
    path("files/<int:pk>/", views.attachment, name="attachment"),
]
