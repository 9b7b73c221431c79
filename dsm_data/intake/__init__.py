"""The one door figures and files come in by: checked whole, nothing stored unless all is good.

- ``problems``: the one ``Problem`` (where and what) and the one ``Rejected`` of every channel,
  and their grouping by kind (``group_problems``) for reports that help fix a file;
- ``files``: a file's type from its content, and the limits of zip archives (xlsx, docx, odt),
  shared by uploads, paper scans, library files and text extraction;
- ``template_map``: the template's hidden sheet, written and read in one place;
- ``workbook``: reading a filled-in template; ``long_table``: reading a long table (CSV or xlsx),
  natively or through a publisher's mapping:
  - ``table_rows``: a CSV or xlsx sheet's rows, cells counted; ``xlsx_rows``: a sheet's rows
    read from its XML one at a time (python-calamine holds a whole sheet);
  - ``mapping``: ``MappingSpec`` (columns, wide columns, fixed values, recodes, suppression
    marks), what the mapping page shows of a file, and the codes each field takes;
  - ``records``: a row read through a mapping as one long-table record, and its ``Cell``;
  - ``codes``: texts looked up in the catalogue, recodes applied, hints with the allowed values;
  - ``countries``: ISO 3166 and M49 codes and English or Russian names to a country's code;
- ``figures``: what a file brings for one country and period (``Upload``), the rules run on it;
- ``sheets``: opening a workbook (python-calamine) and reading its sheets within Excel's grid
  (A to XFD);
- ``reading``: which of the two a file is, and the checks of the file itself; who may send
  figures for which country and period is the services' part (``permissions.upload_refusal``).

This module imports nothing, so that ``files`` can be used without Django (text extraction
runs it in a child process).
"""
