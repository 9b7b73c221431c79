"""The e-library on 10,000 document pages: the index, a filtered index and one document page.

Loads the demo, then adds document pages in bulk SQL (treebeard paths computed here, no
per-page save) until the library holds 1,000 documents, measures, grows it to 10,000 and
measures again. For each size it prints, for an anonymous reader, the median time and the
SQL queries of: the library index (page 1), its page 5, the index filtered by country and
type, and one document page. Limits at 10,000 documents: every median under 50 ms, and
every query count the same as at 1,000 documents (constant in the number of documents).
"""

import datetime
import io
import sys
import time
import uuid

from _common import median, query_count, report, setup_django, timings_ms

SIZES = (1_000, 10_000)
SECTION = "participating-states"
FILTER = {"country": "KAZ", "type": "law"}
BATCH = 2_000
TYPES = ["law", "decree", "regulation", "policy", "statistical-report", "publication"]
VISIBILITY = ["public"] * 8 + ["participating", "national"]


def document_count():
    from library_pages.models import DocumentPage

    return DocumentPage.objects.count()


def add_document_pages(section, count):
    """``count`` live document pages under ``section``, in batches of bulk INSERTs."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    from dsm_data.models import Country
    from library_pages.models import DocumentPage
    from library_pages.services import pages_changed

    content_type = ContentType.objects.get_for_model(DocumentPage)
    countries = list(Country.objects.order_by("code"))
    last = section.get_last_child()
    step = Page.steplen
    position = Page._str2int(last.path[-step:]) if last else 0
    first_number = document_count()
    now = timezone.now()
    fields = list(DocumentPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    sql = (
        f"INSERT INTO {connection.ops.quote_name(DocumentPage._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with transaction.atomic():
        for start in range(0, count, BATCH):
            pages, details = [], []
            for index in range(start, min(count, start + BATCH)):
                number = first_number + index
                position += 1
                slug = f"bench-document-{number}"
                title = f"Law no. {number} on refugees and labour migrants"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        url_path=f"{section.url_path}{slug}/",
                        locale_id=section.locale_id,
                        translation_key=uuid.uuid4(),
                        depth=section.depth + 1,
                        path=Page._get_path(section.path, section.depth + 1, position),
                        numchild=0,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
                details.append(
                    DocumentPage(
                        sort_title=title,
                        document_type=TYPES[number % len(TYPES)],
                        country=countries[number % len(countries)],
                        issuing_body="Parliament",
                        date=datetime.date(2000, 1, 1) + datetime.timedelta(days=(number * 37) % 9000),
                        language=("en", "ru")[number % 2],
                        topics="Refugees; Labour migration",
                        summary="Rights of refugees and the records kept on applications and decisions.",
                        visibility=VISIBILITY[number % len(VISIBILITY)],
                    )
                )
            Page.objects.bulk_create(pages)
            ids = dict(Page.objects.filter(path__in=[page.path for page in pages]).values_list("path", "pk"))
            rows = []
            for page, detail in zip(pages, details, strict=True):
                detail.page_ptr_id = ids[page.path]
                rows.append([field.get_db_prep_save(getattr(detail, field.attname), connection) for field in fields])
            with connection.cursor() as cursor:
                cursor.executemany(sql, rows)
        Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + count)
        # Bulk SQL sends no signal: tell the listings' cache, as a publication would.
        pages_changed()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def measure(client, library_url, document_url):
    def get(url, params=None):
        def run():
            response = client.get(url, params or {})
            assert response.status_code == 200, (url, response.status_code)
            return response

        return run

    views = {
        "index": get(library_url),
        "index_page_5": get(library_url, {"page": 5}),
        "index_filtered": get(library_url, FILTER),
        "document": get(document_url),
    }
    assert b"bench-document-" in views["index"]().content, "the index must list the generated documents"
    figures = {}
    for name, view in views.items():
        figures[f"{name}_median_ms"] = median(timings_ms(view, repeat=30))
        figures[f"{name}_queries"] = query_count(view)
    return figures


def main():
    setup_django()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import translation

    from library_pages.models import DocumentPage, LibraryIndexPage, LibrarySectionPage

    call_command("dsm_demo", stdout=io.StringIO())
    with translation.override("en"):
        library = LibraryIndexPage.objects.get(locale__language_code="en")
        section = LibrarySectionPage.objects.get(slug=SECTION, locale__language_code="en")
        library_url = library.get_url()
    client = Client(HTTP_HOST="localhost")
    figures, limits = {}, {}
    for size in SIZES:
        started = time.perf_counter()
        add_document_pages(LibrarySectionPage.objects.get(pk=section.pk), size - document_count())
        total = document_count()
        print(f"{'documents':>24}: {total:,} (built in {time.perf_counter() - started:.1f} s)")
        target = DocumentPage.objects.filter(slug=f"bench-document-{total // 2}").get()
        with translation.override("en"):
            document_url = target.get_url()
        for name, value in measure(client, library_url, document_url).items():
            figures[f"{name}_{size // 1000}k"] = value
    large, small = SIZES[1] // 1000, SIZES[0] // 1000
    for name in ("index", "index_page_5", "index_filtered", "document"):
        limits[f"{name}_median_ms_{large}k"] = 50
        limits[f"{name}_queries_{large}k"] = figures[f"{name}_queries_{small}k"]
    return report("pages", {"documents": document_count(), **figures}, limits)


if __name__ == "__main__":
    sys.exit(main())
