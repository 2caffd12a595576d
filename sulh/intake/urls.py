from sulh.intake import urls_review, views_messages

app_name = "intake"
# Text extraction and its review queue, then the messaging importers and the threat series.
urlpatterns = [
    *urls_review.urlpatterns,
    *views_messages.urlpatterns,
]
