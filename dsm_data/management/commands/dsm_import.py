import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand
from django.db import transaction

from dsm_data import permissions
from dsm_data.intake.problems import Rejected, group_problems
from dsm_data.models import EDITABLE_STATUSES, TableMapping
from dsm_data.services import bulk, deliveries

IMPORTED, REJECTED, UNUSABLE_CALL = 0, 1, 2


class PublicationRefused(Exception):
    """Some submissions the file filled could not be published: nothing is kept."""

    def __init__(self, refused):
        super().__init__(f"{len(refused)} submission(s) refused")
        self.refused = refused


class Command(BaseCommand):
    help = (
        "Import a filled-in Excel template, or a long table (CSV or .xlsx), as USERNAME: all of it or nothing. "
        "Exit 0 imported, 1 rejected, 2 unusable call."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", required=True, help="the account the figures are entered as")
        parser.add_argument("--dry-run", action="store_true", help="check everything, store nothing")
        parser.add_argument("--mapping", default="", help="read the table through the saved mapping of this name")
        parser.add_argument("--reason", default="", help="why published figures change (rows without a reason)")
        parser.add_argument(
            "--missing-reason", default="", help="why figures are missing, for submissions published with blanks"
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="submit, validate and publish every submission the file filled (system administrators)",
        )

    def handle(self, *args, file, user, dry_run, mapping, reason, missing_reason, publish, **options):
        account = get_user_model().objects.filter(username=user, is_active=True).first()
        path = Path(file)
        saved = TableMapping.objects.filter(name=mapping).first() if mapping else None
        if account is None or not path.is_file() or (mapping and saved is None):
            problem = f"No active user {user}." if account is None else f"No file {file}."
            self.stderr.write(f"No saved mapping {mapping}." if account and path.is_file() else problem)
            sys.exit(UNUSABLE_CALL)
        if publish and "submit_validate_publish" not in permissions.bulk_actions_for(account):
            self.stderr.write(f"{account.username} may not publish: only system administrators do.")
            sys.exit(UNUSABLE_CALL)
        delivery = None
        try:
            # The web's two steps in one: check and keep, then confirm what was just previewed.
            with transaction.atomic():
                delivery, changes = deliveries.receive(
                    path.read_bytes(), original_name=path.name, user=account, mapping=saved, reason=reason
                )
                delivery, warnings = deliveries.confirm(delivery, user=account, fingerprint=changes.fingerprint)
                submissions = list(delivery.submissions.select_related("country", "period"))
                places = "; ".join(map(str, submissions))
                published = self._publish(submissions, account, missing_reason) if publish else []
                if dry_run:
                    transaction.set_rollback(True)
        except (Rejected, PublicationRefused, PermissionDenied) as refusal:
            if delivery is not None:  # kept, then rolled back: files are not part of the transaction
                delivery.file.delete(save=False)
            self._report_refusal(refusal, account)
            sys.exit(REJECTED)
        if dry_run:
            delivery.file.delete(save=False)  # files are not part of the rolled-back transaction
        for group in group_problems([upload.place_of(warning) for upload, warning in warnings]):
            self.stdout.write(f"Warning: {group.summary}")
        verb = "Checked (dry run, nothing stored)" if dry_run else f"Imported as delivery {delivery.number}"
        self.stdout.write(
            f"{verb}: {places}, {changes.added} added, {changes.changed} changed, {changes.unchanged} unchanged, "
            f"{len(warnings)} warning(s)."
        )
        if publish:
            self.stdout.write(f"Published: {len(published)} submission(s).")
        if not dry_run:
            self.stdout.write(f"SHA-256 {delivery.sha256}")

    def _publish(self, submissions, account, missing_reason):
        """Submit, validate and publish each draft or returned submission; every one, or PublicationRefused.

        A file fills only those and published ones (``permissions.upload_refusal``), which it corrects.
        """
        editable = [submission for submission in submissions if submission.status in EDITABLE_STATUSES]
        result = bulk.take_bulk_action(
            editable, user=account, action="submit_validate_publish", missing_reason=missing_reason
        )
        if result.refused:
            raise PublicationRefused(result.refused)
        return result.done

    def _report_refusal(self, refusal, account):
        if isinstance(refusal, Rejected):
            self._write_groups(refusal.problems)
            self.stderr.write(
                f"Rejected: {len(refusal.problems)} problem(s) in {len(refusal.groups)} group(s); nothing was stored."
            )
        elif isinstance(refusal, PublicationRefused):
            for submission, problems in refusal.refused:
                self.stderr.write(f"{submission} not published:")
                self._write_groups(problems, indent="  ")
            self.stderr.write(f"Rejected: {len(refusal.refused)} submission(s) not published; nothing was stored.")
        else:
            self.stderr.write(f"{account.username} may not send figures; nothing was stored.")

    def _write_groups(self, problems, indent=""):
        for group in group_problems(problems):
            self.stderr.write(f"{indent}{group.summary}")
