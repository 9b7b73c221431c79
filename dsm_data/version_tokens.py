"""Reading a version token: the one row of a model (``CatalogueVersion``, ``PagesVersion``) whose token
changes with what it versions, so that what is kept under the token is never read after a change.

Tokens are read on every page, so their query is compiled once for each model and database: building and
compiling the queryset each time took longer than the query (0.35 ms against 0.03). The tokens of the
models marked ``read_together`` are read in one query, once for a request (``current_token`` given the
request): the data browser read two tokens, each a round trip to the database.
"""

from django.db import connections, router

COMPILED = {}  # (models, database alias) -> (SQL, parameters)
READ_TOGETHER = []  # the models whose tokens a request reads in one query (``read_together``)


def read_together(model):
    """Marks ``model`` (a class decorator) as one whose token ``current_token(model, request)`` reads with
    the other marked models' tokens, in one query for the request."""
    READ_TOGETHER.append(model)
    return model


def current_token(model, request=None):
    """The token of ``model``'s first row, as the database gives it (only compared and put in keys); None
    without a row (a test database flushed).

    With ``request``, read once for it: the first read, before anything the request reads under the token,
    reads every ``read_together`` model's token on the same database, and the request keeps them. (Read
    before what they version, a token is never the key of what was read after a change.)
    """
    if request is None or model not in READ_TOGETHER:
        return read_tokens((model,), router.db_for_read(model))[0]
    kept = getattr(request, "_dsm_version_tokens", None)
    if kept is None:
        kept = request._dsm_version_tokens = {}
    if model not in kept:
        alias = router.db_for_read(model)
        together = tuple(other for other in READ_TOGETHER if router.db_for_read(other) == alias)
        kept.update(zip(together, read_tokens(together, alias), strict=True))
    return kept[model]


def read_tokens(models, alias):
    """The tokens of ``models`` (each its first row's, or None), in order, from one query on ``alias``."""
    compiled = COMPILED.get((models, alias))
    if compiled is None:
        parts = [
            model.objects.using(alias).order_by("pk").values_list("token")[:1].query.sql_with_params()
            for model in models
        ]
        sql = "SELECT " + ", ".join(f"({part_sql})" for part_sql, _params in parts)
        compiled = COMPILED[(models, alias)] = (sql, tuple(param for _sql, params in parts for param in params))
    with connections[alias].cursor() as cursor:
        cursor.execute(*compiled)
        return cursor.fetchone()
