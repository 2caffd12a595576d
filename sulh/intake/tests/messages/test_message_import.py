"""Importing an export: one report per message, nothing twice, and no sender in plain text."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.timezone import localtime

from sulh.intake.models import ImportedMessage, MessageImport
from sulh.intake.tests.messages.exports import ANDROID_24, IOS_12, import_chat
from sulh.lib.crypto import keyed_hash, normalise_phone
from sulh.sources.models import Report

pytestmark = pytest.mark.django_db
PLAINTEXT = ["944 555 00", "944555", "9449555", "Abu Samir", "abu samir", "Council group"]


def test_each_message_becomes_a_report(persona, source, qadmus):
    batch = import_chat(persona("documenter"), ANDROID_24, source=source, place=qadmus)
    assert (batch.messages_total, batch.messages_new, batch.messages_duplicate) == (5, 5, 0)
    assert batch.system_lines == 2 and batch.threats_new == 3
    reports = Report.objects.filter(imported_message__message_import=batch).order_by("received_at")
    assert [r.kind for r in reports] == ["message"] * 5
    assert reports[2].text == "سنذبحكم واحد واحد\nبيوتكم معروفة"
    assert reports[2].language == "ar" and reports[4].language == "en"
    assert localtime(reports[2].received_at).isoformat() == "2025-03-07T22:43:00+03:00"


def test_importing_again_adds_nothing(persona, source, qadmus):
    import_chat(persona("documenter"), ANDROID_24, source=source, place=qadmus)
    count = Report.objects.count()
    again = import_chat(persona("documenter"), ANDROID_24, source=source, place=qadmus)
    assert (again.messages_new, again.messages_duplicate, again.threats_new) == (0, 5, 0)
    assert Report.objects.count() == count


def test_an_overlapping_export_from_another_phone_adds_only_the_new_messages(persona, source):
    import_chat(persona("documenter"), ANDROID_24, source=source)
    # The iPhone export shares the 22:41 threat (with seconds) and adds three messages.
    batch = import_chat(persona("documenter"), IOS_12, source=source)
    assert (batch.messages_new, batch.messages_duplicate) == (2, 1)


def test_two_identical_messages_in_one_minute_are_both_kept(persona, source):
    text = (
        "07/03/2025, 22:41 - +963 944 555 001: خونة\n07/03/2025, 22:41 - +963 944 555 001: خونة\n"
    )
    batch = import_chat(persona("documenter"), text, source=source, date_order="dmy")
    assert batch.messages_new == 2


def test_the_same_number_gets_the_same_pseudonym_across_imports(persona, source):
    import_chat(persona("documenter"), ANDROID_24, source=source)
    # The same number written another way, in another group's export.
    later = "12/03/2025, 10:00 - 00963944555001: ما زلنا هنا\n"
    import_chat(persona("documenter"), later, source=source, date_order="dmy")
    expected = keyed_hash(normalise_phone("+963 944 555 001"))
    senders = ImportedMessage.objects.filter(sender_pseudonym=expected)
    assert senders.count() == 2
    assert {m.report.title.split()[-1] for m in senders} == {f"⟨{expected[:8]}⟩"}


def test_no_sender_name_or_number_is_stored_anywhere(persona, source):
    text = ANDROID_24 + (
        "08/03/2025, 09:00 - Abu Samir: call me on +963 944 555 007 or ask @Abu Samir\n"
    )
    import_chat(persona("documenter"), text, source=source)
    import_chat(persona("documenter"), IOS_12, source=source)
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from Django
            for row in cursor.fetchall():
                blob = " ".join(str(v) for v in row)
                for needle in PLAINTEXT:
                    assert needle not in blob, f"{needle!r} stored in {table}"
    scrubbed = Report.objects.get(text__startswith="call me on")
    assert "⟨" in scrubbed.text and "+963" not in scrubbed.text


def test_a_bad_file_stores_nothing_and_names_the_line(persona, source):
    reports = Report.objects.count()
    broken = ANDROID_24.replace("08/03/2025, 01:05", "38/03/2025, 01:05")
    with pytest.raises(ValidationError) as caught:
        import_chat(persona("documenter"), broken, source=source)
    assert caught.value.message_dict["file"] == [
        "line 7: 38/03/2025 01:05 is not a valid date and time"
    ]
    assert Report.objects.count() == reports
    assert not MessageImport.objects.filter(source=source).exists()


def test_a_file_that_is_not_utf8_is_refused(persona, source):
    with pytest.raises(ValidationError, match="line 2: the file is not UTF-8"):
        import_chat(persona("documenter"), "", source=source, data=b"ok\n\xff\xfe")
