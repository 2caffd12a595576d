from django.urls import path

from sulh.exchange import views

app_name = "exchange"
urlpatterns = [path("", views.index, name="index")]
