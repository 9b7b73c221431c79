"""E-mails about figures, each recipient in their own language, sent once the transaction commits."""

from functools import partial

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def send_in_languages(users, template_prefix, context):
    """Render ``<prefix>_subject.txt`` and ``<prefix>_body.txt`` once per language of ``users``.

    Sent after the commit, and never failing the change that was just recorded.
    """
    recipients_by_language = {}
    for email, language in users.exclude(email="").values_list("email", "language"):
        recipients_by_language.setdefault(language, []).append(email)
    for language, recipients in recipients_by_language.items():
        with translation.override(language):
            subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
            body = render_to_string(f"{template_prefix}_body.txt", context)
        transaction.on_commit(partial(send_mail, subject, body, None, recipients), robust=True)
