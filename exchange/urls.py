from django.urls import path

from .views import proposals as proposal_views
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

# The indicator proposals, under /<lang>/proposals/ with names "proposals:..." (included by dsm_site.urls).
proposal_patterns = (
    [
        path("", proposal_views.proposal_list, name="list"),
        path("new/", proposal_views.proposal_new, name="new"),
        path("<int:pk>/", proposal_views.proposal_detail, name="detail"),
        path("<int:pk>/comment/", proposal_views.proposal_comment, name="comment"),
        path("<int:pk>/support/", proposal_views.proposal_support, name="support"),
        path("<int:pk>/approve/", proposal_views.proposal_approve, name="approve"),
        path("<int:pk>/decline/", proposal_views.proposal_decline, name="decline"),
    ],
    "proposals",
)
