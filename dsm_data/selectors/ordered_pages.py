"""A page of the data browser in one query, in a total order, read without sorting every matching value.

The browser's orders are on the indicator (its order, its code), the country (its code) and the
period (its start, its frequency): columns of other tables, which no index of ``Value`` can give.
Sorting every value the filters leave (342,000 of ten million for one indicator and three
countries) took PostgreSQL 1.7 s for a page of 50. But those tables are small: the combinations
of an indicator, a country and a period number a few thousand once filtered. So the page's query
walks the combinations in the order asked for and reads each one's values through the index
``value_browse`` (indicator, period, country), a LATERAL join, and PostgreSQL stops after the
page's rows. Nothing is stored twice: no column of ``Value`` copies its indicator's order.
"""

from contextlib import contextmanager
from functools import cached_property

from django.db import connections, transaction
from django.db.models import BigIntegerField, Count, F, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber

# The browser's first order (tables.ValueTable.Meta.order_by, in fields), then what settles ties: the
# breakdown's order within its indicator, then the value. Without them two values of one indicator,
# country and period had no order, and pages read with OFFSET could show one twice and another never.
DEFAULT_ORDER = ("indicator__sort_order", "indicator__code", "country__code", "-period__start", "-period__frequency")
TIE_BREAKERS = ("series__sort_order", "pk")
# The order's fields held by the tables of combinations: the field -> (the dimension, its field there).
COMBINATION_FIELDS = {
    "indicator__sort_order": ("indicator", "sort_order"),
    "indicator__code": ("indicator", "code"),
    "country__code": ("country", "code"),
    "period__start": ("period", "start"),
    "period__frequency": ("period", "frequency"),
}

# The walk's SQL text by its shape (``walk``), in this process; at most MAX_WALK_SHAPES of them.
WALK_SHAPES = {}
MAX_WALK_SHAPES = 256


class Combinations(tuple):
    """(indicators, countries, periods): the querysets of what a page walks, and their SQL (``compiled``),
    compiled once for them. ``filters.ValueFilter.combinations`` gives the same ones for the same filters:
    compiling the three querysets for each page took a third of the time of the walk's SQL."""

    def __new__(cls, indicators, countries, periods):
        return super().__new__(cls, (indicators, countries, periods))

    @cached_property
    def compiled(self):
        """[(SQL, parameters)] of each queryset, without an order: the walk's parts (``walk``)."""
        return [queryset.order_by().query.sql_with_params() for queryset in self]


def total_order(order_by):
    """``order_by`` (the fields a reader sorted on) followed by the first order's fields it lacks and the
    tie breakers: one order for every page and export, with no two values tied."""
    named = {name.removeprefix("-") for name in order_by}
    rest = [name for name in DEFAULT_ORDER + TIE_BREAKERS if name.removeprefix("-") not in named]
    return [*order_by, *rest]


def page_rows(values, combinations, start, stop):
    """The rows ``start`` to ``stop`` of ``values`` (a ``.values()`` queryset, ordered as the reader
    asked) in ``total_order``: a list of dicts, from one query.

    ``combinations``: (indicators, countries, periods), querysets holding at least those of every
    value in ``values`` (``filters.ValueFilter.combinations``), or a function that returns them, called
    only where the walk applies; None to sort the values themselves.
    """
    fields = list(values.query.values_select)
    query = walked_query(values, fields, combinations, start, stop)
    if query is None:
        return list(values.order_by(*total_order(values.query.order_by))[start:stop])
    connection = connections[values.db]
    with connection.cursor() as cursor:
        execute_without_jit(connection, cursor, *query)
        return [dict(zip(fields, row, strict=True)) for row in cursor.fetchall()]


