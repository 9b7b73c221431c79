"""Reading the library's documents and their files."""

from django.db.models import Q

from .roles import can_read_shared_data, country_of, is_editor

# Library documents (library_pages.DocumentPage.visibility takes these values).
DOCUMENT_PUBLIC = "public"


DOCUMENT_PARTICIPATING = "participating"


DOCUMENT_NATIONAL = "national"


def document_reading_grants(user):
    """Which library documents ``user`` may read: the one statement of the rule.

    None when ``user`` reads every document (editors, who publish the library, and
    system administrators); else [(visibility, country or None)], where a document is
    readable if it matches one pair (None: any country). Public: everyone.
    Participating: users of participating states and the document's own country.
    National: the users of its country only. ``readable_documents`` (querysets),
    ``can_read_document`` (one document) and the search engine's filter read it.
    """
    if is_editor(user):
        return None
    grants = [(DOCUMENT_PUBLIC, None)]
    if can_read_shared_data(user):
        grants.append((DOCUMENT_PARTICIPATING, None))
    own_country = country_of(user)
    if own_country is not None:
        grants += [(DOCUMENT_PARTICIPATING, own_country), (DOCUMENT_NATIONAL, own_country)]
    return grants


def can_read_document(user, visibility, country):
    """A library document and its file, by ``document_reading_grants``."""
    grants = document_reading_grants(user)
    return grants is None or any(
        granted == visibility and (where is None or (country is not None and where.pk == country.pk))
        for granted, where in grants
    )


def readable_documents(user, documents):
    """The rows of ``documents`` (a queryset with ``visibility`` and ``country``) ``user`` may read.

    Use it before counting or paginating, so that a listing never reveals what it hides.
    """
    grants = document_reading_grants(user)
    if grants is None:
        return documents
    readable = Q()
    for visibility, country in grants:
        readable |= Q(visibility=visibility) if country is None else Q(visibility=visibility, country=country)
    return documents.filter(readable)
