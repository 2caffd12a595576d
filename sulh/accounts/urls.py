from django.contrib.auth import views as auth_views
from django.urls import path

from sulh.accounts import views

urlpatterns = [
    path("login/", views.SulhLoginView.as_view(), name="login"),
    path("login/code/", views.login_code, name="login_code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("second-factor/", views.second_factor, name="second_factor"),
]
