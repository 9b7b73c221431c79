from django.conf import settings
from django.core.management.base import BaseCommand

from dsm_data import demo as data_demo
from library_pages import demo as pages_demo


class Command(BaseCommand):
    help = "Load the demo content: countries, accounts and pages. Safe to run again."

    def handle(self, *args, **options):
        countries = data_demo.load_countries()
        self.stdout.write(f"Countries: {len(countries)}")
        accounts = data_demo.load_accounts(countries, settings.DSM_DEMO_PASSWORD)
        self.stdout.write(f"Accounts: {len(accounts)} (password from DSM_DEMO_PASSWORD)")
        pages_demo.load_home_pages()
        self.stdout.write("Home pages: " + ", ".join(code for code, _name in settings.LANGUAGES))
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
