from django.core.management import call_command
from django.core.management.base import BaseCommand

from sulh.core.demo import DEMO_USERS, build_demo, demo_password


class Command(BaseCommand):
    help = "Set up the Qadmus demo on the current database and serve it"

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="set up and exit")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        counts = build_demo()
        added = (
            ", ".join(f"{n} {name}" for name, n in counts.items() if n)
            or "nothing new (already loaded)"
        )
        self.stdout.write(f"Demo data: {added}.")
        self.stdout.write(
            f"Users: {', '.join(u for u, _r, _c in DEMO_USERS)}; password: {demo_password()}"
        )
        if options["no_serve"]:
            return
        self.stdout.write(
            f"Open http://{options['host']}:{options['port']}/ and log in as analyst."
        )
        call_command("serve", host=options["host"], port=options["port"])
