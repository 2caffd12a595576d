from django.urls import path

from sulh.intake import views_review

urlpatterns = [
    path("", views_review.review_queue, name="queue"),
    path("new/", views_review.intake_new, name="new"),
    path("proposals/<int:pk>/", views_review.review_proposal, name="review"),
]
