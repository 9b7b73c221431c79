"""The address of a chart's downloads, apart from ``responses``: pages and models link to the files
without loading what draws them (Pillow, fpdf, openpyxl: 60 MB in every process that only links)."""

from urllib.parse import urlencode

from django.urls import reverse


def chart_download_url(name, **parameters):
    """The address of a chart's files, ``views.charts.chart_download`` (``&format=`` is added by the chart's links)."""
    return f"{reverse('dsm_data:chart', args=[name])}?{urlencode(parameters)}"
