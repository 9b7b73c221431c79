"""The reports from the command line, built here and now through the same services as the pages.

manage.py dsm_report --country KAZ --years 2015-2024 --format pdf --lang ru -o kaz.pdf
manage.py dsm_report --region --year 2024 --format xlsx -o region.xlsx
manage.py dsm_report ... --user NAME    (that account's reading instead of the public's)
"""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from reports import services
from reports.forms import ReportForm
from reports.models import ReportKind, ReportStatus

YEARS = re.compile(r"^\s*(\d{1,4})\s*(?:[-–]\s*(\d{1,4}))?\s*$")
# Which option gave each field of the form, to say where a refused value came from.
OPTIONS = {
    "country": "--country",
    "first_year": "--years",
    "last_year": "--years",
    "year": "--year",
    "file_format": "--format",
    "language": "--lang",
}


class Command(BaseCommand):
    help = "Build a country report or the regional report (Annual statistics and policy trends) as PDF or Excel."

    def add_arguments(self, parser):
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("--country", help="the country report of this country (ISO alpha-3 code, e.g. KAZ)")
        where.add_argument("--region", action="store_true", help="the regional report of all participating states")
        parser.add_argument("--years", help="the country report's years, FIRST-LAST (e.g. 2015-2024) or one year")
        parser.add_argument("--year", type=int, help="the regional report's year, e.g. 2024")
        parser.add_argument("--format", dest="file_format", default="pdf", help="pdf or xlsx (default: pdf)")
        parser.add_argument("--lang", default=settings.LANGUAGE_CODE, help="the report's language: en or ru")
        parser.add_argument("--user", help="the account whose reading the report holds (default: the public's)")
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def handle(self, *args, country, region, years, year, file_format, lang, user, output, **options):
        language = lang if lang in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(language):
            reader = self._reader(user)
            form = ReportForm(self._form_data(country, region, years, year, file_format, lang), user=reader)
            if not form.is_valid():
                raise CommandError(self._errors(form))
            report = services.request_report(reader, **form.report_inputs(), build_now=True)
            if report.status != ReportStatus.READY:
                raise CommandError(_("The report could not be built: %(error)s") % {"error": report.error})
            with report.file.open("rb") as source:
                Path(output).write_bytes(source.read())
            reading = report.requester.get_username() if report.requester_id else _("the public")
            self.stdout.write(
                _("%(report)s, as %(reader)s reads it: %(path)s")
                % {"report": report, "reader": reading, "path": output}
            )

    def _reader(self, username):
        if not username:
            return AnonymousUser()
        account = get_user_model().objects.filter(username=username).first()
        if account is None:
            raise CommandError(_("--user: no account is called “%(name)s”.") % {"name": username})
        if not account.is_active:
            raise CommandError(_("--user: the account “%(name)s” is deactivated.") % {"name": username})
        return account

    def _form_data(self, country, region, years, year, file_format, language):
        data = {"file_format": (file_format or "").lower(), "language": language}
        if region:
            if years:
                raise CommandError(_("--years is for a country report; the regional report takes --year."))
            return {**data, "kind": ReportKind.REGION, "year": year}
        if year is not None and not years:
            years = str(year)
        match = YEARS.match(years or "")
        if not match:
            raise CommandError(
                _("--years: give FIRST-LAST, e.g. 2015-2024, or one year; “%(value)s” is neither.")
                % {"value": years or ""}
            )
        first, last = match.group(1), match.group(2) or match.group(1)
        return {**data, "kind": ReportKind.COUNTRY, "country": country, "first_year": first, "last_year": last}

    def _errors(self, form):
        lines = []
        for name, errors in form.errors.items():
            where = OPTIONS.get(name)
            lines += [f"{where}: {error}" if where else str(error) for error in errors]
        return "\n".join(lines)
