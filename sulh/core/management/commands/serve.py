from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve sulh with waitress (a production WSGI server), static files included"

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, **options):
        # Static files first: WhiteNoise indexes STATIC_ROOT when the application is built.
        call_command("collectstatic", interactive=False, verbosity=0)
        from waitress import serve

        from sulh.wsgi import application

        self.stdout.write(
            f"Serving on http://{options['host']}:{options['port']}/ (Ctrl-C to stop)"
        )
        serve(
            application,
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            ident="sulh",
        )
