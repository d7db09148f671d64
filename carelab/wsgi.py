import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carelab.settings")

application = get_wsgi_application()

# What start-up loaded (~190 000 objects) lives as long as the process: leave it
# out of every later garbage collection, which otherwise walks it again and again
# while pages are made (Python's documented gc.freeze()).
gc.freeze()
