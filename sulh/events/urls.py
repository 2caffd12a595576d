from django.urls import path

from sulh.events import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("timeline/", views.timeline, name="timeline"),
    path("new/", views.event_create, name="create"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/claims/new/", views.claim_add, name="claim_add"),
]
