"""Private files: no URL of their own, and sent either by Django or, in production, by the proxy."""

import pytest
from django.core.files.base import ContentFile

from dsm_data.files import private_file_response, private_storage


@pytest.fixture
def stored(settings):
    storage = private_storage()
    name = storage.save("deliveries/2026/11/report.pdf", ContentFile(b"%PDF-1.4 figures"))
    return storage.open(name)


def test_private_files_live_outside_the_media_root_and_have_no_url(stored, settings):
    assert str(settings.PRIVATE_MEDIA_ROOT) in private_storage().path(stored.name)
    assert not private_storage().path(stored.name).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError, match="no URL"):
        private_storage().url(stored.name)


def test_django_sends_the_file_when_no_proxy_is_configured(stored, settings):
    settings.DSM_PRIVATE_ACCEL_PREFIX = ""
    response = private_file_response(stored, "Отчёт 2025.pdf")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 figures"
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]


def test_the_proxy_sends_the_file_after_the_check_when_configured(stored, settings):
    settings.DSM_PRIVATE_ACCEL_PREFIX = "/protected/"
    response = private_file_response(stored, "Отчёт 2025.pdf")
    assert response["X-Accel-Redirect"] == f"/protected/{stored.name}"
    assert response.content == b""
    assert response["Content-Disposition"] == ("attachment; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%202025.pdf")
