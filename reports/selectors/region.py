"""The regional report, "Annual statistics and policy trends": every participating state for one year.

Comparison tables (countries x the categories of each breakdown) and charts for each
indicator, the completeness and timeliness of the year's submissions, and the laws
and policy papers of that year, all as far as the report's reader may see.
"""

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dsm_data import permissions
from dsm_data.figure_notes import Notes
from dsm_data.grid import build_grid
from dsm_data.models import Country, Frequency, Indicator, Period
from dsm_data.selectors.audit import figures_summary, holds_restricted_figures
from dsm_data.selectors.browsing import browsable_values
from dsm_data.selectors.completeness import completeness
from dsm_data.translation import translated
from library_pages.models import DocumentPage

from .charts import regional_charts
from .common import (
    LAWS_AND_POLICIES,
    CompletenessTable,
    FigureRow,
    FigureTable,
    IndicatorSection,
    ReportContent,
    breakdown_name,
    document_entry,
    figure_of,
    reader_of,
    reading_sentence,
)


def year_period(year):
    """The annual period of ``year``, or None."""
    return Period.objects.filter(frequency=Frequency.ANNUAL, start__year=year).first()


def participating_countries():
    return list(Country.objects.filter(is_participating=True))


def regional_values(reader, *, period, now):
    """The year's published values of the participating states that ``reader`` may read."""
    return browsable_values(reader, now).filter(period=period, country__is_participating=True)


def regional_documents(reader, *, year):
    """The laws and policy papers of ``year`` (dated then; undated ones by the year they went live)."""
    dated = Q(date__year=year) | Q(date__isnull=True, first_published_at__year=year)
    return (
        DocumentPage.objects.readable_by(reader)
        .filter(dated, document_type__in=LAWS_AND_POLICIES)
        .order_by("country__code", "-date", "sort_title", "pk")
    )


def regional_report(requester, *, year, now, progress=lambda share: None):
    """The content of the regional report (``ReportContent``) for ``requester``'s reading (None: the public's)."""
    reader = reader_of(requester)
    period = year_period(year)
    countries = participating_countries()
    indicators = [indicator for indicator in Indicator.objects.all() if Frequency.ANNUAL in indicator.frequencies]
    layouts = {indicator.pk: _comparison_layout(build_grid(indicator)) for indicator in indicators}
    values, restricted = {}, False
    if period is not None:
        # Only the series the tables show: the crossings of breakdowns are the country report's.
        shown = {
            series.pk for layout in layouts.values() for _breakdown, columns in layout for series, _label in columns
        }
        visible = regional_values(reader, period=period, now=now).filter(series_id__in=shown)
        for value in visible:
            values[(value.indicator_id, value.country_id, value.series_id)] = value
        restricted = requester is not None and holds_restricted_figures(figures_summary(visible, now=now))
    notes = Notes()
    figure_charts = regional_charts(reader, period=period, now=now) if period else {}
    sections = []
    for index, indicator in enumerate(indicators):
        section = _comparison_section(indicator, layouts[indicator.pk], countries, values, notes=notes)
        section.charts = figure_charts.get(indicator.code, [])
        sections.append(section)
        progress((index + 1) / len(indicators))
    return ReportContent(
        kind="region",
        title=_("Annual statistics and policy trends"),
        subtitle=_("The participating states, %(year)s") % {"year": year},
        reading=reading_sentence(requester, read_at=now, holds_restricted=restricted),
        inputs=[(_("Year"), str(year)), (_("States"), ", ".join(country.code for country in countries))],
        sections=sections,
        notes=notes.listed(),
        documents_heading=_("Laws and policy papers of %(year)s") % {"year": year},
        documents=[document_entry(page) for page in regional_documents(reader, year=year)],
        country_names={country.code: translated(country.name) for country in countries},
        completeness=_completeness_table(reader, period, countries, indicators, now=now) if period else None,
    )


