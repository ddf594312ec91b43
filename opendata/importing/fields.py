"""Which package field each imported model field comes from.

The keys are the model fields an import sets (and compares, to tell an update from no change); the
values name the package field in problem reports, so a model validation error points at what the
package author has to change.
"""

SERVICE_FIELDS = {
    "title": "name",
    "slug": "hulpzoeker.slug",
    "summary": "description",
    "next_step": "application_process",
    "website": "url",
    "email": "email",
    "phone": "phones",
    "whatsapp": "phones",
    "languages": "languages",
    "what_to_bring": "required_documents",
    "cost": "attributes (cost)",
    "cost_note": "fees_description",
    "min_age": "minimum_age",
    "max_age": "maximum_age",
    "income_rule": "attributes (income_rule)",
    "income_max_pct": "attributes (income_rule value)",
    "residence": "attributes (residence)",
    "requirements": "attributes (requirement)",
    "access_channels": "attributes (access_channel)",
    "pyramid_level": "attributes (pyramid_level)",
    "eligibility_description": "eligibility_description",
    "status": "status",
    "status_alert": "alert",
    "checked_on": "assured_date",
    "regional": "attributes (service_flag)",
    "is_general_knowledge": "attributes (service_flag)",
    "facts": "hulpzoeker.facts",
    "sources": "hulpzoeker.sources",
    "body": "hulpzoeker.body",
}
ORGANISATION_FIELDS = {
    "name": "name",
    "slug": "hulpzoeker.slug",
    "kind": "attributes (organisation_kind)",
    "description": "description",
    "website": "website",
    "phone": "phones",
    "email": "email",
    "is_placeholder": "attributes (organisation_flag)",
}
LOCATION_FIELDS = {
    "name": "name",
    "street_address": "addresses.address_1",
    "postcode": "addresses.postal_code",
    "kern": "attributes (location_kern)",
    "city": "addresses.city",
    "latitude": "latitude",
    "longitude": "longitude",
    "wheelchair_access": "accessibility",
    "hours_known": "hulpzoeker.hours_known",
    "hours_note": "hulpzoeker.hours_note",
}
# partner_only.json uses the model's own names.
PARTNER_FIELDS = ("contact_person", "direct_line", "email", "referral_notes")
HOURS_FIELDS = ("weekday", "opens", "closes", "kind")
EXCEPTION_FIELDS = ("date", "closed", "opens", "closes", "kind", "note")
