"""Pages of a list: ``?page=N&page_size=M`` (at most 1,000 rows), with the next and previous pages' links.

No COUNT over a million values for each page, as in the data browser: one row more than the
page is read to know whether a next page exists.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000


def _whole_number(request, name, default, *, maximum=None):
    text = request.query_params.get(name, "")
    if text == "":
        return default
    if not text.isdigit() or int(text) < 1 or (maximum and int(text) > maximum):
        allowed = f"1–{maximum}" if maximum else _("1 or more")
        raise ValidationError(
            {name: [_("“%(text)s” is not a page number here: give %(allowed)s.") % {"text": text, "allowed": allowed}]}
        )
    return int(text)


class LookAheadPagination(BasePagination):
    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page = _whole_number(request, "page", 1)
        self.page_size = _whole_number(request, "page_size", DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        start = (self.page - 1) * self.page_size
        rows = list(queryset[start : start + self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        return rows[: self.page_size]

    def get_paginated_response(self, data):
        url = self.request.build_absolute_uri()
        next_url = replace_query_param(url, "page", self.page + 1) if self.has_next else None
        if self.page <= 1:
            previous_url = None
        elif self.page == 2:
            previous_url = remove_query_param(url, "page")
        else:
            previous_url = replace_query_param(url, "page", self.page - 1)
        return Response({"next": next_url, "previous": previous_url, "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {"name": "page", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1}},
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
            },
        ]