def _comparison_layout(grid):
    """[(dimension or None, [(series, column label)])]: a table per breakdown, its categories then its total,
    the other breakdowns at their total; an indicator without breakdowns has one column, its total."""
    grand_total = next((series for series in grid.series if series.is_grand_total), None)
    if grand_total is None:
        return []  # an indicator whose series are not made yet: nothing to compare
    if not grid.dimensions:
        return [(None, [(grand_total, _("Total"))])]
    layout = []
    for index, dimension in enumerate(grid.dimensions):
        ordered = sorted(dimension.ordered_categories, key=lambda category: category.is_total)
        columns = [(grid.series_with(grand_total, index, category), breakdown_name([category])) for category in ordered]
        layout.append((dimension, columns))
    return layout


def _comparison_section(indicator, layout, countries, values, *, notes):
    """One table per breakdown: countries x its categories (``_comparison_layout``)."""
    name, unit = translated(indicator.name), translated(indicator.unit)
    tables = []
    for dimension, columns in layout:
        caption = f"{name} ({unit})"
        if dimension is not None:
            caption = _("%(indicator)s by %(dimension)s (%(unit)s)") % {
                "indicator": name,
                "dimension": translated(dimension.name).lower(),
                "unit": unit,
            }
        rows = []
        for country in countries:
            figures = []
            for series, label in columns:
                value = values.get((indicator.pk, country.pk, series.pk))
                figures.append(figure_of(value, notes=notes, label=label) if value else None)
            rows.append(FigureRow(label=translated(country.name), code=country.code, is_total=False, figures=figures))
        tables.append(
            FigureTable(
                caption=caption, row_heading=_("Country"), columns=[label for _series, label in columns], rows=rows
            )
        )
    return IndicatorSection(
        code=indicator.code, name=name, unit=unit, definition=translated(indicator.definition), tables=tables
    )


def _completeness_table(reader, period, countries, indicators, *, now):
    """The year's deliveries: their states and lateness for the participating states' users (as the completeness
    page shows them); for others, only whether published figures they may read exist."""
    names = [translated(indicator.name) for indicator in indicators]
    if permissions.can_read_completeness(reader):
        return _full_completeness(period, countries, indicators, names)
    published = set(
        regional_values(reader, period=period, now=now)
        .filter(number__isnull=False)
        .values_list("country_id", "indicator_id")
        .distinct()
    )
    rows = [
        (
            translated(country.name),
            [_("published") if (country.pk, indicator.pk) in published else "–" for indicator in indicators],
            "",
        )
        for country in countries
    ]
    note = _("Published: figures that the public may read exist for the year. The states of the deliveries and "
             "their timeliness are shown to the participating states' users.")  # fmt: skip
    return CompletenessTable(columns=names, rows=rows, shows_timeliness=False, note=note)


def _full_completeness(period, countries, indicators, names):
    wanted = {indicator.pk for indicator in indicators}
    _all_indicators, rows, _totals = completeness(period)
    participating = {country.pk for country in countries}
    table_rows = []
    for row in rows:
        if row["country"].pk not in participating:
            continue
        texts = []
        for cell in row["cells"]:
            if cell["indicator"].pk not in wanted:
                continue
            text = _state_name(cell["state"])
            if cell["not_collected"]:
                text += " " + _("(%(count)s not collected)") % {"count": cell["not_collected"]}
            texts.append(text)
        timeliness = _("late") if row["late"] else _("on time")
        table_rows.append((translated(row["country"].name), texts, timeliness))
    note = _("Deadline: %(date)s. Late: first submitted after the deadline, or not yet submitted.") % {
        "date": date_format(period.deadline, "DATE_FORMAT")
    }
    return CompletenessTable(columns=names, rows=table_rows, shows_timeliness=True, note=note)


def _state_name(state):
    states = {
        "missing": _("missing"),
        "draft": _("draft"),
        "submitted": _("submitted"),
        "returned": _("returned"),
        "validated": _("validated"),
        "published": _("published"),
    }
    return states.get(state, state)
