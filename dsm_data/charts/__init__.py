"""Charts of published figures, drawn on the server: one chart, laid out once, drawn as SVG (pages),
PNG (downloads) and on a PDF page (reports), like ``grid.py``'s one grid drawn by web, Excel and paper.

- ``data``: what a chart shows (``Chart``, ``Series``, ``Point``) and its data table;
- ``layout``: where everything goes, as plain shapes (``shapes``), from ``scales`` (round ticks),
  ``axes``, ``lines`` and ``bars`` (the two kinds of plot) and ``marks`` (what the tests and notes read);
- ``svg``, ``png``, ``pdf``: the three drawings of those shapes;
- ``responses``: a chart as a downloaded SVG, PNG or CSV file; ``links``: the address of those files.

Which figures a chart holds is decided elsewhere (``selectors.charts``), through
``permissions.visible_values`` like every table: this package draws what it is given.
"""
