from django.urls import path

from sulh.places import views

app_name = "places"
urlpatterns = [
    path("", views.place_search, name="search"),
    path("new/", views.place_add, name="add"),
    path("<int:pk>/", views.place_detail, name="detail"),
]
