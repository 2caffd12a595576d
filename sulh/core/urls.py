from django.urls import path

from sulh.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
]