def ordered_rows(values, fields, combinations, chunk_size):
    """Every row of ``values`` (ordered as the reader asked) in ``total_order``: tuples of ``fields`` (fields
    or annotations of ``values``), read ``chunk_size`` at a time, through a server-side cursor where the
    database has them (as ``QuerySet.iterator``)."""
    query = walked_query(values, fields, combinations)
    if query is None:
        yield from values.order_by(*total_order(values.query.order_by)).values_list(*fields).iterator(chunk_size)
        return
    connection = connections[values.db]
    server_side = not connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS")
    with connection.chunked_cursor() if server_side else connection.cursor() as cursor:
        with without_jit(connection):
            cursor.execute(*query)  # a server-side cursor outside a transaction is read whole at its COMMIT
        while rows := cursor.fetchmany(chunk_size):
            yield from rows


@contextmanager
def without_jit(connection):
    """A transaction in which PostgreSQL compiles no query to machine code (JIT).

    The walk's estimated cost (an index scan for each combination) is above ``jit_above_cost``
    once it reads more than a page: the export of 342,000 rows spent 660 ms compiling, then
    800 ms running. Only for this transaction (SET LOCAL).
    """
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        yield


def execute_without_jit(connection, cursor, sql, params):
    """Runs the query with no JIT (``without_jit``) in one statement sent: ``SET LOCAL`` and the query
    together, which PostgreSQL runs as one transaction, rather than BEGIN, SET LOCAL, the query and
    COMMIT, four round trips for each page. Django's cursors bind parameters on the client, which lets
    one call send two statements; a site that binds them on the server takes the four."""
    if connection.settings_dict["OPTIONS"].get("server_side_binding"):
        with without_jit(connection):
            cursor.execute(sql, params)
        return
    cursor.execute(f"SET LOCAL jit = off; {sql}", params)
    cursor.nextset()  # the query's rows, after the SET's empty result


def walked_query(values, fields, combinations, start=0, stop=None):
    """(SQL, parameters) of the rows ``start`` to ``stop`` (None: to the end) of ``values`` as tuples of
    ``fields``, read combination by combination, or None where that does not apply: an order that begins
    with the figure or the breakdown (their order is on the values themselves), no combinations given,
    a filter that matches nothing, or SQLite, which has no LATERAL join: there the values are sorted.
    (Written as a plain join of the ordered combinations, SQLite 3.40 still sorted every row at the end:
    30 ms for the bench's page, against 16 ms for the values sorted.)
    """
    connection = connections[values.db]
    nesting = dimension_order(total_order(values.query.order_by))
    if nesting is None or connection.vendor != "postgresql" or combinations is None or values.query.is_empty():
        return None
    if callable(combinations):  # made only here, where walked: elsewhere they were querysets never run
        combinations = combinations()
    sql, params = walk(values, fields, combinations, nesting)
    if stop is not None:
        sql, params = f"{sql} LIMIT %s", (*params, stop - start)
    if start:
        sql, params = f"{sql} OFFSET %s", (*params, start)
    return sql, params


def walk(values, fields, combinations, nesting):
    """(SQL, parameters) of the whole walk, its text kept (WALK_SHAPES) for the next page of the same shape.

    The shape: the SQL of ``values`` and of the three tables of combinations as they are, without the walk's
    columns, order and conditions, which add no parameters; so the walk's parameters are theirs, in order
    (checked the first time: a shape whose parameters come otherwise is built each time). Compiling those
    four querysets takes a third of the time of building the walk from them, 2.5 ms a page.
    """
    if not isinstance(combinations, Combinations):
        combinations = Combinations(*combinations)
    parts = list(combinations.compiled)
    # The values' own fields (a page's) need no second selection of the same columns: a third of their SQL's time.
    selected = (
        values.order_by() if fields == list(values.query.values_select) else values.order_by().values_list(*fields)
    )
    parts.append(selected.query.sql_with_params())
    key = (values.db, tuple(fields), tuple((name, tuple(order)) for name, order in nesting.items()))
    key += tuple(sql for sql, _params in parts)
    params = tuple(param for _sql, part_params in parts for param in part_params)
    sql = WALK_SHAPES.get(key)
    if sql is None:
        sql, built_params = built_walk(values, fields, combinations, nesting)
        if tuple(built_params) != params:
            return sql, built_params
        if len(WALK_SHAPES) >= MAX_WALK_SHAPES:  # a bound on the memory of shapes no longer asked for
            WALK_SHAPES.clear()
        WALK_SHAPES[key] = sql
    return sql, params


