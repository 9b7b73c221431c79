"""Wagtail's document URLs obey the library's visibility rule.

``/documents/<id>/<name>`` is routed to ``views.wagtail_document`` (site urls), since
Wagtail's own serve view asks the storage for a URL, which the private storage has
not. Should anything still reach Wagtail's view, this hook refuses what the reader
may not read.
"""

from wagtail import hooks

from .models.base import refuse
from .selectors import document_file_is_readable_by


@hooks.register("before_serve_document")
def refuse_unreadable_document(document, request):
    if not document_file_is_readable_by(request.user, document):
        return refuse(request)
    return None
