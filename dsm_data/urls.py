from django.urls import path

from . import views

app_name = "dsm_data"

urlpatterns = [
    path("", views.browse, name="browse"),
    path("indicators/", views.indicator_list, name="indicators"),
    path("indicators/<str:code>/", views.indicator_detail, name="indicator"),
    path("compare/", views.compare, name="compare"),
    path("countries/<str:code>/", views.country_series, name="country"),
    path("completeness/", views.completeness, name="completeness"),
    path("submissions/", views.submission_list, name="submissions"),
    path("submissions/start/<str:period_code>/", views.submission_start, name="submission_start"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("submissions/<int:pk>/template.xlsx", views.submission_template, name="submission_template"),
    path("submissions/<int:pk>/<slug:action>/", views.submission_action, name="submission_action"),
    path("submissions/<int:pk>/indicators/<str:indicator_code>/", views.entry, name="entry"),
    path("values/<int:pk>/", views.value_history, name="value"),
]
