import re
import sys

from django.core.management.base import BaseCommand
from django.db import transaction

from dsm_data.intake.problems import Rejected
from dsm_data.models import Frequency
from dsm_data.services.periods import create_periods

CREATED, REFUSED, UNUSABLE_CALL = 0, 1, 2
YEARS = re.compile(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?")


def years(text):
    """(first, last) of "1990-2014" or "2014"; ValueError for anything else."""
    match = YEARS.fullmatch(text)
    if match is None:
        raise ValueError(text)
    first = int(match[1])
    return first, int(match[2] or first)


class Command(BaseCommand):
    help = (
        "Create the reference periods of past (or coming) years, e.g. --annual 1990-2014 --quarterly 2010-2014; "
        "periods that exist are kept as they are. Exit 0 done, 1 refused, 2 unusable call."
    )

    def add_arguments(self, parser):
        for frequency in Frequency.values:
            parser.add_argument(f"--{frequency}", default="", metavar="YEARS", help=f"{frequency} periods of YEARS")

    def handle(self, *args, **options):
        wanted = [(frequency, options[frequency]) for frequency in Frequency.values if options[frequency]]
        if not wanted:
            self.stderr.write("Give the years of at least one frequency, e.g. --annual 1990-2014.")
            sys.exit(UNUSABLE_CALL)
        try:
            ranges = [(frequency, years(text)) for frequency, text in wanted]
        except ValueError as error:
            self.stderr.write(f"Years are given as 1990-2014 or 2014, not “{error}”.")
            sys.exit(UNUSABLE_CALL)
        lines = []
        try:
            with transaction.atomic():  # every frequency's periods, or none
                for frequency, (first, last) in ranges:
                    created, existing = create_periods(frequency, first_year=first, last_year=last)
                    line = f"{frequency} {first}-{last}: {len(created)} created, {len(existing)} existed already"
                    if existing:
                        line += f" ({', '.join(period.code for period in existing)})"
                    lines.append(line + ".")
        except Rejected as rejected:
            self.stderr.write(f"{frequency} {first}-{last}: {rejected}; nothing was created.")
            sys.exit(REFUSED)
        for line in lines:
            self.stdout.write(line)
