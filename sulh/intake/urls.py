from sulh.intake import views_messages

app_name = "intake"
urlpatterns = [
    *views_messages.urlpatterns,
]
