from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api import pages as api_pages
from dsm_data.views import accounts as dsm_data_accounts
from dsm_data.views import passwords as dsm_data_passwords
from exchange.urls import proposal_patterns
from exchange.views import tasks as exchange_tasks
from library_pages import views as library_views

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", include("api.urls")),
    path("api/sdmx/", include("api.sdmx.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URL, served by the library after its permission check (library_pages.views).
    re_path(r"^documents/(\d+)/(.*)$", library_views.wagtail_document),
    path("documents/", include(wagtaildocs_urls)),
    # Library files, sent after the permission check; never a media URL.
    path("library/files/<int:page_id>/<str:filename>", library_views.document_file, name="library_document_file"),
]

account_patterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", dsm_data_passwords.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", dsm_data_passwords.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        dsm_data_passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", dsm_data_accounts.account, name="account"),
    path("tasks/", exchange_tasks.task_list, name="tasks"),
    path("users/", include("dsm_data.user_urls")),
    path("security/", include("dsm_data.security_urls")),
    path("audit/", include("dsm_data.audit_urls")),
    path("tokens/", include("api.account_urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include(account_patterns)),
    path("data/", include("dsm_data.urls")),
    path("search/", include("search.urls")),
    path("reports/", include("reports.urls")),
    path("requests/", include("exchange.urls")),
    path("proposals/", include(proposal_patterns)),
    path("api/", api_pages.use_the_api, name="use_the_api"),
    # Wagtail's page tree comes last: it answers every other path.
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
