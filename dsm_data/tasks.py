"""Background work of dsm_data (django-tasks): mail that must not be sent inside a request.

With the immediate backend (development, tests) a task runs when enqueued; with
DSM_TASKS=database a worker (`manage.py db_worker`) runs it after the response.
"""

from django.utils import translation
from django_tasks import task

from .security_forms import ResetRequestForm


@task()
def send_password_reset_mail(email, *, domain, use_https, language):
    """Mail a password reset link to the active accounts with ``email`` (none when no account has it).

    The request's page said the same either way; looking up the address here, after
    the response, keeps its timing from telling whether an account exists.
    """
    form = ResetRequestForm({"email": email})
    if not form.is_valid():
        return 0
    accounts = list(form.get_users(form.cleaned_data["email"]))
    with translation.override(language):
        form.save(domain_override=domain, use_https=use_https)
    return len(accounts)
