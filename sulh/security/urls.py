from django.urls import path

from sulh.security import views

app_name = "security"

# URL segment -> register kind (see sulh.security.access.REGISTERS).
SEGMENTS = {
    "programmes": "programme",
    "checkpoints": "checkpoint",
    "weapons": "transfer",
    "units": "unit",
    "aid": "aid",
}

urlpatterns = [
    path("", views.index, name="index"),
    path("checkpoints/", views.checkpoint_list, name="checkpoints"),
    path("weapons/", views.transfer_list, name="weapons"),
    path("units/", views.unit_list, name="units"),
    path("aid/", views.aid_list, name="aid_list"),
    path("checkpoints/<int:pk>/status/", views.checkpoint_status, name="checkpoint_status"),
    path("aid/<int:pk>/status/", views.aid_status, name="aid_status"),
    path("units/<int:pk>/report/", views.unit_report, name="unit_report"),
]
for segment, kind in SEGMENTS.items():
    urlpatterns += [
        path(f"{segment}/new/", views.create, {"kind": kind}, name=f"{kind}_create"),
        path(f"{segment}/<int:pk>/", views.detail, {"kind": kind}, name=kind),
        path(
            f"{segment}/<int:pk>/claims/new/",
            views.claim_add,
            {"kind": kind},
            name=f"{kind}_claim_add",
        ),
        path(
            f"{segment}/<int:pk>/events/link/",
            views.event_link,
            {"kind": kind},
            name=f"{kind}_event_link",
        ),
    ]
