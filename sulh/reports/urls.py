from django.urls import path

from sulh.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("map/", views.event_map, name="map"),
    path("sitrep/", views.sitrep, name="sitrep"),
]
