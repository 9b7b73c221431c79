"""Files that only some people may read: stored outside the public media and served after a check.

The caller checks permission (dsm_data.permissions); this module only stores and
sends. In production the proxy sends the bytes (X-Accel-Redirect), so a Python
worker is not held for a large download.
"""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, HttpResponse
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT``, with no URL: ``url()`` raises, so no template can leak one."""

    def url(self, name):
        raise ValueError("Private files have no URL; serve them with private_file_response after a check.")

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def private_storage():
    """The storage for files no public URL may reach (``STORAGES["private"]``)."""
    return storages["private"]


def private_file_response(field_file, filename, as_attachment=True):
    """Send a file of the private storage, already permission-checked by the caller."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    prefix = settings.DSM_PRIVATE_ACCEL_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name)
        disposition = "attachment" if as_attachment else "inline"
        response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(filename)}"
    else:
        response = FileResponse(
            field_file.open("rb"), as_attachment=as_attachment, filename=filename, content_type=content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
