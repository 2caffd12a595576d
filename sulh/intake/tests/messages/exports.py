"""Example exports for the messaging tests, written for them (invented senders and numbers)."""

from sulh.intake.actions_messages import do_import_messages

# Android, 24-hour clock, day first; a system line, media, a multi-line message, an Arabic threat.
ANDROID_24 = """\
05/03/2025, 09:12 - Messages and calls are end-to-end encrypted. No one outside of this chat, \
not even WhatsApp, can read or listen to them. Tap to learn more.
05/03/2025, 09:14 - Abu Samir: صباح الخير، اجتماع المجلس الساعة العاشرة
05/03/2025, 09:20 - +963 944 555 001: <Media omitted>
07/03/2025, 22:41 - +963 944 555 001: رح نحرق القدموس فوق راسكم يا خونة
07/03/2025, 22:43 - +963 944 555 002: سنذبحكم واحد واحد
بيوتكم معروفة
08/03/2025, 01:05 - Abu Samir: الطريق إلى مصياف مفتوح حتى الآن
08/03/2025, 07:30 - +963 944 555 003: We will burn your houses, traitors
"""

# iOS, 12-hour clock, month first, seconds, LRM marks on system and media lines.
IOS_12 = """\
\u200e[3/7/25, 10:41:09 PM] Council group: \u200eMessages and calls are end-to-end encrypted.
[3/7/25, 10:41:30 PM] +963 944 555 001: رح نحرق القدموس فوق راسكم يا خونة
\u200e[3/7/25, 10:42:02 PM] Abu Samir: \u200eimage omitted
[3/8/25, 8:15:00 AM] Abu Samir: The road to Masyaf is open.
It was quiet overnight.
[3/8/25, 9:02:44 AM] +963 944 555 004: الموت لكل عميل
"""


def import_chat(user, text: str, *, source, place=None, fmt: str = "whatsapp", **options):
    data = options.pop("data", None) or text.encode()
    return do_import_messages(user, fmt=fmt, data=data, source=source, place=place, **options)
