"""Demo content for the portal's Wagtail side: pure data, no models, plus file renderers.

The loader demo/pages.py turns these lists into pages; nothing here imports Django models,
so the data can be read, tested and rendered without a database. Plain tables live in
demo/data/*.json (sections, methodology, events), read by the modules of the same name; the
laws, papers and other long texts are built here in Python from per-country tables. Fields
holding an enum value are named in demo/enums.py.

The data contract. Every human text is a dict {"en": "...", "ru": "..."}; dates are
``datetime.date``; slugs are unique within their list; keys are in English.

sections.SECTIONS: list of {slug, number, title, intro} -- the e-library sections of Annex 3.

documents.DOCUMENTS: list of {slug, title, country, issuing_body, type, date, language, topics,
    section, visibility, summary, file_format, body}
    country      ISO alpha-3 code of countries.COUNTRY_CODES, or None (regional/international body)
    type         a value of library_pages.models.DocumentType (law, decree, ...)
    language     the language of the file and of ``body``: "en" or "ru"
    topics       slugs, keys of documents.TOPICS ({slug: {"en": label, "ru": label}})
    section      a slug of sections.SECTIONS
    visibility   a value of library_pages.models.Visibility: "public", "participating"
                 (shared with participating states) or "national" (users of ``country`` only)
    file_format  "pdf" or "docx"
    body         the document's full text (a str in ``language``, see "Body markup" below)

training.MODULES: list of {slug, number, title, objectives (list of texts), content (list of
    texts, one per paragraph), duration (str, e.g. "1 day"), duration_hours (int), audience,
    handout {slug, title, language, body}} -- the 16 modules of Annex 2; render the handout with
    files.render_pdf(handout["title"][handout["language"]], handout["body"], handout["language"]).

methodology.PAGES: list of {slug, title, intro, body (list of texts, one per paragraph)}.

events.EVENTS: list of {slug, kind, title, start_date, end_date, place, summary, agenda,
    linked_documents}; agenda is a list of {day (int, 1-based), time ("09:30"), end_time,
    title, speakers}; linked_documents are slugs of documents.DOCUMENTS.

countries.COUNTRIES: list of {code, name, profile, intranet}
    profile  {overview, institutions: list of {name, role, website}}
    intranet {contacts: list of {institution, name, title, address, phone, email, website},
              work_plan: list of {number, item, timeline, responsible, status}}
    status is a value of library_pages.models.WorkPlanStatus;
    phone, email and website are plain strings (fictional: ``.example`` domains).

Body markup (documents' ``body`` and handouts' ``body``): blocks separated by a blank line;
a block starting with "## " is a heading, one starting with "- " is a list of bullet lines,
anything else is a paragraph. files.blocks(body) parses it; files.render_pdf,
files.render_docx and files.render_document turn it into deterministic PDF/DOCX bytes.

All persons, phone numbers, addresses, web sites and legal texts are fictional and were
written for the demonstration; they are not official acts of any state.
"""
