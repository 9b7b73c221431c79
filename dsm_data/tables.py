import copy

import django_tables2 as tables
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_tables2.paginators import LazyPaginator
from django_tables2.rows import BoundRows

from .cells import entry_formatter
from .figure_notes import Notes
from .markup import escaped
from .selectors.ordered_pages import page_rows

# A row of the table body, as dsm_data/value_table.html had written it; each field escaped before.
ROW = (
    '\n    <tr><th scope="row">{indicator}</th><td>{country}</td><td>{period}</td><td>{breakdown}</td>'
    '<td class="number"><a href="{history}">{entry}</a>{mark}</td><td>{unit}</td><td class="source">{source}</td></tr>'
)
# A cell of the table's header, as the template had written it with django-tables2's tags.
HEADER_CELL = '\n    <th scope="col"{number}{sort}>{label}</th>'
NOTE_MARK = (
    '<sup class="note-mark"><a href="#note-{number}"><span class="visually-hidden">{note} </span>{number}</a></sup>'
)


class Column(tables.Column):
    """django-tables2's column, copied for each table (as django-tables2 copies them) without copying its
    arguments, which no table changes: deep copies of the seven columns were a third of the table's set-up."""

    def __deepcopy__(self, memo):
        return copy.copy(self)


class ValueTable(tables.Table):
    """The data browser's columns, their sorting and paging.

    ``describe_page`` writes the rows of the page shown, straight from each value, and the
    template ``dsm_data/value_table.html`` the rest: django-tables2's per-cell rendering, then
    the template's own loop over the cells, cost more than the query.
    """

    indicator = Column(verbose_name=_("Indicator"), order_by=("indicator__sort_order", "indicator__code"))
    country = Column(verbose_name=_("Country"), order_by=("country__code",))
    period = Column(verbose_name=_("Period"), order_by=("period__start", "period__frequency"))
    breakdown = Column(verbose_name=_("Breakdown"), empty_values=(), order_by=("series__sort_order",))
    number = Column(verbose_name=_("Value"), empty_values=(), attrs={"td": {"class": "number"}})
    unit = Column(verbose_name=_("Unit"), empty_values=(), orderable=False)
    source = Column(verbose_name=_("Source"), empty_values=(), orderable=False)

    class Meta:
        attrs = {"class": "data"}
        template_name = "dsm_data/value_table.html"
        order_by = ("indicator", "country", "-period")

    def __init__(self, *args, labels, combinations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = labels  # selectors.catalogue.CatalogueLabels: names, units and sources
        self.combinations = combinations  # filters.ValueFilter.combinations (or its result): what a page walks
        self.body = ""  # the rows of the page shown, as HTML: describe_page writes them
        self.notes = []  # the footnotes of the page shown, each once, in the order their marks are numbered

    def header_cells(self):
        """The header's cells as HTML: each column's name, a link that sorts on it (as django-tables2's
        ``querystring_replace`` writes it: the request's query with the new order) and ``aria-sort`` on the
        column sorted on. Written here rather than by the template's loop and tags, a millisecond a page."""
        query, field, cells = dict(self.request.GET), self.prefixed_order_by_field, []
        # The query before and after the order, encoded once: the order is in its place, else last.
        names = list(query)
        place = names.index(field) if field in names else len(names)
        before = urlencode({name: query[name] for name in names[:place]}, doseq=True)
        after = urlencode({name: query[name] for name in names[place + 1 :]}, doseq=True)
        # Each column's name escaped once for the labels' language: a name is two look-ups in every catalogue
        # of translations, as long as the rest of the header.
        headers = self.labels.derived.setdefault("table_headers", {})
        for column in self.columns:
            label = headers.get(column.name)
            if label is None:
                label = headers[column.name] = escaped(column.header)
            if column.orderable:
                parts = (before, urlencode({field: column.order_by_alias.next}), after)
                link = escape("?" + "&".join(part for part in parts if part))
                label = f'<a href="{link}">{label}</a>'
            sort = ""
            if column.is_ordered:
                sort = f' aria-sort="{"descending" if column.order_by_alias.is_descending else "ascending"}"'
            cells.append(
                HEADER_CELL.format(number=' class="number"' if column.name == "number" else "", sort=sort, label=label)
            )
        return mark_safe("".join(cells))  # every text in it escaped above

    def describe_page(self, history_urls):
        """Writes the rows of the page shown as HTML (``self.body``): names, the figure as typed, a link to its
        history, unit, source and footnote mark. The same footnote on several rows is one note with one number.

        Written here rather than by the template: for 50 rows of 7 cells, the template's lookups and
        escaping took as long as the query itself. Every text is escaped, as the template would.
        """
        notes, not_collected, entry = Notes(), gettext("not collected"), entry_formatter()
        note_word = escaped(gettext("note"))
        # Each name escaped once for the catalogue's version (kept with its labels), not on every row.
        names, breakdowns = self.labels.html.setdefault("names", {}), self.labels.html.setdefault("breakdowns", {})
        rows = []
        for row in self.page.object_list:
            value = row.record
            indicator, country, series = value["indicator__code"], value["country__code"], value["series__key"]
            if (indicator, country) not in names:
                names[indicator, country] = self.escaped_names(indicator, country)
            if series not in breakdowns:
                breakdowns[series] = escaped(breakdown_label(series, self.labels.categories))
            number = notes.number(value["footnote"])
            mark = NOTE_MARK.format(number=number, note=note_word) if number else ""
            rows.append(
                ROW.format(
                    **names[indicator, country],
                    period=escaped(value["period__code"]),
                    breakdown=breakdowns[series],
                    history=escaped(history_urls[value["pk"]]),
                    entry=escaped(entry(value) or not_collected),
                    mark=mark,
                )
            )
        self.body = mark_safe("".join(rows))  # every text in it escaped above
        self.notes = [text for _number, text in notes.listed()]

    def escaped_names(self, indicator, country):
        """The cells of a row named by its indicator and country, escaped: {cell: HTML} for ``ROW``."""
        labels = self.labels
        return {
            "indicator": escaped(labels.indicators.get(indicator, indicator)),
            "country": escaped(labels.countries.get(country, country)),
            "unit": escaped(labels.units.get(indicator, "")),
            "source": escaped(labels.sources.get((indicator, country), "")),
        }


class OrderedPaginator(LazyPaginator):
    """django-tables2's paginator without a count, its pages read by ``selectors.ordered_pages.page_rows``:
    one query a page, in a total order, that stops after the page where the order allows."""

    def __init__(self, object_list, per_page, **kwargs):
        super().__init__(OrderedRows(object_list), per_page, **kwargs)


class OrderedRows:
    """A ValueTable's rows (django-tables2's BoundRows) whose slices ``page_rows`` reads."""

    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, key):
        table = self.rows.table
        return BoundRows(page_rows(self.rows.data.data, table.combinations, key.start, key.stop), table=table)


def breakdown_label(series_key, category_names):
    """ "Female × Afghanistan" from "SEX=F.CITIZENSHIP=AFG" (a total is named as such)."""
    if not series_key:
        return ""
    return " × ".join(category_names.get(part, part) for part in series_key.split("."))
