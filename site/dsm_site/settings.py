"""Settings of the DSM portal, read from environment variables only.

Every variable has a default that runs the portal on a laptop (SQLite under
``var/``, console e-mail, local media, database search). Production sets the
same variables; see README.md, "Configuration".
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from dsm_site.environment import env_flag, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"
VAR_DIR = BASE_DIR / "var"


DEBUG = env_flag("DSM_DEBUG", True)

SECRET_KEY = os.environ.get("DSM_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DSM_SECRET_KEY must be set when DSM_DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-DSM_DEBUG-mode"

ALLOWED_HOSTS = env_list("DSM_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DSM_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Our apps first, so that their templates override those of the libraries.
    "dsm_site",
    "demo",  # demo content and `dsm_demo`; no other app imports it
    "search",
    "api",
    "reports",
    "library_pages",
    "exchange",
    "dsm_data",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tables2",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "dsm_site.middleware.SecurityHeadersMiddleware",  # Content-Security-Policy, Permissions-Policy
    "dsm_site.page_cache.PageCacheMiddleware",  # public pages kept for anonymous readers; outside sessions and CSRF
    "django.contrib.sessions.middleware.SessionMiddleware",
    "dsm_site.middleware.LanguageMiddleware",  # Django's LocaleMiddleware; no redirect of the API's 404s
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified()
    "dsm_data.middleware.AuditContextMiddleware",  # who and from where, for the audit trail
    "dsm_data.middleware.IdleTimeoutMiddleware",
    "dsm_data.middleware.SecondFactorMiddleware",  # one door: the portal and the Wagtail admin alike
    "library_pages.admin_trimming.AdminTrimmingMiddleware",  # the Wagtail admin trimmed to the user's country
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

if not DEBUG:
    # Serves the collected, compressed static files; in DEBUG runserver serves them.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "dsm_site.urls"
WSGI_APPLICATION = "dsm_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DSM_DATABASE_URL, e.g. postgres://dsm:secret@db.internal:5432/dsm
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DSM_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'dsm.sqlite3'}",
        conn_max_age=int(os.environ.get("DSM_DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several readers while one request writes; waits instead of "database is locked".
    # Reads through a memory map (up to 1 GiB) instead of a system call per page: a search
    # visits thousands of scattered rows, and each request opens a fresh connection.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches in each process's memory; the public pages kept for anonymous readers (dsm_site.page_cache) in their own.
DSM_PAGE_CACHE_SECONDS = int(os.environ.get("DSM_PAGE_CACHE_SECONDS", "60"))  # 0: no page kept
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 300},
    },
}

AUTH_USER_MODEL = "dsm_data.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "tasks"  # the task list: what waits for the person
LOGOUT_REDIRECT_URL = "/"
# The Wagtail admin signs in through the portal's login, so that the second factor
# and the lockout have one door.
WAGTAILADMIN_LOGIN_URL = "/en/accounts/login/"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked username and address
    "django.contrib.auth.backends.ModelBackend",
]

# Languages: a further one is added here, with its locale/<code>/ catalogue and `manage.py sync_locale_trees`.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("DSM_TIME_ZONE", "UTC")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DSM_STATIC_ROOT") or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DSM_MEDIA_ROOT") or VAR_DIR / "media")
# Files only some may read (uploads, scanned forms, restricted documents) live
# outside MEDIA_ROOT and are served by a view that checks permission first
# (dsm_data.files); behind nginx, that view hands the bytes to X-Accel-Redirect.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DSM_PRIVATE_MEDIA_ROOT") or VAR_DIR / "private")
DSM_PRIVATE_ACCEL_PREFIX = os.environ.get("DSM_PRIVATE_ACCEL_PREFIX", "")
DSM_MAX_SCAN_BYTES = int(os.environ.get("DSM_MAX_SCAN_MB", "20")) * 1024 * 1024
DSM_MAX_UPLOAD_BYTES = int(os.environ.get("DSM_MAX_UPLOAD_MB", "10")) * 1024 * 1024  # files of figures
# Zip archives (xlsx, docx, odt) are refused unopened past these, on every channel (dsm_data.intake.files).
DSM_ARCHIVE_MAX_ENTRIES = int(os.environ.get("DSM_ARCHIVE_MAX_ENTRIES", "5000"))
DSM_ARCHIVE_MAX_UNPACKED_MB = int(os.environ.get("DSM_ARCHIVE_MAX_UNPACKED_MB", "300"))
DSM_ARCHIVE_MAX_RATIO = int(os.environ.get("DSM_ARCHIVE_MAX_RATIO", "100"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "dsm_data.files.PrivateStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640

# E-mail: DSM_EMAIL_URL, e.g. submission://user:password@smtp.example.org:587 (STARTTLS)
vars().update(dj_email_url.parse(os.environ.get("DSM_EMAIL_URL") or "console:"))
DEFAULT_FROM_EMAIL = os.environ.get("DSM_DEFAULT_FROM_EMAIL", "DSM portal <dsm@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Search: the database backend unless DSM_ELASTICSEARCH_URL is set.
DSM_ELASTICSEARCH_URL = os.environ.get("DSM_ELASTICSEARCH_URL", "")
DSM_ELASTICSEARCH_INDEX = os.environ.get("DSM_ELASTICSEARCH_INDEX", "dsm-search")
# Text extraction from library files (search.extraction): larger files and slower reads are reported, not indexed.
DSM_EXTRACTION_MAX_BYTES = int(os.environ.get("DSM_EXTRACTION_MAX_MB", "50")) * 1024 * 1024
DSM_EXTRACTION_TIMEOUT_SECONDS = int(os.environ.get("DSM_EXTRACTION_TIMEOUT_SECONDS", "60"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Background tasks (text extraction): run at once by default; DSM_TASKS=database queues
# them in the database for a worker, `manage.py db_worker` (README, "Production").
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("DSM_TASKS", "immediate")]}}

# Wagtail.
WAGTAIL_SITE_NAME = "DSM"
DSM_BASE_URL = os.environ.get("DSM_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = DSM_BASE_URL
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Library files live in the private storage; library_pages checks permission before sending one.
WAGTAILDOCS_DOCUMENT_MODEL = "library_pages.LibraryDocument"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Passwords are changed and reset on the portal's pages only (throttled, mailed by a
# task, recorded in the audit trail), never by a second set of pages in the admin.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Security. Production runs behind a reverse proxy that ends TLS and sets X-Forwarded-Proto (README, "Production").
SESSION_COOKIE_HTTPONLY = True
# Wagtail's live preview shows our pages in a same-origin frame, so not DENY;
# the deploy check's advice to use DENY (W019) is silenced for that reason.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_flag("DSM_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DSM_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy (django-csp 4), sent by dsm_site.middleware.SecurityHeadersMiddleware.
# Strict on the portal's own pages: no inline script, no inline style, nothing from elsewhere;
# our templates keep their scripts and styles in static files. Inline <svg> with presentation
# attributes (fill="…", stroke-width="…") is fine under it: style-src governs only style="…"
# attributes and <style> elements.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],  # Wagtail's live preview frames our pages, from the same origin
    },
}
# Added under the Wagtail admin (/admin/) only, for what Wagtail 7.4's admin does: its inline panels,
# date pickers and chooser panels write inline <script> blocks; its widgets and editor set style
# attributes; image uploads preview as blob: images.
DSM_ADMIN_CSP_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
# The admin's avatars come from the portal, never from Gravatar: no outside service, no outside image.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Browser features no page of the portal uses, turned off for every page and frame.
DSM_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "hid",
        "magnetometer", "microphone", "midi", "payment", "serial", "usb",
    )
)  # fmt: skip

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DSM_LOG_LEVEL", "INFO")},
    "loggers": {
        # Every page save and background task logs a line at INFO: too chatty.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # fpdf2 subsets fonts with fontTools, which logs every glyph at INFO.
        "fontTools": {"level": "WARNING"},
    },
}

# Accounts and security (README, "Accounts and security").
# The roles that must sign in with a second factor (TOTP or a backup code). With
# DSM_DEBUG on (the quick start) nobody must, unless DSM_TWO_FACTOR_ROLES is set.
RESTRICTED_ROLES = ["system_admin", "country_admin", "focal_point"]
DSM_TWO_FACTOR_ROLES = env_list("DSM_TWO_FACTOR_ROLES", [] if DEBUG else RESTRICTED_ROLES)
OTP_TOTP_ISSUER = os.environ.get("DSM_OTP_ISSUER", "DSM portal")
DSM_BACKUP_CODES = 10
# Signed-in users of these roles are signed out after this many idle minutes.
DSM_IDLE_TIMEOUT_MINUTES = int(os.environ.get("DSM_IDLE_TIMEOUT_MINUTES", "30"))
DSM_IDLE_TIMEOUT_ROLES = env_list("DSM_IDLE_TIMEOUT_ROLES", [*RESTRICTED_ROLES, "editor", "data_user"])
SESSION_COOKIE_AGE = int(os.environ.get("DSM_SESSION_DAYS", "14")) * 24 * 3600
# An invitation link sets the new user's password once, within this many days.
DSM_INVITATION_DAYS = int(os.environ.get("DSM_INVITATION_DAYS", "7"))
# Lockout (django-axes): this many failed logins for one username from one address
# lock that pair for the cool-off; never forever, never the address alone.
AXES_FAILURE_LIMIT = int(os.environ.get("DSM_LOCKOUT_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DSM_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# A lock lasts the cool-off from the failure that started it (further tries do not extend
# it), so the lockout page (a 429 from dsm_data.views.lockout) can say when it ends.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "dsm_data.views.lockout.lockout_response"
# Password-reset requests: at most this many per address (and per e-mail) an hour.
DSM_PASSWORD_RESET_PER_HOUR = int(os.environ.get("DSM_PASSWORD_RESET_PER_HOUR", "3"))
# Reverse proxies in front of the app servers, each appending to X-Forwarded-For: the client's
# address (audit trail, lockout) is read that many entries from its end. 0: REMOTE_ADDR.
DSM_TRUSTED_PROXY_COUNT = int(os.environ.get("DSM_TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "dsm_data.request_context.client_address"
# The audit trail (dsm_data.models.audit) keeps entries this long; `dsm_prune_audit` deletes older ones.
DSM_AUDIT_RETENTION_DAYS = int(os.environ.get("DSM_AUDIT_RETENTION_DAYS", "730"))
# The most rows a page of a listing may show; more is what the CSV export is for.
DSM_MAX_PAGE_SIZE = int(os.environ.get("DSM_MAX_PAGE_SIZE", "500"))
# Nobody validates a submission whose figures they changed since it was last returned.
DSM_VALIDATION_BY_SECOND_PERSON = env_flag("DSM_VALIDATION_BY_SECOND_PERSON", True)

# Reminders (`manage.py dsm_send_reminders`, run daily; README, "Reminders"). Focal points are e-mailed this
# many days before a deadline while their state's submission is missing or a draft ("14,3": two reminders).
try:
    DSM_REMINDER_DAYS_BEFORE_DEADLINE = sorted(
        {abs(int(days)) for days in env_list("DSM_REMINDER_DAYS_BEFORE_DEADLINE", ["14", "3"])}, reverse=True
    )
    # Country administrators are e-mailed once a submission has waited longer than this for validation.
    DSM_VALIDATION_REMINDER_DAYS = int(os.environ.get("DSM_VALIDATION_REMINDER_DAYS", "7"))
except ValueError as error:
    raise ImproperlyConfigured(f"Reminders: days are whole numbers ({error}).") from error
# The secretariat's weekly digest of late states goes out on this day of the week (monday ... sunday).
_weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_digest_day = os.environ.get("DSM_REMINDER_DIGEST_WEEKDAY", "monday").strip().lower()
if _digest_day not in _weekdays:
    raise ImproperlyConfigured(f"DSM_REMINDER_DIGEST_WEEKDAY must be one of {', '.join(_weekdays)}.")
DSM_REMINDER_DIGEST_WEEKDAY = _weekdays.index(_digest_day) + 1  # ISO: 1 is Monday

# The API (api/, Django REST framework): a personal token, or the browser's session, or nobody (the public's
# figures). What each reads is trimmed by dsm_data.permissions in the views, as on the pages.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.LookAheadPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.TokenRateThrottle", "api.throttling.AddressRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "token": os.environ.get("DSM_API_RATE_PER_TOKEN", "600/minute"),
        "address": os.environ.get("DSM_API_RATE_PER_ADDRESS", "600/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "DSM portal API",
    "DESCRIPTION": "Agreed migration statistics of the participating states, their methodology and their documents.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_URLCONF": "api.schema",
    # Its check reads the whole site's URLs, Wagtail's admin API included; tests/api checks our schema
    # (`spectacular --urlconf api.schema --fail-on-warn --validate`) instead.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}

# Shown by the demo loader; never used outside `dsm_demo`.
DSM_DEMO_PASSWORD = os.environ.get("DSM_DEMO_PASSWORD", "demo-password")
