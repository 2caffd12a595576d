"""One settings module, driven by environment variables (see docs/operator.md)."""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


DATA_DIR = Path(env_str("SULH_DATA_DIR", ".sulh")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """Take SULH_SECRET_KEY, or generate one on first run and keep it in the data dir."""
    if key := env_str("SULH_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("SULH_DEBUG")
ALLOWED_HOSTS = [h for h in env_str("SULH_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
if env_str("SULH_ALLOWED_HOSTS") == "" and DEBUG:
    ALLOWED_HOSTS = ["*"]
CSRF_TRUSTED_ORIGINS = [o for o in env_str("SULH_CSRF_TRUSTED_ORIGINS").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "sulh.core",
    "sulh.accounts",
    "sulh.audit",
    "sulh.places",
    "sulh.actors",
    "sulh.sources",
    "sulh.claims",
    "sulh.events",
    "sulh.mediation",
    "sulh.security",
    "sulh.intake",
    "sulh.exchange",
    "sulh.warning",
    "sulh.reports",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sulh.access.middleware.SecurityHeadersMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one name from one address lock that pair out for an hour.
AXES_FAILURE_LIMIT = env_int("SULH_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = env_int("SULH_LOCKOUT_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = False

ROOT_URLCONF = "sulh.urls"
WSGI_APPLICATION = "sulh.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sulh.core.context.navigation",
            ],
        },
    },
]

if database_url := env_str("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(database_url, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "sulh.sqlite3",
            # WAL lets readers work while one writer commits; the busy timeout makes
            # concurrent writers wait instead of failing at once.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("SULH_TIME_ZONE", "Asia/Damascus")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Key for identity fields; never stored in the database (see sulh/lib/crypto.py).
SULH_KEY = env_str("SULH_KEY")
SULH_KEY_FILE = Path(env_str("SULH_KEY_FILE", str(DATA_DIR / "identity.key")))

# Served over HTTPS (SULH_HTTPS=1): cookies only travel encrypted, plain HTTP is redirected and
# browsers are told to remember it (HSTS). Behind a TLS proxy set SULH_PROXY_SSL_HEADER=1 so the
# proxy's X-Forwarded-Proto counts (only when the proxy overwrites that header).
HTTPS = env_bool("SULH_HTTPS")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env_int("SULH_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SULH_HSTS_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SULH_HSTS_PRELOAD", HTTPS)
if env_bool("SULH_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_AGE = env_int("SULH_SESSION_HOURS", 12) * 3600
# Content-Security-Policy (sulh/access/middleware.py): scripts, styles and images from this
# server only, so no inline script or style attribute runs.
SULH_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("SULH_LOG_LEVEL", "WARNING")},
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500
NINJA_PAGINATION_CLASS = "sulh.lib.pagination.BoundedPagination"

# Email (alerts of sulh/warning go out through Django's email backend).
EMAIL_BACKEND = env_str("SULH_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("SULH_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("SULH_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("SULH_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("SULH_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("SULH_EMAIL_TLS")
DEFAULT_FROM_EMAIL = env_str("SULH_EMAIL_FROM", "sulh@localhost")
SULH_BASE_URL = env_str("SULH_BASE_URL")  # e.g. https://sulh.example.org, for links in emails

# The map's base layer: a tile server URL template ({z}/{x}/{y}); without one the map shows the
# gazetteer's admin centroids and places as points (see docs/analysis.md).
SULH_TILE_URL = env_str("SULH_TILE_URL")
SULH_TILE_ATTRIBUTION = env_str("SULH_TILE_ATTRIBUTION")

# A dataset import of at least this many rows (estimated) sets the events' lookup indexes aside on
# SQLite and rebuilds them at the end (see docs/exchange.md).
SULH_IMPORT_SET_ASIDE_ROWS = env_int("SULH_IMPORT_SET_ASIDE_ROWS", 50_000)
# From this many rows (estimated), a second process reads and checks the file while the import
# writes (sulh/exchange/parsing.py).
SULH_IMPORT_PARSE_BESIDE_ROWS = env_int("SULH_IMPORT_PARSE_BESIDE_ROWS", 50_000)
# Larger uploads are refused by the web form with a pointer to `sulh import` (about 130,000
# ACLED rows: well under a minute to import).
SULH_WEB_IMPORT_MAX_MB = env_int("SULH_WEB_IMPORT_MAX_MB", 50)
