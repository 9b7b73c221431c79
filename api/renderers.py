"""CSV for the resources that are tables (the values): ``?format=csv`` or ``Accept: text/csv``.

A page of the list, as the JSON has it, one row per result; the next page's address is in the
``Link`` header, as GitHub's API does, since a CSV has no room for it.
"""

import csv
import io

from rest_framework.renderers import BaseRenderer

from dsm_data.exports import safe_text


def _cell(value):
    """Texts (footnotes) made safe from formula injection, as in the data browser's files; the rest as is."""
    return safe_text(value) if isinstance(value, str) else value


class CsvRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = data.get("results", data) if isinstance(data, dict) else data
        if isinstance(data, dict) and "results" not in data:
            rows = [data]  # an error: its fields as one row
        response = (renderer_context or {}).get("response")
        if response is not None and isinstance(data, dict) and data.get("next"):
            response["Link"] = f'<{data["next"]}>; rel="next"'
        output = io.StringIO()
        if rows:
            writer = csv.DictWriter(output, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({name: _cell(value) for name, value in row.items()} for row in rows)
        return output.getvalue().encode(self.charset)
