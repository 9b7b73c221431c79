from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"

urlpatterns = [
    path("countries/", views.CountryList.as_view(), name="countries"),
    path("indicators/", views.IndicatorList.as_view(), name="indicators"),
    path("indicators/<str:code>/", views.IndicatorDetail.as_view(), name="indicator"),
    path("periods/", views.PeriodList.as_view(), name="periods"),
    path("values/", views.ValueList.as_view(), name="values"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
