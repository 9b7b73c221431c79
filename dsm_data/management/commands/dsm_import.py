import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand
from django.db import transaction

from dsm_data.intake.problems import Rejected
from dsm_data.services import deliveries

IMPORTED, REJECTED, UNUSABLE_CALL = 0, 1, 2


class Command(BaseCommand):
    help = (
        "Import a filled-in Excel template, or a long table (CSV or .xlsx), as USERNAME: all of it or nothing. "
        "Exit 0 imported, 1 rejected, 2 unusable call."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", required=True, help="the account the figures are entered as")
        parser.add_argument("--dry-run", action="store_true", help="check everything, store nothing")

    def handle(self, *args, file, user, dry_run, **options):
        account = get_user_model().objects.filter(username=user, is_active=True).first()
        path = Path(file)
        if account is None or not path.is_file():
            self.stderr.write(f"No active user {user}." if account is None else f"No file {file}.")
            sys.exit(UNUSABLE_CALL)
        try:
            # The web's two steps in one: check and keep, then confirm what was just previewed.
            with transaction.atomic():
                delivery, changes = deliveries.receive(path.read_bytes(), original_name=path.name, user=account)
                delivery, warnings = deliveries.confirm(delivery, user=account, fingerprint=changes.fingerprint)
                places = "; ".join(map(str, delivery.submissions.select_related("country", "period")))
                if dry_run:
                    transaction.set_rollback(True)
        except Rejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            self.stderr.write(f"Rejected: {len(rejected.problems)} problem(s); nothing was stored.")
            sys.exit(REJECTED)
        except PermissionDenied:
            self.stderr.write(f"{account.username} may not send figures; nothing was stored.")
            sys.exit(REJECTED)
        if dry_run:
            delivery.file.delete(save=False)  # files are not part of the rolled-back transaction
        for upload, warning in warnings:
            placed = upload.place_of(warning)
            self.stdout.write(f"Warning, sheet {placed.sheet}, cell {placed.cell}: {warning.message}")
        verb = "Checked (dry run, nothing stored)" if dry_run else f"Imported as delivery {delivery.number}"
        self.stdout.write(
            f"{verb}: {places}, {changes.added} added, {changes.changed} changed, {changes.unchanged} unchanged."
        )
        if not dry_run:
            self.stdout.write(f"SHA-256 {delivery.sha256}")
