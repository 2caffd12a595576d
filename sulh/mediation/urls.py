from django.urls import path

from sulh.mediation import views

app_name = "mediation"
urlpatterns = [
    path("", views.desk, name="desk"),
    path("cases/", views.case_list, name="cases"),
    path("cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/brief/", views.case_brief, name="brief"),
    path("cases/<int:pk>/brief.md", views.case_brief_markdown, name="brief_md"),
    path("cases/<int:pk>/brief.pdf", views.case_brief_pdf, name="brief_pdf"),
    path("cases/<int:pk>/status/", views.case_status, name="case_status"),
    path("cases/<int:pk>/parties/new/", views.party_add, name="party_add"),
    path("cases/<int:pk>/mediators/new/", views.mediator_add, name="mediator_add"),
    path("cases/<int:pk>/contacts/new/", views.contact_add, name="contact_add"),
    path("cases/<int:pk>/events/link/", views.event_link, name="event_link"),
    path("cases/<int:pk>/meetings/new/", views.meeting_add, name="meeting_add"),
    path("cases/<int:pk>/positions/new/", views.position_add, name="position_add"),
    path("cases/<int:pk>/agreements/new/", views.agreement_add, name="agreement_add"),
    path("cases/<int:pk>/commitments/new/", views.commitment_add, name="commitment_add"),
    path(
        "cases/<int:pk>/<str:record>/<int:record_id>/accounts/new/",
        views.account_add,
        name="account_add",
    ),
    path(
        "cases/<int:pk>/commitments/<int:commitment_id>/status/",
        views.commitment_status,
        name="commitment_status",
    ),
]
