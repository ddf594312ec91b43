"""Signals the domain sends for apps above it, so services never has to import them."""

from django.dispatch import Signal

catalogue_loaded = Signal()
"""Sent by a bulk load of service pages (``seed_demo``), inside its transaction, once the pages are written.

Keyword argument ``pages``: a queryset of the service pages that were loaded. Receivers bring what they
derive from the pages up to date right away, synchronously: the load may still be rolled back, and tests
load inside a transaction that never commits, so waiting for the commit is not an option.
"""
