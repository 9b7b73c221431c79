"""PDF and DOCX files from a title and a body in the package's light markup; same input, same bytes.

Body markup: blocks separated by a blank line; "## " starts a heading, "- " a bullet line,
anything else is a paragraph.
"""

import datetime
import io
import zipfile

FIXED_DATETIME = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
_ZIP_DATE = (2024, 1, 1, 0, 0, 0)
_PAGE_LABEL = {"en": "Page {page} of {{nb}}", "ru": "Страница {page} из {{nb}}"}


def blocks(body):
    """The body as a list of (kind, text) with kind "heading", "bullet" or "paragraph"."""
    result = []
    for chunk in body.strip().split("\n\n"):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.startswith("## "):
            result.append(("heading", " ".join(chunk[3:].split())))
        elif chunk.startswith("- "):
            for line in chunk.split("\n- "):
                result.append(("bullet", " ".join(line.removeprefix("- ").split())))
        else:
            result.append(("paragraph", " ".join(chunk.split())))
    return result


def render_pdf(title, body, language="en"):
    """An A4 PDF: the title, then headings in bold, paragraphs and bullets; page numbers in the footer."""
    from dsm_data.pdf import FONT_FAMILY, new_pdf

    pdf = new_pdf(title=title)
    pdf.set_creation_date(FIXED_DATETIME)
    pdf.set_lang(language)
    label = _PAGE_LABEL.get(language, _PAGE_LABEL["en"])

    def footer():
        pdf.set_y(-12)
        pdf.set_font(FONT_FAMILY, size=8)
        pdf.cell(0, 5, label.format(page=pdf.page_no()), align="C")

    pdf.footer = footer
    pdf.set_margins(20, 18, 20)
    pdf.add_page()
    pdf.set_font(FONT_FAMILY, "B", 15)
    pdf.multi_cell(0, 7.5, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for kind, text in blocks(body):
        if kind == "heading":
            pdf.ln(2)
            pdf.set_font(FONT_FAMILY, "B", 11.5)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "bullet":
            pdf.set_font(FONT_FAMILY, "", 10)
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(0, 5, f"•  {text}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
        else:
            pdf.set_font(FONT_FAMILY, "", 10)
            pdf.multi_cell(0, 5, text, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    return bytes(pdf.output())


def render_docx(title, body, language="en"):
    """A DOCX: the title (Title style), headings (Heading 1), paragraphs and bullets (List Bullet)."""
    import docx

    document = docx.Document()
    properties = document.core_properties
    properties.title = title
    properties.author = "DSM portal"
    properties.last_modified_by = "DSM portal"
    properties.language = language
    properties.revision = 1
    properties.created = properties.modified = properties.last_printed = FIXED_DATETIME.replace(tzinfo=None)
    document.add_heading(title, level=0)
    for kind, text in blocks(body):
        if kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_dates(buffer.getvalue())


def _fixed_zip_dates(data):
    """The same zip with every entry dated _ZIP_DATE (python-docx stamps the current time)."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = entry.external_attr
            target.writestr(info, source.read(entry.filename))
    return output.getvalue()


def filename(document):
    """The file name of a document of documents.DOCUMENTS, e.g. "kaz-law-refugees.pdf"."""
    return f"{document['slug']}.{document['file_format']}"


def render_document(document):
    """(file name, bytes) of a document of documents.DOCUMENTS, in its file_format and language."""
    language = document["language"]
    title = document["title"][language]
    if document["file_format"] == "docx":
        return filename(document), render_docx(title, document["body"], language)
    if document["file_format"] == "pdf":
        return filename(document), render_pdf(title, document["body"], language)
    raise ValueError(f"unknown file format {document['file_format']!r}")
