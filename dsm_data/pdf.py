"""PDF documents in any of the portal's languages (Cyrillic included), with the bundled DejaVu fonts.

fpdf2 (with fontTools, 26 MB) is imported with the first PDF made: the charts, drawn on most
pages, take only the fonts' folder from here, and measure their text with Pillow.
"""

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "DejaVu"


def new_pdf(title="", author="DSM portal"):
    """An A4 FPDF with the Unicode font registered and selected, page breaks on."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font(FONT_FAMILY, "", FONT_DIR / "DejaVuSans.ttf")
    pdf.add_font(FONT_FAMILY, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
    pdf.set_font(FONT_FAMILY, size=10)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("DSM portal")
    return pdf
