from django.urls import path

from .views import requests as views

app_name = "exchange"

urlpatterns = [
    path("", views.request_list, name="requests"),
    path("new/", views.request_new, name="new"),
    path("<int:pk>/", views.request_detail, name="request"),
    path("<int:pk>/close/", views.request_close, name="close"),
    path("<int:pk>/assign/<int:recipient_pk>/", views.request_assign, name="assign"),
    path("files/<int:pk>/", views.attachment, name="attachment"),
]
