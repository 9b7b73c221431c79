import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import override_settings

from demo import accounts as account_demo
from demo import exchange as exchange_demo
from demo import mappings as mapping_demo
from demo import pages as pages_demo
from demo import values as value_demo
from dsm_data.models import Value
from search import indexing
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Load the demo content: countries, accounts, indicators and figures, pages. Safe to run again."

    def handle(self, *args, **options):
        started = time.monotonic()
        with indexing.deferred():  # the search index is built once, at the end
            self.load()
        self.stdout.write(f"Search index: {SearchEntry.objects.count()} entries")
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded in {time.monotonic() - started:.0f} s."))

    def load(self):
        countries = account_demo.load_countries()
        self.stdout.write(f"Countries: {len(countries)}")
        accounts = account_demo.load_accounts(countries, settings.DSM_DEMO_PASSWORD)
        self.stdout.write(f"Accounts: {len(accounts)} (password from DSM_DEMO_PASSWORD)")
        # The demo's workflow steps would e-mail every demo account: keep those in memory.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            indicators, periods = value_demo.load(countries)
        self.stdout.write(f"Indicators: {len(indicators)}, periods: {len(periods)}, values: {Value.objects.count()}")
        mappings = mapping_demo.load_mappings()
        self.stdout.write(f"Saved table mappings: {len(mappings)}")
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            requests, proposals = exchange_demo.load_exchange()
        self.stdout.write(f"Requests between the states: {len(requests)}; indicator proposals: {len(proposals)}")
        documents = pages_demo.load_pages()
        languages = ", ".join(code for code, _name in settings.LANGUAGES)
        self.stdout.write(f"Pages in {languages}; library documents: {documents}")
