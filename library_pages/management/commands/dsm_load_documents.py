import sys

from django.core.management.base import BaseCommand

from library_pages.loading import LoadError, load_folder


class Command(BaseCommand):
    help = (
        "Load library documents from FOLDER/metadata.csv (columns: file, title, country, type, date, language, "
        "visibility, section, topics, summary, and optionally title_<code>, summary_<code> for another of the site's "
        "languages). A document goes to its own language's tree (else the default one), with a page in each "
        "language given a title or summary. All or nothing: any bad line is reported and nothing is created."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        try:
            pages = load_folder(folder)
        except LoadError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            self.stderr.write(f"Nothing loaded: {len(error.problems)} problem(s).")
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(pages)} documents."))
