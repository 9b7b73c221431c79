"""Settings come from DSM_* environment variables; production settings pass `check --deploy`."""

import json

from tests.helpers import run_manage

PRODUCTION = {
    "DSM_DEBUG": "0",
    "DSM_SECRET_KEY": "q8v!2kz@x7#LmN4p$Rt6&Yw9^Bc1*Hd3(Fg5)Jk0-Ps2+Vx4=Za6",
    "DSM_ALLOWED_HOSTS": "dsm.example.org",
}


def test_production_settings_pass_check_deploy_without_any_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_debug_off_without_a_secret_key_refuses_to_start():
    result = run_manage("check", env={**PRODUCTION, "DSM_SECRET_KEY": ""})
    assert result.returncode != 0
    assert "DSM_SECRET_KEY must be set" in result.stderr


def test_environment_selects_database_email_media_and_search():
    env = {
        **PRODUCTION,
        "DSM_DATABASE_URL": "postgres://dsm:secret@db.internal:6543/dsm_prod",
        "DSM_EMAIL_URL": "submission://mailer:pw@smtp.example.org:587",
        "DSM_MEDIA_ROOT": "/srv/dsm/media",
        "DSM_ELASTICSEARCH_URL": "http://search.internal:9200",
    }
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'engine': s.DATABASES['default']['ENGINE'], 'host': s.DATABASES['default']['HOST'],"
        "'port': s.DATABASES['default']['PORT'], 'name': s.DATABASES['default']['NAME'],"
        "'email': s.EMAIL_BACKEND, 'email_host': s.EMAIL_HOST, 'tls': s.EMAIL_USE_TLS,"
        "'media': str(s.MEDIA_ROOT), 'es': s.DSM_ELASTICSEARCH_URL, 'hosts': s.ALLOWED_HOSTS}))"
    )
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "engine": "django.db.backends.postgresql",
        "host": "db.internal",
        "port": 6543,
        "name": "dsm_prod",
        "email": "django.core.mail.backends.smtp.EmailBackend",
        "email_host": "smtp.example.org",
        "tls": True,
        "media": "/srv/dsm/media",
        "es": "http://search.internal:9200",
        "hosts": ["dsm.example.org"],
    }


def test_laptop_defaults_need_no_variable():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'engine': s.DATABASES['default']['ENGINE'], 'email': s.EMAIL_BACKEND, 'es': s.DSM_ELASTICSEARCH_URL}))"
    )
    env = dict.fromkeys(("DSM_DATABASE_URL", "DSM_EMAIL_URL", "DSM_ELASTICSEARCH_URL", "DSM_DEBUG"), "")
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "engine": "django.db.backends.sqlite3",
        "email": "django.core.mail.backends.console.EmailBackend",
        "es": "",
    }


def test_tasks_queued_in_the_database_are_run_by_the_worker(database_copy):
    """DSM_TASKS=database: an upload only queues the text extraction; `db_worker` runs it."""
    env = {**database_copy.env, "DSM_TASKS": "database"}
    # The queue's tables: its app is installed only with DSM_TASKS=database, so they are not in the copy.
    assert run_manage("migrate", "--no-input", "-v0", env=env).returncode == 0
    enqueue = (
        "from search.tasks import extract_document_text; from django_tasks_db.models import DBTaskResult;"
        "result = extract_document_text.enqueue(0); print(result.status, DBTaskResult.objects.count())"
    )
    queued = run_manage("shell", "-c", enqueue, env=env)
    assert queued.stdout.split()[-2:] == ["READY", "1"], queued.stdout + queued.stderr
    worker = run_manage("db_worker", "--batch", env=env, timeout=120)
    assert "state=SUCCESSFUL" in worker.stdout + worker.stderr
