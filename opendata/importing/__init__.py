"""Importing an HSDS 3.0 data package, in the order it happens (``opendata.importer`` runs it):

- ``read``: the package's JSON files, each checked for being the right JSON shape.
- ``check``: every row against its HSDS schema, references between rows, attributes against our
  taxonomies; later, every plan against the models' own validation.
- ``plan``: what each organisation, location and service record will create or update.
- ``write``: the plans applied in one transaction.
- ``problems``: how every stage reports a problem (table, record id, field); ``fields`` names the
  package field each model field comes from.
"""
