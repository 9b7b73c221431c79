"""URLs of the user pages, under /<language>/accounts/users/ (site urls)."""

from django.urls import path

from .views import users

app_name = "dsm_user"

urlpatterns = [
    path("", users.user_list, name="list"),
    path("invite/", users.user_invite, name="invite"),
    path("<int:pk>/", users.user_detail, name="detail"),
    path("<int:pk>/role/", users.user_role, name="role"),
    path("<int:pk>/deactivate/", users.user_action, {"action": "deactivate"}, name="deactivate"),
    path("<int:pk>/reactivate/", users.user_action, {"action": "reactivate"}, name="reactivate"),
    path(
        "<int:pk>/second-factor/reset/",
        users.user_action,
        {"action": "reset_second_factor"},
        name="reset_second_factor",
    ),
    path("<int:pk>/invitation/resend/", users.user_action, {"action": "resend_invitation"}, name="resend_invitation"),
    path("<int:pk>/unlock/", users.user_action, {"action": "unlock"}, name="unlock"),
    path("accept/<uidb64>/<token>/", users.accept_invitation, name="accept"),
]
