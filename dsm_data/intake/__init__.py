"""The one door figures and files come in by: checked whole, nothing stored unless all is good.

- ``problems``: the one ``Problem`` (where and what) and the one ``Rejected`` of every channel;
- ``files``: a file's type from its content, and the limits of zip archives (xlsx, docx, odt),
  shared by uploads, paper scans, library files and text extraction;
- ``template_map``: the template's hidden sheet, written and read in one place;
- ``workbook``: reading a filled-in template; ``long_table``: reading a long table (CSV or xlsx);
- ``sheets``: opening a workbook and reading its sheets within Excel's grid (A to XFD);
- ``reading``: which of the two a file is, and every refusal that depends on who sends it.

This module imports nothing, so that ``files`` can be used without Django (text extraction
runs it in a child process).
"""
