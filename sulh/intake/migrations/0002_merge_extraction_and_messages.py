# The extraction and the messaging tables were built side by side; this joins their histories.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_extraction_proposals"),
        ("intake", "0001_message_imports"),
    ]

    operations = []
