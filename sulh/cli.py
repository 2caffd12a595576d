"""The ``sulh`` command: every sub-command is a Django management command of one of the apps.

``sulh demo``, ``sulh places find TEXT``, ``sulh token create USER`` ... run the command of that
name; ``sulh manage ARGS`` passes ARGS to Django's own command line.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sulh.settings")
    if args and args[0] == "manage":
        args = args[1:]
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sulh", *args])


if __name__ == "__main__":
    main()
