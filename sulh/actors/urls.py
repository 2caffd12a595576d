from django.urls import path

from sulh.actors import views

app_name = "actors"
urlpatterns = [
    path("", views.actor_list, name="list"),
    path("<int:pk>/", views.actor_detail, name="detail"),
]
