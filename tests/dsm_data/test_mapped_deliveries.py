"""A table kept for its mapping: mapped, previewed, confirmed with the spec it was read with; or discarded."""

import pytest
from django.core.exceptions import PermissionDenied

from dsm_data.intake.mapping import MappingSpec
from dsm_data.intake.problems import Rejected
from dsm_data.models import Delivery, DeliveryStatus, Role, Value, ValueRevision
from dsm_data.services import deliveries

pytestmark = pytest.mark.django_db

EXPORT = b"Year;Country;Outcome;Persons\n2025;Kazakhstan;Recognised;12\n2025;Kazakhstan;Rejected;40\n"
SPEC = MappingSpec(
    columns={"Year": "period", "Country": "country", "Outcome": "RSD_OUTCOME", "Persons": "value"},
    fixed={"indicator": "REFUGEE_DECISIONS"},
    recode={"RSD_OUTCOME": {"Recognised": "RECOGNISED", "Rejected": "REJECTED"}},
)


@pytest.fixture
def focal(catalogue, kazakhstan, make_user, make_period):
    make_period(2025)
    return make_user(Role.FOCAL_POINT, kazakhstan)


def test_a_kept_table_is_mapped_then_confirmed_as_it_was_read(focal):
    delivery = deliveries.keep_for_mapping(EXPORT, original_name="export.csv", user=focal)
    assert (delivery.status, delivery.kind, Value.objects.count()) == (DeliveryStatus.MAPPING, "table", 0)
    with pytest.raises(Rejected, match="Map the columns of this table first"):
        deliveries.confirm(delivery, user=focal, fingerprint="")

    bad = MappingSpec(columns={**SPEC.columns, "Year": "RSD_OUTCOME", "Outcome": "period"}, fixed=dict(SPEC.fixed))
    with pytest.raises(Rejected):
        deliveries.apply_mapping(delivery, user=focal, spec=bad)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.mapping_spec) == (DeliveryStatus.MAPPING, {})

    delivery, changes = deliveries.apply_mapping(delivery, user=focal, spec=SPEC)
    assert (delivery.status, delivery.country.code, changes.added) == (DeliveryStatus.PENDING, "KAZ", 2)
    assert delivery.mapping_spec == SPEC.to_json()
    _reading, again = deliveries.pending_changes(Delivery.objects.get(pk=delivery.pk), user=focal)
    assert again.fingerprint == changes.fingerprint  # read again through the spec kept on the delivery
    delivery, _warnings = deliveries.confirm(delivery, user=focal, fingerprint=changes.fingerprint)
    assert delivery.status == DeliveryStatus.ACCEPTED
    numbers = dict(Value.objects.values_list("series__key", "number"))
    assert numbers == {"RSD_OUTCOME=RECOGNISED": 12, "RSD_OUTCOME=REJECTED": 40}
    assert set(ValueRevision.objects.values_list("delivery", flat=True)) == {delivery.pk}


def test_a_kept_table_is_the_senders_alone_and_may_be_discarded(focal, kazakhstan, make_user, settings):
    delivery = deliveries.keep_for_mapping(EXPORT, original_name="export.csv", user=focal)
    colleague = make_user(Role.FOCAL_POINT, kazakhstan, username="colleague")
    with pytest.raises(PermissionDenied):
        deliveries.apply_mapping(delivery, user=colleague, spec=SPEC)
    with pytest.raises(PermissionDenied):
        deliveries.discard(delivery, user=colleague)
    deliveries.discard(delivery, user=focal)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DISCARDED
    assert not any(path.is_file() for path in settings.PRIVATE_MEDIA_ROOT.rglob("*"))


def test_only_table_files_are_kept_for_mapping(focal, make_user):
    with pytest.raises(Rejected, match="not an Excel workbook"):
        deliveries.keep_for_mapping(b"%PDF-1.7\n1 0 obj", original_name="export.csv", user=focal)
    with pytest.raises(PermissionDenied):
        deliveries.keep_for_mapping(EXPORT, original_name="export.csv", user=make_user(Role.EDITOR))
    assert Delivery.objects.count() == 0


def test_a_sender_who_lost_the_right_to_send_figures_cannot_confirm_what_they_sent(focal):
    delivery, changes = deliveries.receive(EXPORT, original_name="export.csv", user=focal, spec=SPEC, reason="")
    focal.role = Role.DATA_USER  # moved to another post before confirming
    focal.save()
    with pytest.raises(Rejected, match="you may send figures only for your own country"):
        deliveries.confirm(delivery, user=focal, fingerprint=changes.fingerprint)
    focal.role, focal.country = Role.EDITOR, None  # left the country's users altogether
    focal.save()
    with pytest.raises(PermissionDenied):
        deliveries.confirm(delivery, user=focal, fingerprint=changes.fingerprint)
    delivery.refresh_from_db()
    assert (delivery.status, Value.objects.count()) == (DeliveryStatus.PENDING, 0)
