"""The web upload's mapping step, saved mappings, and refusals shown grouped with the allowed values."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dsm_data.intake.mapping import MappingSpec
from dsm_data.models import Delivery, DeliveryStatus, TableMapping, Value
from dsm_data.services import mappings as mapping_services

pytestmark = pytest.mark.django_db

# A publisher's export: country names, outcomes in columns, "*" for a suppressed figure, a column to ignore.
PUBLISHER = (
    "Country name,Year,Recognized,Complementary,Rejected,Closed,Source\r\n"
    "Kazakhstan,2025,12,3,40,5,UNHCR\r\n"
    "Armenia,2025,*,0,4,1,UNHCR\r\n"
)
OUTCOMES = {"Recognized": "RECOGNISED", "Complementary": "COMPLEMENTARY", "Rejected": "REJECTED", "Closed": "CLOSED"}


@pytest.fixture
def team(portal_team):
    return portal_team


def publisher_file(text=PUBLISHER, name="unhcr.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"))


def keep_for_mapping(client, user, text=PUBLISHER):
    client.force_login(user)
    response = client.post(reverse("dsm_data:upload"), {"file": publisher_file(text), "map_columns": "on"})
    delivery = Delivery.objects.order_by("-pk").first()
    assert response.url == reverse("dsm_data:delivery_mapping", args=[delivery.pk])
    assert delivery.status == DeliveryStatus.MAPPING
    return delivery


def full_mapping(page, **extra):
    """The POST of the mapping page with every column mapped, from the letters the page showed."""
    letters = {header: letter for letter, header in page.context["outline"].headers}
    data = {"sheet": page.context["outline"].sheet, "header_row": page.context["outline"].header_row}
    data[f"col-{letters['Country name']}"] = "country"
    data[f"col-{letters['Year']}"] = "period"
    for header, code in OUTCOMES.items():
        data[f"col-{letters[header]}"] = "wide:RSD_OUTCOME"
        data[f"code-{letters[header]}"] = code
    data["fixed-indicator"] = "REFUGEE_DECISIONS"
    data["marks_confidential"] = "* x"
    data["marks_not_available"] = ".."
    return data | extra


def test_a_full_mapping_leads_to_the_preview_and_can_be_saved(team, client):
    delivery = keep_for_mapping(client, team.sysadmin)
    page = client.get(reverse("dsm_data:delivery_mapping", args=[delivery.pk]))
    assert page.status_code == 200
    assert [header for _letter, header in page.context["outline"].headers][:3] == ["Country name", "Year", "Recognized"]
    assert "Kazakhstan" in page.content.decode()

    response = client.post(
        reverse("dsm_data:delivery_mapping", args=[delivery.pk]),
        full_mapping(page, save_name="UNHCR decisions", save_description="UNHCR, CSV"),
    )
    assert response.status_code == 302, response.context and response.context.get("groups")
    assert response.url == reverse("dsm_data:delivery", args=[delivery.pk])
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.mapping_spec["fixed"] == {"indicator": "REFUGEE_DECISIONS"}
    preview = client.get(response.url)
    after = {}
    for change in preview.context["changes"].changes:
        after.setdefault(change.country.code, []).append(change.after)
    assert {3, 5, 12, 40} <= {cell.number for cell in after["KAZ"]}
    assert [cell.absence for cell in after["ARM"] if cell.number is None] == ["confidential"]
    assert Value.objects.count() == 0  # nothing stored before the confirmation

    saved = TableMapping.objects.get(name="UNHCR decisions")
    assert (saved.created_by, saved.description) == (team.sysadmin, "UNHCR, CSV")
    assert saved.spec["wide"]["Recognized"] == {"RSD_OUTCOME": "RECOGNISED"}


def test_a_saved_mapping_is_offered_on_the_upload_page_and_reads_the_next_file(team, client):
    spec = MappingSpec(
        columns={"Country name": "country", "Year": "period"},
        wide={header: {"RSD_OUTCOME": code} for header, code in OUTCOMES.items()},
        fixed={"indicator": "REFUGEE_DECISIONS"},
    )
    saved = mapping_services.save_mapping(spec, name="UNHCR decisions", user=team.sysadmin)
    client.force_login(team.sysadmin)
    page = client.get(reverse("dsm_data:upload"), {"mapping": saved.pk})
    assert page.context["form"].initial["mapping"] == saved
    assert "UNHCR decisions" in page.content.decode()

    response = client.post(reverse("dsm_data:upload"), {"file": publisher_file(), "mapping": saved.pk})
    delivery = Delivery.objects.get()
    assert response.url == reverse("dsm_data:delivery", args=[delivery.pk])
    assert (delivery.status, delivery.mapping) == (DeliveryStatus.PENDING, saved)
    preview = client.get(response.url)
    assert {change.country.code for change in preview.context["changes"].changes} == {"KAZ", "ARM"}

    # The same file without the mapping is refused, its problems grouped.
    refused = client.post(reverse("dsm_data:upload"), {"file": publisher_file()})
    assert refused.status_code == 400
    assert refused.context["groups"]
    assert Delivery.objects.count() == 1


def test_a_repeated_unknown_period_is_one_group_with_its_count_and_the_known_periods(team, client):
    header = "indicator,country,period,RSD_OUTCOME,value,flag,footnote\r\n"
    rows = "".join(f"REFUGEE_DECISIONS,KAZ,2010,{outcome},1,,\r\n" for outcome in OUTCOMES.values())
    client.force_login(team.sysadmin)
    response = client.post(reverse("dsm_data:upload"), {"file": publisher_file(header + rows, "history.csv")})
    assert response.status_code == 400
    [group] = [group for group in response.context["groups"] if "2010" in group.heading]
    assert group.count == 4
    assert "2025" in group.hint
    html = response.content.decode()
    assert html.count("<details>") == len([item for item in response.context["groups"] if item.count > 1])
    assert f"<summary>{group.summary}</summary>" in html
    assert "2, 3, 4, 5" in html  # every row, inside the group
    assert Delivery.objects.count() == 0


def test_an_unknown_value_is_offered_a_recode_and_leaving_its_rows_out_passes(team, client):
    text = PUBLISHER + "Narnia,2025,1,1,1,1,UNHCR\r\n"
    delivery = keep_for_mapping(client, team.sysadmin, text)
    page = client.get(reverse("dsm_data:delivery_mapping", args=[delivery.pk]))
    refused = client.post(reverse("dsm_data:delivery_mapping", args=[delivery.pk]), full_mapping(page))
    assert refused.status_code == 400
    form = refused.context["form"]
    assert ("country", "Narnia") in form.unknowns
    index = form.unknowns.index(("country", "Narnia"))
    assert "KAZ" in dict(form.fields[f"recode-{index}"].choices)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.MAPPING

    # The page sends back what it showed: the unknown values in hidden fields, each with its recode.
    html = refused.content.decode()
    data = full_mapping(page)
    for other in range(len(form.unknowns)):
        for name in (f"recode-field-{other}", f"recode-value-{other}"):
            data[name] = form[name].value()
            assert f'name="{name}" value="{data[name]}"' in html
    data[f"recode-{index}"] = "-"  # leave these rows out
    passed = client.post(reverse("dsm_data:delivery_mapping", args=[delivery.pk]), data)
    assert passed.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.mapping_spec["recode"]["country"]["Narnia"] == ""


@pytest.mark.parametrize(
    ("who", "status"),
    [("kaz_admin", 404), ("sysadmin", 404), ("arm_admin", 404), ("kaz_user", 404), ("editor", 404), (None, 302)],
)
def test_only_the_sender_maps_a_kept_file(team, client, who, status):
    delivery = keep_for_mapping(client, team.focal, PUBLISHER.replace("Armenia", "Kazakhstan"))
    client.logout()
    if who:
        client.force_login(getattr(team, who))
    url = reverse("dsm_data:delivery_mapping", args=[delivery.pk])
    assert client.get(url).status_code == status
    assert client.post(url, {"header_row": 1, "col-A": "country"}).status_code == status
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.MAPPING
    client.force_login(team.focal)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("who", "status"),
    [("focal", 200), ("kaz_admin", 200), ("kaz_user", 200), ("arm_admin", 200), ("sysadmin", 200), ("editor", 403)],
)
def test_the_saved_mappings_are_listed_for_whoever_uploads(team, client, who, status):
    mapping_services.save_mapping(MappingSpec(fixed={"indicator": "REFUGEE_DECISIONS"}), name="UNHCR", user=team.focal)
    client.force_login(getattr(team, who))
    page = client.get(reverse("dsm_data:mappings"))
    assert page.status_code == status
    if status == 200:
        [(mapping, can_change)] = page.context["mappings"]
        assert mapping.name == "UNHCR"
        assert can_change == (who in ("focal", "sysadmin"))
        assert ("Delete “UNHCR”" in page.content.decode()) == can_change


def test_the_saved_mappings_page_is_for_signed_in_users(team, client):
    response = client.get(reverse("dsm_data:mappings"))
    assert response.status_code == 302
    assert "login" in response.url or "/accounts/" in response.url


@pytest.mark.parametrize(
    ("who", "deleted"),
    [
        ("focal", True),
        ("sysadmin", True),
        ("kaz_admin", False),
        ("arm_admin", False),
        ("kaz_user", False),
        ("editor", False),
        (None, False),
    ],
)
def test_a_mapping_is_deleted_by_its_creator_or_the_secretariat_only(team, client, who, deleted):
    mapping = mapping_services.save_mapping(
        MappingSpec(fixed={"indicator": "REFUGEE_DECISIONS"}), name="UNHCR", user=team.focal
    )
    if who:
        client.force_login(getattr(team, who))
    response = client.post(reverse("dsm_data:mapping_delete", args=[mapping.pk]))
    assert TableMapping.objects.filter(pk=mapping.pk).exists() != deleted
    assert response.status_code == (302 if deleted or who is None else 403)


def test_the_mapping_step_starts_from_the_saved_mapping_chosen_on_the_upload_page(team, client):
    spec = MappingSpec(
        columns={"Country name": "country", "Year": "period"},
        wide={header: {"RSD_OUTCOME": code} for header, code in OUTCOMES.items()},
        fixed={"indicator": "REFUGEE_DECISIONS"},
    )
    saved = mapping_services.save_mapping(spec, name="UNHCR decisions", user=team.sysadmin)
    client.force_login(team.sysadmin)
    client.post(
        reverse("dsm_data:upload"),
        {"file": publisher_file(), "map_columns": "on", "mapping": saved.pk, "reason": "Revised by UNHCR."},
    )
    delivery = Delivery.objects.get()
    page = client.get(reverse("dsm_data:delivery_mapping", args=[delivery.pk]))
    form = page.context["form"]
    assert page.context["saved"] == saved
    shown = {name: form[name].value() for name in form.fields if form[name].value() not in (None, "")}
    assert shown["reason"] == "Revised by UNHCR."
    # Sent back as shown, it is the saved mapping applied as it is.
    response = client.post(reverse("dsm_data:delivery_mapping", args=[delivery.pk]), shown)
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert (delivery.status, delivery.mapping, delivery.reason) == (
        DeliveryStatus.PENDING,
        saved,
        "Revised by UNHCR.",
    )


def test_a_saved_mapping_meeting_a_file_without_its_sheet_is_shown_mapped_afresh(team, client):
    """Next year's file renamed its sheet: the page says so and shows the file, not a dead end."""
    spec = MappingSpec(
        sheet="Table 1",
        columns={"Country name": "country", "Year": "period"},
        wide={header: {"RSD_OUTCOME": code} for header, code in OUTCOMES.items()},
        fixed={"indicator": "REFUGEE_DECISIONS"},
    )
    saved = mapping_services.save_mapping(spec, name="Last year's layout", user=team.sysadmin)
    workbook = openpyxl.Workbook()
    workbook.active.title = "Data"
    for line in PUBLISHER.strip().splitlines():
        workbook.active.append(line.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(team.sysadmin)
    upload = SimpleUploadedFile("unhcr.xlsx", buffer.getvalue())
    client.post(reverse("dsm_data:upload"), {"file": upload, "map_columns": "on"})
    delivery = Delivery.objects.get(status=DeliveryStatus.MAPPING)
    page = client.get(reverse("dsm_data:delivery_mapping", args=[delivery.pk]) + f"?mapping={saved.pk}")
    assert page.status_code == 400
    assert "Table 1" in " ".join(group.summary for group in page.context["groups"])
    assert page.context["outline"].headers[0] == ("A", "Country name")
    assert "col-A" in page.context["form"].fields


def test_every_other_unknown_value_of_a_saved_mapping_is_kept_when_sent_back(team, client):
    spec = MappingSpec(
        columns={"Country name": "country", "Year": "period"},
        wide={header: {"RSD_OUTCOME": code} for header, code in OUTCOMES.items()},
        fixed={"indicator": "REFUGEE_DECISIONS"},
        recode={"country": {"*": ""}},  # every country the portal does not hold: left out
    )
    saved = mapping_services.save_mapping(spec, name="Only ours", user=team.sysadmin)
    text = PUBLISHER + "Narnia,2025,1,1,1,1,UNHCR\r\n"
    delivery = keep_for_mapping(client, team.sysadmin, text)
    page = client.get(reverse("dsm_data:delivery_mapping", args=[delivery.pk]) + f"?mapping={saved.pk}")
    form = page.context["form"]
    assert "other-country" in form.fields
    shown = {name: form[name].value() for name in form.fields if form[name].value() not in (None, "")}
    response = client.post(reverse("dsm_data:delivery_mapping", args=[delivery.pk]), shown)
    assert response.status_code == 302, [group.summary for group in response.context["groups"]]
    delivery.refresh_from_db()
    assert delivery.mapping_spec["recode"] == {"country": {"*": ""}}