def built_walk(values, fields, combinations, nesting):
    """(SQL, parameters) of the whole walk (``walked_query``), built from the querysets."""
    connection = connections[values.db]
    tables, params = [], []
    for dimension, queryset in zip(("indicator", "country", "period"), combinations, strict=True):
        sql, table_params = ranked(queryset, nesting[dimension]).query.sql_with_params()
        tables.append(f"({sql}) browse_{dimension}")
        params += table_params
    # The combination's place in the order, one number: each dimension's rank in the order's nesting, as
    # digits of a number whose bases are the dimensions' sizes (ranks from 1 to the size: rank x size + the
    # next rank still puts each rank's numbers after the rank before's). Sorting a few thousand of these
    # numbers is what PostgreSQL sorts; it reads the values of each in turn, and stops at the page's end.
    first, *others = nesting
    place = f"browse_{first}.browse_rank"
    for dimension in others:
        place = f"({place}) * browse_{dimension}.browse_size + browse_{dimension}.browse_rank"
    page_sql, page_params = values_of_one_combination(values, fields).query.sql_with_params()
    columns = ", ".join(f"browse_page.{connection.ops.quote_name(field)}" for field in fields)
    sql = (
        f"SELECT {columns} FROM (SELECT browse_indicator.id AS indicator_key, browse_country.id AS country_key, "
        f"browse_period.id AS period_key, {place} AS browse_place FROM {' CROSS JOIN '.join(tables)} "
        f"ORDER BY browse_place) browse_combination CROSS JOIN LATERAL ({page_sql} OFFSET 0) browse_page "
        "ORDER BY browse_combination.browse_place, browse_page.browse_series_order, browse_page.browse_key"
    )
    # OFFSET 0: the values of one combination stay a query of their own, run for each in turn; joined into
    # the main query (as PostgreSQL does otherwise), they were sorted all together again.
    return sql, (*params, *page_params)


def dimension_order(order):
    """{dimension: [its fields in ``order``, each with "-" where descending]}, in the order's nesting (the
    dimension sorted on first, first); None unless the order begins with the three dimensions' fields,
    each dimension's together, and ends with the tie breakers."""
    walked, rest = order[: len(COMBINATION_FIELDS)], order[len(COMBINATION_FIELDS) :]
    if rest != list(TIE_BREAKERS) or {name.removeprefix("-") for name in walked} != set(COMBINATION_FIELDS):
        return None
    nesting = {}
    for name in walked:
        dimension, field = COMBINATION_FIELDS[name.removeprefix("-")]
        if dimension in nesting and list(nesting)[-1] != dimension:
            return None  # a dimension's fields apart: no nesting of dimensions gives that order
        nesting.setdefault(dimension, []).append(f"-{field}" if name.startswith("-") else field)
    return nesting


def ranked(queryset, order):
    """``queryset``'s ids with their rank in ``order`` (from 1) and how many they are. (From 1 as
    ROW_NUMBER counts: a rank from 0 took a parameter, and the walk's parameters are those of its parts.)"""
    ordering = [F(name.removeprefix("-")).desc() if name.startswith("-") else F(name).asc() for name in order]
    return (
        queryset.order_by()
        .annotate(browse_rank=Window(RowNumber(), order_by=ordering), browse_size=Window(Count("pk")))
        .values("id", "browse_rank", "browse_size")
    )


def values_of_one_combination(values, fields):
    """``values`` of the combination the walk is on (``browse_combination``): found through the index
    ``value_browse``; with the tie breakers as the last columns, for the walk's order."""
    combination = {
        f"{field}_id": RawSQL(f"browse_combination.{field}_key", (), output_field=BigIntegerField())
        for field in ("indicator", "country", "period")
    }
    return (
        values.order_by()
        .filter(**combination)
        .annotate(browse_series_order=F("series__sort_order"), browse_key=F("pk"))
        .values_list(*fields, "browse_series_order", "browse_key")
    )
