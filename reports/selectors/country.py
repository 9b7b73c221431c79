"""The country report: one country over a range of years, as far as its reader may see.

Each indicator's figures with their breakdowns (a table: breakdowns x periods), its
trend chart, the country's national metadata and breaks in series, the figures'
footnotes and flags, and the country's library documents of those years.
"""

from django.utils.translation import gettext as _

from dsm_data.figure_notes import Notes
from dsm_data.grid import build_grid
from dsm_data.models import Indicator, NationalMetadata, SeriesBreak
from dsm_data.selectors.audit import figures_summary, holds_restricted_figures
from dsm_data.selectors.browsing import browsable_values
from dsm_data.translation import translated
from library_pages.models import DocumentPage

from ..models import year_span
from .charts import country_charts
from .common import (
    FigureRow,
    FigureTable,
    IndicatorSection,
    ReportContent,
    breakdown_name,
    document_entry,
    figure_of,
    reader_of,
    reading_sentence,
    report_frequency,
)


def country_values(reader, *, country, first_year, last_year, now):
    """The published values of ``country`` in those years that ``reader`` may read (the fingerprint reads them too)."""
    return browsable_values(reader, now).filter(
        country=country, period__start__year__gte=first_year, period__start__year__lte=last_year
    )


def country_documents(reader, *, country, first_year, last_year):
    """The country's library documents dated in those years that ``reader`` may read, in the active language."""
    return (
        DocumentPage.objects.readable_by(reader)
        .filter(country=country, date__year__gte=first_year, date__year__lte=last_year)
        .order_by("-date", "sort_title", "pk")
    )


def country_metadata(country):
    return NationalMetadata.objects.filter(country=country)


def country_breaks(country):
    return SeriesBreak.objects.filter(metadata__country=country)


def country_report(requester, *, country, first_year, last_year, now, progress=lambda share: None):
    """The content of the country report (``ReportContent``) for ``requester``'s reading (None: the public's)."""
    reader = reader_of(requester)
    values = country_values(reader, country=country, first_year=first_year, last_year=last_year, now=now)
    by_indicator = {}
    for value in values.order_by("period__start"):
        by_indicator.setdefault(value.indicator_id, []).append(value)
    metadata = {item.indicator_id: item for item in country_metadata(country)}
    breaks = {}
    for item in country_breaks(country).select_related("metadata", "period").order_by("period__start"):
        breaks.setdefault(item.metadata.indicator_id, []).append(item)
    trends = country_charts(reader, country=country, first_year=first_year, last_year=last_year, now=now)
    notes = Notes()
    sections = []
    indicators = list(Indicator.objects.all())
    for index, indicator in enumerate(indicators):
        frequency = report_frequency(indicator)
        section = _indicator_section(
            indicator,
            [value for value in by_indicator.get(indicator.pk, []) if value.period.frequency == frequency],
            metadata=metadata.get(indicator.pk),
            breaks=breaks.get(indicator.pk, []),
            notes=notes,
        )
        section.charts = trends.get(indicator.code, [])
        sections.append(section)
        progress((index + 1) / len(indicators))
    years = year_span(first_year, last_year)
    name = translated(country.name)
    restricted = requester is not None and holds_restricted_figures(figures_summary(values, now=now))
    return ReportContent(
        kind="country",
        title=_("%(country)s: migration statistics") % {"country": name},
        subtitle=_("Country report, %(years)s") % {"years": years},
        reading=reading_sentence(requester, read_at=now, holds_restricted=restricted),
        inputs=[(_("Country"), f"{name} ({country.code})"), (_("Years"), years)],
        sections=sections,
        notes=notes.listed(),
        documents_heading=_("Laws, policy papers and other documents of %(country)s, %(years)s")
        % {"country": name, "years": years},
        country_names={country.code: name},
        documents=[
            document_entry(page)
            for page in country_documents(reader, country=country, first_year=first_year, last_year=last_year)
        ],
    )


def _indicator_section(indicator, values, *, metadata, breaks, notes):
    """An indicator's section: its table of breakdowns x periods (rows without any number left out)."""
    grid = build_grid(indicator)
    break_periods = {item.period_id for item in breaks}
    periods = sorted({value.period for value in values}, key=lambda period: period.start)
    column_of = {period.pk: index for index, period in enumerate(periods)}
    order = {series.pk: index for index, series in enumerate(grid.series)}
    by_series = {}
    for value in values:
        by_series.setdefault(value.series_id, []).append(value)
    rows = []
    # The grand total first, then breakdowns by one dimension, then the crossings: as a reader scans.
    for series in sorted(grid.series, key=lambda item: (_detail_count(grid, item), order[item.pk])):
        categories = grid.categories_by_series[series.pk]
        label = breakdown_name(categories)
        figures = [None] * len(periods)
        for value in by_series.get(series.pk, []):
            figures[column_of[value.period_id]] = figure_of(
                value, notes=notes, label=label, is_break=value.period_id in break_periods
            )
        row = FigureRow(label=label, code=series.key, is_total=series.is_grand_total, figures=figures)
        if row.has_number:
            rows.append(row)
    name, unit = translated(indicator.name), translated(indicator.unit)
    table = FigureTable(
        caption=f"{name} ({unit})", row_heading=_("Breakdown"), columns=[period.code for period in periods], rows=rows
    )
    return IndicatorSection(
        code=indicator.code,
        name=name,
        unit=unit,
        definition=translated(indicator.definition),
        tables=[table] if rows else [],
        metadata=_metadata_lines(metadata),
        breaks=[(item.period.code, translated(item.note)) for item in breaks],
    )


def _detail_count(grid, series):
    return sum(1 for category in grid.categories_by_series[series.pk] if not category.is_total)


def _metadata_lines(metadata):
    """(label, text) of each national metadata field that is filled in, in the model's order."""
    if metadata is None:
        return []
    lines = []
    for name in NationalMetadata.TEXT_FIELDS:
        text = translated(getattr(metadata, name))
        if text:
            lines.append((str(NationalMetadata._meta.get_field(name).verbose_name).capitalize(), text))
    return lines
