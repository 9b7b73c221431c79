from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dsm_data.models import Country, Indicator, Period
from dsm_data.selectors.templates import template_workbook


class Command(BaseCommand):
    help = "Write the Excel template of a country and period, with the figures already stored."

    def add_arguments(self, parser):
        parser.add_argument("--country", required=True, help="ISO alpha-3 code, e.g. KAZ")
        parser.add_argument("--period", required=True, help="e.g. 2024 or 2024-Q1")
        parser.add_argument("--indicator", action="append", default=[], help="an indicator code; repeat for more")
        parser.add_argument("--lang", default=settings.LANGUAGE_CODE, choices=[code for code, _ in settings.LANGUAGES])
        parser.add_argument("-o", "--output", required=True, help="the .xlsx file to write")

    def handle(self, *args, country, period, indicator, lang, output, **options):
        country_row = Country.objects.filter(code=country.upper()).first()
        period_row = Period.objects.filter(code=period).first()
        if country_row is None:
            raise CommandError(f"No country with the code {country}.")
        if period_row is None:
            raise CommandError(f"No period {period}.")
        indicators = [item for item in Indicator.objects.all() if period_row.frequency in item.frequencies]
        if indicator:
            unknown = set(indicator) - {item.code for item in indicators}
            if unknown:
                raise CommandError(f"Not collected for {period}: {', '.join(sorted(unknown))}.")
            indicators = [item for item in indicators if item.code in indicator]
        template_workbook(country_row, period_row, indicators=indicators, language=lang).save(output)
        self.stdout.write(f"Template of {country_row.code} {period_row.code} ({len(indicators)} indicators): {output}")
