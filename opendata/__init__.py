"""Open data: the social map as HSDS 3.0 (Open Referral's Human Services Data Specification).

- ``ids``: stable UUIDs for our records (uuid5, documented there).
- ``profile``: our taxonomies and the profile document that explains our extensions.
- ``mapping``: records → HSDS objects; used by the API and the exporter alike.
- ``queries``: what is published and how the API filters apply.
- ``views``/``urls``/``openapi``: the read API under /api/hsds/ and its OpenAPI description.
- ``exporter``/``importer``: the data package behind ``manage.py export_hsds`` and ``import_hsds``;
  the importer's stages (read, check, plan, write) are in ``importing/``.
- ``validation``: the official HSDS JSON schemas (``schema/``) as ready validators.
"""
