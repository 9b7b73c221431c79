"""Settings of the DSM portal, read from environment variables only.

Every variable has a default that runs the portal on a laptop (SQLite under
``var/``, console e-mail, local media, database search). Production sets the
same variables; see README.md, "Configuration".
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"
VAR_DIR = BASE_DIR / "var"


def env_flag(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


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
    "library_pages",
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
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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

AUTH_USER_MODEL = "dsm_data.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account"
LOGOUT_REDIRECT_URL = "/"

# Languages. A further language is added here, with its locale/<code>/ catalogue
# and `python manage.py sync_locale_trees`; no other code changes.
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
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Security. Production runs behind a reverse proxy that terminates TLS and sets
# X-Forwarded-Proto; see README.md, "Production".
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

# Shown by the demo loader; never used outside `dsm_demo`.
DSM_DEMO_PASSWORD = os.environ.get("DSM_DEMO_PASSWORD", "demo-password")
