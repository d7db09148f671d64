"""Load test of the Verhalenbank: locust against gunicorn on PostgreSQL (`make loadtest`)."""
