"""What the read API says of each resource. Texts in every language come as {"en": ..., "ru": ...}."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dsm_data.grid import indicator_dimensions
from dsm_data.models import Category, Country, Dimension, Indicator, NationalMetadata, Period, SeriesBreak
from library_pages.models import DocumentPage


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name", "is_participating"]


class CategorySerializer(serializers.ModelSerializer):
    is_total = serializers.BooleanField(read_only=True)

    class Meta:
        model = Category
        fields = ["code", "name", "is_total"]


class DimensionSerializer(serializers.ModelSerializer):
    categories = CategorySerializer(source="ordered_categories", many=True, read_only=True)

    class Meta:
        model = Dimension
        fields = ["code", "name", "categories"]


class IndicatorSerializer(serializers.ModelSerializer):
    dimensions = serializers.SerializerMethodField()

    class Meta:
        model = Indicator
        fields = ["code", "name", "unit", "definition", "frequencies", "dimensions"]

    def get_dimensions(self, indicator) -> list:
        return DimensionSerializer(indicator_dimensions(indicator), many=True).data


class PeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = Period
        fields = ["code", "frequency", "start", "end", "deadline"]


@extend_schema_field(OpenApiTypes.NUMBER)
class FigureField(serializers.Field):
    """A figure as a JSON number: a whole number stays whole (1234, not 1234.0 or "1234.000")."""

    def to_representation(self, value):
        return figure_json(value)


class ValueSerializer(serializers.Serializer):
    """One published figure, as the data browser's CSV export has it (codes, not names)."""

    indicator = serializers.CharField(source="indicator__code")
    country = serializers.CharField(source="country__code")
    period = serializers.CharField(source="period__code")
    breakdown = serializers.CharField(source="series__key", help_text="SEX=F.CITIZENSHIP=AFG; _T is a total")
    value = FigureField(source="number", allow_null=True)
    missing_because = serializers.CharField(
        source="absence", help_text=": not available, c confidential, z not applicable"
    )
    provisional = serializers.BooleanField(source="is_provisional")
    estimated = serializers.BooleanField(source="is_estimated")
    footnote = serializers.CharField()


def figure_json(number):
    """A stored Decimal as a JSON number: 1234 stays whole, 12.5 a fraction; None (no figure) stays None."""
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


# ValueSerializer's fields and their sources, for value_json.
VALUE_SOURCES = {
    "indicator": "indicator__code", "country": "country__code", "period": "period__code",
    "breakdown": "series__key", "missing_because": "absence",
    "provisional": "is_provisional", "estimated": "is_estimated", "footnote": "footnote",
}  # fmt: skip


def value_json(row):
    """ValueSerializer's answer for one row of ``.values()``, written out directly.

    DRF's field machinery costs about 40 µs a figure, more than the query itself on a page
    of 1,000 (bench/api_values.py); the schema is still ValueSerializer's, and a test holds
    the two equal.
    """
    answer = {name: row[source] for name, source in VALUE_SOURCES.items()}
    answer["value"] = figure_json(row["number"])
    return answer


class SeriesBreakSerializer(serializers.ModelSerializer):
    period = serializers.CharField(source="period.code", help_text="the first period counted the new way")

    class Meta:
        model = SeriesBreak
        fields = ["period", "note"]


class NationalMetadataSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    country = serializers.CharField(source="country.code")
    breaks = SeriesBreakSerializer(many=True, read_only=True)

    class Meta:
        model = NationalMetadata
        fields = ["indicator", "country", *NationalMetadata.TEXT_FIELDS, "breaks", "updated_at"]


class DocumentSerializer(serializers.ModelSerializer):
    """A library document's metadata; its file through the portal's permission-checked link."""

    country = serializers.CharField(source="country.code", allow_null=True, default=None)
    page_url = serializers.SerializerMethodField()
    file_url = serializers.SerializerMethodField()

    class Meta:
        model = DocumentPage
        fields = [
            "id", "title", "document_type", "country", "issuing_body", "date", "language",
            "topics", "summary", "visibility", "page_url", "file_url", "external_url", "last_published_at",
        ]  # fmt: skip

    def _absolute(self, url):
        request = self.context.get("request")
        return request.build_absolute_uri(url) if url and request else url or None

    def get_page_url(self, page) -> str | None:
        return self._absolute(page.url)

    def get_file_url(self, page) -> str | None:
        return self._absolute(page.file_url)
