"""Tests for services.opening_hours: pure Python, fixed clocks only."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from services.opening_hours import (
    OpeningException,
    OpeningPeriod,
    OpeningStatus,
    Schedule,
    opening_state,
    weekly_table,
)

AMS = ZoneInfo("Europe/Amsterdam")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
CET = dt.timedelta(hours=1)
CEST = dt.timedelta(hours=2)


def t(hhmm: str) -> dt.time:
    return dt.time.fromisoformat(hhmm)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, fold: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=AMS, fold=fold)


def period(weekday: int, opens: str, closes: str, kind: str = "open") -> OpeningPeriod:
    return OpeningPeriod(weekday, t(opens), t(closes), kind)


# Weekdays 09:00-12:00 and 13:00-17:00. The week of 2026-06-01 starts on Monday.
OFFICE = Schedule(
    periods=tuple(
        p
        for day in (MON, TUE, WED, THU, FRI)
        for p in (period(day, "09:00", "12:00"), period(day, "13:00", "17:00"))
    ),
    exceptions=(),
    hours_known=True,
)
# Walk-in night shelter on Friday and Saturday evenings, running past midnight.
NIGHT = Schedule(periods=(period(FRI, "22:00", "02:00", "inloop"), period(SAT, "22:00", "02:00", "inloop")))


@pytest.mark.parametrize(
    ("now", "status", "closes_at", "opens_next_at"),
    [
        pytest.param(at(2026, 6, 2, 10), "open", at(2026, 6, 2, 12), None, id="open_within_morning_period"),
        pytest.param(at(2026, 6, 2, 9), "open", at(2026, 6, 2, 12), None, id="open_at_exact_opening_time"),
        pytest.param(
            at(2026, 6, 2, 12), "closed", None, at(2026, 6, 2, 13), id="closed_at_exact_closing_time"
        ),
        pytest.param(
            at(2026, 6, 2, 12, 30), "closed", None, at(2026, 6, 2, 13), id="between_two_periods_same_day"
        ),
        pytest.param(at(2026, 6, 2, 8), "closed", None, at(2026, 6, 2, 9), id="before_first_period"),
        pytest.param(at(2026, 6, 2, 18), "closed", None, at(2026, 6, 3, 9), id="after_last_period_next_day"),
        pytest.param(at(2026, 6, 5, 18), "closed", None, at(2026, 6, 8, 9), id="friday_evening_to_monday"),
        pytest.param(at(2026, 6, 6, 11), "closed", None, at(2026, 6, 8, 9), id="weekend_to_monday"),
    ],
)
def test_regular_weekday_hours(now, status, closes_at, opens_next_at):
    state = opening_state(OFFICE, now=now)
    assert state.status == status
    assert state.closes_at == closes_at
    assert state.opens_next_at == opens_next_at
    assert state.kind == ("open" if status == "open" else None)
    assert state.next_kind == ("open" if opens_next_at else None)


@pytest.mark.parametrize(
    ("now", "status", "closes_at", "opens_next_at"),
    [
        pytest.param(at(2026, 6, 5, 23), "open", at(2026, 6, 6, 2), None, id="open_before_midnight"),
        pytest.param(at(2026, 6, 6, 1), "open", at(2026, 6, 6, 2), None, id="open_at_01_from_yesterday"),
        pytest.param(at(2026, 6, 6, 3), "closed", None, at(2026, 6, 6, 22), id="closed_at_03_after_night"),
        pytest.param(at(2026, 6, 7, 1, 30), "open", at(2026, 6, 7, 2), None, id="saturday_night_into_sunday"),
        pytest.param(
            at(2026, 6, 7, 3), "closed", None, at(2026, 6, 12, 22), id="sunday_morning_to_next_friday"
        ),
    ],
)
def test_walk_in_after_midnight_counts_as_open(now, status, closes_at, opens_next_at):
    state = opening_state(NIGHT, now=now)
    assert state.status == status
    assert state.closes_at == closes_at
    assert state.opens_next_at == opens_next_at
    if status == "open":
        assert state.kind == "inloop"
    else:
        assert state.next_kind == "inloop"


def test_holiday_closed_all_day_skips_to_next_regular_day():
    christmas = Schedule(
        periods=OFFICE.periods,
        exceptions=(
            OpeningException(
                dt.date(2026, 12, 25), closed=True, opens=None, closes=None, note="Eerste Kerstdag"
            ),
        ),
        hours_known=True,
    )
    # Thursday evening: Friday is the holiday, so the next opening is Monday.
    state = opening_state(christmas, now=at(2026, 12, 24, 18))
    assert state.status == OpeningStatus.CLOSED
    assert state.opens_next_at == at(2026, 12, 28, 9)
    assert state.note == ""

    on_the_day = opening_state(christmas, now=at(2026, 12, 25, 10))
    assert on_the_day.status == "closed"
    assert on_the_day.note == "Eerste Kerstdag"
    assert on_the_day.opens_next_at == at(2026, 12, 28, 9)


@pytest.mark.parametrize(
    ("now", "status", "closes_at", "opens_next_at"),
    [
        pytest.param(
            at(2026, 6, 2, 9, 30), "closed", None, at(2026, 6, 2, 10), id="regular_morning_replaced"
        ),
        pytest.param(at(2026, 6, 2, 11), "open", at(2026, 6, 2, 14), None, id="open_on_other_hours"),
        pytest.param(at(2026, 6, 2, 15), "closed", None, at(2026, 6, 3, 9), id="regular_afternoon_replaced"),
    ],
)
def test_exception_with_other_hours_replaces_regular_periods(now, status, closes_at, opens_next_at):
    schedule = Schedule(
        periods=OFFICE.periods,
        exceptions=(OpeningException(dt.date(2026, 6, 2), False, t("10:00"), t("14:00"), note="Teamdag"),),
        hours_known=True,
    )
    state = opening_state(schedule, now=now)
    assert state.status == status
    assert state.closes_at == closes_at
    assert state.opens_next_at == opens_next_at
    assert state.note == "Teamdag"


def test_night_period_from_before_holiday_keeps_running_past_midnight():
    schedule = Schedule(
        periods=NIGHT.periods,
        exceptions=(OpeningException(dt.date(2026, 6, 6), closed=True, opens=None, closes=None),),
        hours_known=True,
    )
    state = opening_state(schedule, now=at(2026, 6, 6, 1))
    assert state.status == "open"
    assert state.closes_at == at(2026, 6, 6, 2)

    # Saturday's own evening period is cancelled by the exception.
    later = opening_state(schedule, now=at(2026, 6, 6, 3))
    assert later.opens_next_at == at(2026, 6, 12, 22)


def test_unknown_hours_are_not_closed():
    state = opening_state(Schedule(periods=(), exceptions=(), hours_known=False), now=at(2026, 6, 2, 10))
    assert state.status == OpeningStatus.UNKNOWN
    assert state.opens_next_at is None


def test_known_hours_without_periods_are_closed_without_next_opening():
    state = opening_state(Schedule(periods=(), exceptions=(), hours_known=True), now=at(2026, 6, 2, 10))
    assert state.status == OpeningStatus.CLOSED
    assert state.opens_next_at is None


MIXED = Schedule(periods=(period(TUE, "09:00", "12:00", "open"), period(TUE, "13:00", "15:00", "inloop")))


@pytest.mark.parametrize(
    ("now", "kinds", "status", "kind", "opens_next_at", "next_kind"),
    [
        pytest.param(at(2026, 6, 2, 10), None, "open", "open", None, None, id="all_kinds_open"),
        pytest.param(
            at(2026, 6, 2, 10),
            frozenset({"inloop"}),
            "closed",
            None,
            at(2026, 6, 2, 13),
            "inloop",
            id="only_inloop",
        ),
        pytest.param(
            at(2026, 6, 2, 14), frozenset({"inloop"}), "open", "inloop", None, None, id="inloop_open"
        ),
        pytest.param(
            at(2026, 6, 2, 14),
            frozenset({"open"}),
            "closed",
            None,
            at(2026, 6, 9, 9),
            "open",
            id="only_open_next_week",
        ),
    ],
)
def test_kinds_filter_restricts_periods(now, kinds, status, kind, opens_next_at, next_kind):
    state = opening_state(MIXED, now=now, kinds=kinds)
    assert state.status == status
    assert state.kind == kind
    assert state.opens_next_at == opens_next_at
    assert state.next_kind == next_kind


def test_overlapping_kinds_report_open_before_phone():
    schedule = Schedule(
        periods=(period(TUE, "09:00", "17:00", "telefonisch"), period(TUE, "10:00", "12:00", "open"))
    )
    state = opening_state(schedule, now=at(2026, 6, 2, 11))
    assert state.kind == "open"
    assert state.closes_at == at(2026, 6, 2, 12)


def test_adjacent_periods_merge_into_one_closing_time():
    schedule = Schedule(periods=(period(TUE, "09:00", "12:00"), period(TUE, "12:00", "17:00")))
    state = opening_state(schedule, now=at(2026, 6, 2, 10))
    assert state.closes_at == at(2026, 6, 2, 17)


def test_always_open_has_no_closing_time():
    schedule = Schedule(periods=tuple(period(day, "00:00", "00:00") for day in range(7)))
    state = opening_state(schedule, now=at(2026, 6, 2, 10))
    assert state.status == "open"
    assert state.closes_at is None


def test_now_in_utc_is_converted_to_amsterdam():
    now = dt.datetime(2026, 6, 2, 7, 30, tzinfo=dt.UTC)  # 09:30 CEST
    state = opening_state(OFFICE, now=now)
    assert state.status == "open"
    assert state.closes_at.tzinfo == AMS
    assert state.closes_at.isoformat() == "2026-06-02T12:00:00+02:00"


def test_dst_spring_forward_keeps_wall_clock_hours():
    sunday = Schedule(periods=(period(SUN, "09:00", "17:00"),))
    before = opening_state(sunday, now=at(2026, 3, 28, 20))
    assert at(2026, 3, 28, 20).utcoffset() == CET
    assert before.opens_next_at.isoformat() == "2026-03-29T09:00:00+02:00"
    assert before.opens_next_at.utcoffset() == CEST

    during = opening_state(sunday, now=at(2026, 3, 29, 10))
    assert during.status == "open"
    assert during.closes_at.isoformat() == "2026-03-29T17:00:00+02:00"


def test_dst_spring_forward_night_period_ends_at_same_instant():
    # 02:00 does not exist on 2026-03-29; closing "at 02:00" ends at 03:00 CEST (= 02:00 CET).
    saturday_night = Schedule(periods=(period(SAT, "22:00", "02:00", "inloop"),))
    state = opening_state(saturday_night, now=at(2026, 3, 29, 1, 30))
    assert state.status == "open"
    assert state.closes_at.isoformat() == "2026-03-29T03:00:00+02:00"
    assert state.closes_at.astimezone(dt.UTC) == dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)


def test_dst_spring_forward_nonexistent_opening_moves_past_the_gap():
    schedule = Schedule(periods=(period(SUN, "02:30", "04:00"),))
    state = opening_state(schedule, now=at(2026, 3, 29, 1))
    assert state.opens_next_at.isoformat() == "2026-03-29T03:30:00+02:00"


def test_dst_fall_back_keeps_wall_clock_hours():
    sunday = Schedule(periods=(period(SUN, "09:00", "17:00"),))
    before = opening_state(sunday, now=at(2026, 10, 24, 20))
    assert at(2026, 10, 24, 20).utcoffset() == CEST
    assert before.opens_next_at.isoformat() == "2026-10-25T09:00:00+01:00"
    assert before.opens_next_at.utcoffset() == CET

    during = opening_state(sunday, now=at(2026, 10, 25, 16, 30))
    assert during.closes_at.isoformat() == "2026-10-25T17:00:00+01:00"


@pytest.mark.parametrize(
    ("now", "status"),
    [
        pytest.param(at(2026, 10, 25, 2, 15, fold=0), "open", id="first_0215_cest"),
        pytest.param(at(2026, 10, 25, 2, 15, fold=1), "open", id="second_0215_cet"),
        pytest.param(at(2026, 10, 25, 2, 45, fold=1), "closed", id="after_second_0230_cet"),
    ],
)
def test_dst_fall_back_night_period_closes_after_repeated_hour(now, status):
    saturday_night = Schedule(periods=(period(SAT, "22:00", "02:30", "inloop"),))
    state = opening_state(saturday_night, now=now)
    assert state.status == status
    if status == "open":
        assert state.closes_at.isoformat() == "2026-10-25T02:30:00+01:00"
        assert state.closes_at.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)


def test_naive_now_raises():
    with pytest.raises(ValueError, match="timezone-aware"):
        opening_state(OFFICE, now=dt.datetime(2026, 6, 2, 10))


@pytest.mark.parametrize(
    ("horizon_days", "opens_next_at"),
    [
        pytest.param(14, None, id="horizon_exhausted"),
        pytest.param(28, at(2026, 6, 29, 9), id="found_with_longer_horizon"),
    ],
)
def test_next_opening_is_only_searched_within_horizon(horizon_days, opens_next_at):
    mondays = Schedule(
        periods=(period(MON, "09:00", "12:00"),),
        exceptions=tuple(
            OpeningException(dt.date(2026, 6, day), closed=True, opens=None, closes=None)
            for day in (8, 15, 22)
        ),
        hours_known=True,
    )
    state = opening_state(mondays, now=at(2026, 6, 1, 13), horizon_days=horizon_days)
    assert state.status == "closed"
    assert state.opens_next_at == opens_next_at


def test_zero_horizon_still_sees_closing_after_midnight():
    state = opening_state(NIGHT, now=at(2026, 6, 5, 23), horizon_days=0)
    assert state.closes_at == at(2026, 6, 6, 2)


def test_weekly_table_groups_by_weekday_sorted_by_opening():
    schedule = Schedule(
        periods=(period(TUE, "13:00", "17:00"), period(SAT, "10:00", "12:00"), period(TUE, "09:00", "12:00"))
    )
    table = weekly_table(schedule)
    assert [weekday for weekday, _ in table] == list(range(7))
    assert [p.opens for p in table[TUE][1]] == [t("09:00"), t("13:00")]
    assert table[SAT][1] == [period(SAT, "10:00", "12:00")]
    assert table[MON][1] == []


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda: OpeningPeriod(7, t("09:00"), t("17:00"), "open"), id="weekday_out_of_range"),
        pytest.param(lambda: OpeningPeriod(MON, t("09:00"), t("17:00"), "spreekuur"), id="unknown_kind"),
        pytest.param(
            lambda: OpeningException(dt.date(2026, 6, 2), False, None, None), id="other_hours_missing"
        ),
        pytest.param(
            lambda: opening_state(OFFICE, now=at(2026, 6, 2), kinds=frozenset({"x"})), id="unknown_filter"
        ),
        pytest.param(
            lambda: opening_state(OFFICE, now=at(2026, 6, 2), horizon_days=-1), id="negative_horizon"
        ),
    ],
)
def test_invalid_input_raises_value_error(build):
    with pytest.raises(ValueError):
        build()
