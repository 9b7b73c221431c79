from django.urls import path

from .views import browsing, bulk, charts, deliveries, figures, mappings, metadata, paper, submissions

app_name = "dsm_data"

urlpatterns = [
    path("", browsing.browse, name="browse"),
    path("indicators/", figures.indicator_list, name="indicators"),
    path("indicators/<str:code>/", figures.indicator_detail, name="indicator"),
    path("indicators/<str:code>/metadata/<str:country_code>/edit/", metadata.metadata_edit, name="metadata_edit"),
    path(
        "indicators/<str:code>/metadata/<str:country_code>/versions/",
        metadata.metadata_versions,
        name="metadata_versions",
    ),
    path("compare/", figures.compare, name="compare"),
    path("countries/<str:code>/", figures.country_series, name="country"),
    path("charts/<slug:name>/", charts.chart_download, name="chart"),
    path("completeness/", browsing.completeness, name="completeness"),
    path("values/<int:pk>/", browsing.value_history, name="value"),
    path("submissions/", submissions.submission_list, name="submissions"),
    path("submissions/bulk/", bulk.submission_bulk, name="submission_bulk"),
    path("submissions/start/<str:period_code>/", submissions.submission_start, name="submission_start"),
    path("submissions/<int:pk>/", submissions.submission_detail, name="submission"),
    path("submissions/<int:pk>/template.xlsx", submissions.submission_template, name="submission_template"),
    path("submissions/<int:pk>/paper/", paper.paper_form, name="paper_form"),
    path("submissions/<int:pk>/paper.pdf", paper.paper_form_pdf, name="paper_form_pdf"),
    path("submissions/<int:pk>/paper/scan/", paper.paper_scan, name="paper_scan"),
    path("submissions/<int:pk>/add-indicator/", submissions.submission_add_indicator, name="submission_add_indicator"),
    path("submissions/<int:pk>/<slug:action>/", submissions.submission_action, name="submission_action"),
    path("submissions/<int:pk>/indicators/<str:indicator_code>/", submissions.entry, name="entry"),
    path("uploads/", deliveries.upload, name="upload"),
    path("uploads/mappings/", mappings.mapping_list, name="mappings"),
    path("uploads/mappings/<int:pk>/delete/", mappings.mapping_delete, name="mapping_delete"),
    path("uploads/<int:pk>/", deliveries.delivery_detail, name="delivery"),
    path("uploads/<int:pk>/mapping/", mappings.delivery_mapping, name="delivery_mapping"),
    path("uploads/<int:pk>/changes.csv", deliveries.delivery_changes_csv, name="delivery_changes_csv"),
    path("uploads/<int:pk>/confirm/", deliveries.delivery_confirm, name="delivery_confirm"),
    path("uploads/<int:pk>/discard/", deliveries.delivery_discard, name="delivery_discard"),
    path("uploads/<int:pk>/file/", deliveries.delivery_file, name="delivery_file"),
]
