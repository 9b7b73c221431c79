"""SDMX for the statistical world: ``/api/sdmx/`` (SDMX 2.1 REST paths), SDMX-ML 2.1 structures and SDMX-CSV 2.0
data out, SDMX-CSV in for the write API.

- ``vocabulary``: the agency, the ids, and how a cell's flags become OBS_STATUS and CONF_STATUS and back;
- ``structure``: structure messages (code lists, the concept scheme, a DSD and a dataflow per indicator);
- ``data``: a data query (key, startPeriod, endPeriod) over the reader's figures, written as SDMX-CSV 2.0;
- ``csv_input``: ``long_table_rows``, an SDMX-CSV 2.0 or 1.0 message as the native long table's rows;
- ``views`` and ``urls``: the REST paths, with the read API's authentication, rate limits, gzip and ETag.

Figures are read only through ``dsm_data.selectors.browsing.browsable_values(user)``, as on the pages.
"""
