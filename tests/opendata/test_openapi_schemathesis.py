"""Property-based requests against our OpenAPI description (schemathesis): no 5xx, responses conform.

Bounded on purpose: 25 derandomized examples per operation, so the run is repeatable and quick.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from hulpzoeker.wsgi import application

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]
SETTINGS = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def same_connection(db):
    # The WSGI handler closes "old" connections at each request, which would end the test's
    # transaction; Django's own test client switches this off the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.include(path_regex=r"^/api/hsds/").parametrize()
@SETTINGS
def test_hsds_api_conforms_to_its_openapi_description(case, same_connection):
    case.call_and_validate(checks=CHECKS)


@schema.include(path=["/api/v1/search", "/api/v1/suggestions"]).parametrize()
@SETTINGS
def test_api_v1_conforms_to_its_openapi_description(case, same_connection):
    case.call_and_validate(checks=CHECKS)
