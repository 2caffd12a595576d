from sulh.intake import urls_review

app_name = "intake"
# Text extraction and its review queue; the messaging importers add their own patterns below.
urlpatterns = [
    *urls_review.urlpatterns,
]
