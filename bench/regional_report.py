"""The regional report, "Annual statistics and policy trends": 12 states x 6 indicators, figures for 10 years.

The demo's catalogue, countries and published history (2015-2024, every breakdown
filled) are loaded; the report of 2024 is then built whole (content, charts, layout,
file stored), as the public and as the secretariat, in PDF and Excel, a few times each.

The bare base, measured in the same run: the same figures (the year's visible grand
totals and breakdowns by one dimension, one query) each written in a plain fpdf2 cell,
with no chart, table, note or cover: what any PDF of those figures costs. Also: asking again for a report already
built (the fingerprint's queries, the file served again), and the SQL queries of a build.
Limits: a PDF build under 10 s and 5x the bare base (charts, tables and text laid out); Excel
under 5 s; asking again under 250 ms.
"""

import sys
import time

from _common import median, query_count, report, setup_django, timings_ms

YEAR = 2024


def build_database():
    """Countries, accounts, the catalogue and 2015-2024's published figures, as the demo loads them."""
    from django.conf import settings
    from django.test import override_settings

    from demo import accounts, values

    countries = accounts.load_countries()
    accounts.load_accounts(countries, settings.DSM_DEMO_PASSWORD)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        values.load(countries)
    return countries


def bare_pdf(reader):
    """The figures the report prints (the year's grand totals and breakdowns by one dimension, as the reader
    sees them: one query), each written in a plain cell of a grid, eight to a line: no chart, table, note or cover."""
    from django.utils import timezone

    from dsm_data.cells import format_number
    from dsm_data.models import TOTAL_CODE
    from dsm_data.pdf import new_pdf
    from reports.selectors.region import regional_values, year_period

    values = regional_values(reader, period=year_period(YEAR), now=timezone.now()).order_by("indicator", "country")
    shown = [
        value
        for value in values
        if sum(1 for part in value.series.key.split(".") if part and not part.endswith("=" + TOTAL_CODE)) <= 1
    ]
    pdf = new_pdf(title="bare")
    pdf.set_font(size=7)
    pdf.add_page()
    for index, value in enumerate(shown):
        pdf.cell(23, 4, format_number(value.number), new_x="RIGHT" if (index + 1) % 8 else "LMARGIN",
                 new_y="TOP" if (index + 1) % 8 else "NEXT")  # fmt: skip
    return bytes(pdf.output()), len(shown)


def main():
    setup_django()
    from django.contrib.auth.models import AnonymousUser

    from dsm_data.models import Country, Indicator, User, Value
    from reports import builder, services
    from reports.models import Report

    started = time.perf_counter()
    build_database()
    print(f"{'loaded':>24}: {Value.objects.count():,} values in {time.perf_counter() - started:.0f} s")
    states, indicators = Country.objects.filter(is_participating=True).count(), Indicator.objects.count()
    secretariat = User.objects.get(username="sysadmin")

    def build(file_format, requester=None):
        """A new report row built whole: nothing is reused."""
        row = Report.objects.create(
            kind="region", first_year=YEAR, last_year=YEAR, file_format=file_format, language="ru",
            requester=requester, fingerprint="bench",
        )  # fmt: skip
        built = builder.build_report(row)
        assert built.status == "ready", built.error
        return built

    pdf_public = timings_ms(lambda: build("pdf"), repeat=5, warmup=1)
    pdf_secretariat = timings_ms(lambda: build("pdf", secretariat), repeat=5, warmup=1)
    xlsx_secretariat = timings_ms(lambda: build("xlsx", secretariat), repeat=5, warmup=1)
    bare = timings_ms(lambda: bare_pdf(secretariat), repeat=5, warmup=1)
    _bare_bytes, figures_printed = bare_pdf(secretariat)
    pdf_bytes = build("pdf", secretariat).file.size
    queries = query_count(lambda: build("pdf", secretariat))
    inputs = {"kind": "region", "first_year": YEAR, "last_year": YEAR, "file_format": "pdf", "language": "ru"}
    services.request_report(AnonymousUser(), **inputs)
    again = timings_ms(lambda: services.request_report(AnonymousUser(), **inputs), repeat=20)
    figures = {
        "states": states,
        "indicators": indicators,
        "values_of_the_year": Value.objects.filter(period__code=str(YEAR)).count(),
        "figures_printed": figures_printed,
        "pdf_public_median_ms": median(pdf_public),
        "pdf_secretariat_median_ms": median(pdf_secretariat),
        "bare_pdf_median_ms": median(bare),
        "ratio_to_bare": round(median(pdf_secretariat) / median(bare), 2),
        "xlsx_secretariat_median_ms": median(xlsx_secretariat),
        "pdf_kb": round(pdf_bytes / 1024),
        "queries_per_build": queries,
        "asked_again_median_ms": median(again),
    }
    limits = {
        "pdf_public_median_ms": 10_000,
        "pdf_secretariat_median_ms": 10_000,
        "ratio_to_bare": 5,
        "xlsx_secretariat_median_ms": 5_000,
        "asked_again_median_ms": 250,
    }
    return report("regional_report", figures, limits)


if __name__ == "__main__":
    sys.exit(main() or 0)
