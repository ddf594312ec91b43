"""Measure the Hulpwijzer on the residents set: share with an expected service in the top 3 and none excluded.

``bench/residents.json`` holds residents written from the domain guide, each with the questionnaire's
answers, services of which any one in the top 3 counts ("expected") and services that must not appear
in the top 10 ("excluded"). The command prints the share per group and in total; ``--min-share`` makes
it fail below a bar (for CI or ``make relevance``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hulpwijzer.steps import Answers
from hulpwijzer.suggestions import suggest

DEFAULT_PATH = Path(settings.BASE_DIR) / "bench" / "residents.json"
TOP_EXPECTED = 3
TOP_EXCLUDED = 10


@dataclass(frozen=True)
class ResidentOutcome:
    id: str
    group: str
    top: tuple[str, ...]
    hit: bool
    excluded_shown: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.hit and not self.excluded_shown


def load_residents(path: Path = DEFAULT_PATH) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))["residents"]


def answers_for(row: dict) -> Answers:
    data = dict(row)
    kern = data.get("kern")
    return Answers(
        situations=tuple(data.get("situations", ())),
        text=data.get("text", ""),
        for_whom=data.get("for_whom"),
        kern_choice=kern,
        kern=kern,
        age=data.get("age"),
        household=data.get("household"),
        income=data.get("income"),
        special=tuple(data.get("special", ())),
        urgency=data.get("urgency"),
    )


def evaluate_resident(resident: dict) -> ResidentOutcome:
    answers = answers_for(resident["answers"])
    result = suggest(
        profile=answers.profile(),
        text=answers.text,
        age_range=answers.age_range(),
        urgency=answers.urgency,
        with_places=False,
    )
    slugs = tuple(s.document.slug for s in result.suggestions)
    expected = set(resident["expected"])
    return ResidentOutcome(
        id=resident["id"],
        group=resident["group"],
        top=slugs[:TOP_EXPECTED],
        hit=bool(expected & set(slugs[:TOP_EXPECTED])),
        excluded_shown=tuple(s for s in slugs[:TOP_EXCLUDED] if s in set(resident["excluded"])),
    )


def evaluate_all(residents: list[dict]) -> list[ResidentOutcome]:
    return [evaluate_resident(resident) for resident in residents]


class Command(BaseCommand):
    help = "Share of residents with an expected service in the top 3 and no excluded one in the top 10."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(DEFAULT_PATH))
        parser.add_argument("--min-share", type=float, default=None)
        parser.add_argument("--verbose-misses", action="store_true")

    def handle(self, *args, path, min_share, verbose_misses, **options):
        outcomes = evaluate_all(load_residents(Path(path)))
        by_group = defaultdict(list)
        for outcome in outcomes:
            by_group[outcome.group].append(outcome)
        for group, items in sorted(by_group.items()):
            passed = sum(o.passed for o in items)
            self.stdout.write(f"{group:10} {passed}/{len(items)} = {passed / len(items):.2f}")
        passed = sum(o.passed for o in outcomes)
        share = passed / len(outcomes) if outcomes else 0.0
        excluded = sum(bool(o.excluded_shown) for o in outcomes)
        self.stdout.write(
            f"residents  {passed}/{len(outcomes)} = {share:.2f} "
            f"(expected in top {TOP_EXPECTED}; {excluded} with an excluded service in the top {TOP_EXCLUDED})"
        )
        if verbose_misses:
            for o in outcomes:
                if not o.passed:
                    self.stdout.write(
                        f"  miss {o.id}: top {list(o.top)} excluded shown {list(o.excluded_shown)}"
                    )
        if min_share is not None and share < min_share:
            raise CommandError(f"share {share:.2f} is below {min_share:.2f}")
