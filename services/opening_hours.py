"""Opening hours of a service: "is it open now, and when does it open next?".

Pure Python on purpose (stdlib only, no Django) so the rules can be tested
without a database and reused by the API, templates and management commands.
The sentences residents read ("Nu open tot 17:00") are built from an
``OpeningState`` in ``services/wording.py``, through gettext.

All wall-clock times are local times in Europe/Amsterdam. Internally every
comparison is done in UTC, because comparing aware datetimes that share one
ZoneInfo object compares wall-clock values and gets the repeated hour on the
autumn DST day wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Europe/Amsterdam"

KIND_OPEN = "open"
KIND_INLOOP = "inloop"
KIND_TELEFONISCH = "telefonisch"
KIND_OP_AFSPRAAK = "op_afspraak"

# Order doubles as priority: when periods of different kinds overlap, the
# first kind in this tuple is the one we report, because "just walk in / it is
# open" is the most useful thing to tell someone looking for help.
KINDS: tuple[str, ...] = (KIND_OPEN, KIND_INLOOP, KIND_OP_AFSPRAAK, KIND_TELEFONISCH)
_KIND_PRIORITY = {kind: index for index, kind in enumerate(KINDS)}

_UTC = dt.UTC
_DAY = dt.timedelta(days=1)


class OpeningStatus(StrEnum):
    """Outcome of :func:`opening_state`; a ``str`` so ``status == "open"`` works."""

    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


def _check_kind(kind: str) -> None:
    if kind not in _KIND_PRIORITY:
        raise ValueError(f"unknown opening kind {kind!r}; expected one of {KINDS}")


@dataclass(frozen=True)
class OpeningPeriod:
    """A weekly recurring period. ``closes <= opens`` means it closes the next day."""

    weekday: int
    opens: dt.time
    closes: dt.time
    kind: str = KIND_OPEN

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) .. 6 (Sunday), got {self.weekday!r}")
        _check_kind(self.kind)


@dataclass(frozen=True)
class OpeningException:
    """Dated exception (e.g. a holiday): closed all day, or other hours that day."""

    date: dt.date
    closed: bool
    opens: dt.time | None = None
    closes: dt.time | None = None
    note: str = ""
    kind: str = KIND_OPEN

    def __post_init__(self) -> None:
        _check_kind(self.kind)
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValueError("an exception that is not 'closed' needs both opens and closes")


@dataclass(frozen=True)
class Schedule:
    """Regular periods plus dated exceptions.

    ``hours_known=False`` means "we do not know the hours", which is not the
    same as closed. ``hours_known=True`` without periods means "never open at
    set times" (e.g. only reachable by other means).
    """

    periods: tuple[OpeningPeriod, ...] = ()
    exceptions: tuple[OpeningException, ...] = ()
    hours_known: bool = True

    def __post_init__(self) -> None:
        # Callers often build these from querysets/lists; tuples keep the
        # dataclass hashable and really immutable.
        object.__setattr__(self, "periods", tuple(self.periods))
        object.__setattr__(self, "exceptions", tuple(self.exceptions))


@dataclass(frozen=True)
class OpeningState:
    """Result of :func:`opening_state`.

    ``closes_at`` is None when open and no closing falls within the horizon
    (e.g. open 24/7). ``opens_next_at``/``next_kind`` are only filled when
    closed. Datetimes are aware, in the schedule's time zone.
    """

    status: OpeningStatus
    kind: str | None = None
    closes_at: dt.datetime | None = None
    opens_next_at: dt.datetime | None = None
    next_kind: str | None = None
    note: str = ""

    @property
    def is_open(self) -> bool:
        return self.status is OpeningStatus.OPEN


@dataclass
class _Interval:
    start: dt.datetime  # UTC
    end: dt.datetime  # UTC
    kind: str
    start_date: dt.date  # local date the period belongs to


def _zone(tz: str | dt.tzinfo) -> dt.tzinfo:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def _require_aware(now: dt.datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")


def _to_utc(day: dt.date, at: dt.time, zone: dt.tzinfo, *, fold: int) -> dt.datetime:
    """Local wall-clock time on ``day`` as a UTC instant.

    Nonexistent times (spring forward, 02:00-02:59 on the last Sunday of March)
    are interpreted with the pre-transition offset, which shifts them forward
    by the gap: 02:30 becomes 03:30 CEST. So a period 02:30-04:00 still exists
    as 03:30-04:00 and a night period "until 02:00" ends at 03:00 CEST, the
    same instant as 02:00 CET. Ambiguous times (autumn, 02:00-02:59 happens
    twice) take ``fold``: openings use the first occurrence and closings the
    second, so a period is never shortened by the repeated hour.
    """
    naive = dt.datetime.combine(day, at)
    local = naive.replace(tzinfo=zone, fold=fold)
    if local.astimezone(_UTC).astimezone(zone).replace(tzinfo=None) != naive:
        # In the gap fold=1 would use the post-transition offset and move the
        # time backwards (02:00 -> 01:00 CET); always move forward instead.
        local = naive.replace(tzinfo=zone, fold=0)
    return local.astimezone(_UTC)


def _day_intervals(
    schedule: Schedule,
    day: dt.date,
    zone: dt.tzinfo,
    kinds: frozenset[str] | None,
    exceptions_by_date: dict[dt.date, list[OpeningException]],
) -> list[_Interval]:
    # Intervals *starting* on `day`. An exception replaces the periods starting
    # that day only: a regular 22:00-02:00 period from the evening before keeps
    # running into an exception date, because the holiday is about that day's
    # own opening and a night shelter should not silently close at midnight.
    exceptions = exceptions_by_date.get(day)
    if exceptions:
        if any(exc.closed for exc in exceptions):
            return []
        spans = [(exc.opens, exc.closes, exc.kind) for exc in exceptions]
    else:
        spans = [(p.opens, p.closes, p.kind) for p in schedule.periods if p.weekday == day.weekday()]

    intervals = []
    for opens, closes, kind in spans:
        if kinds is not None and kind not in kinds:
            continue
        close_day = day + _DAY if closes <= opens else day
        start = _to_utc(day, opens, zone, fold=0)
        end = _to_utc(close_day, closes, zone, fold=1)
        # Only possible when both ends fall in the spring-forward gap the
        # wrong way round (e.g. 02:30-03:00); such a period has no real time.
        if end > start:
            intervals.append(_Interval(start, end, kind, day))
    return intervals


def _merge(intervals: list[_Interval]) -> list[_Interval]:
    # Merge touching/overlapping intervals of the same kind so "09:00-12:00
    # and 12:00-17:00" reads as open until 17:00, and 24/7 is one interval.
    merged: list[_Interval] = []
    for kind in KINDS:
        current: _Interval | None = None
        for iv in sorted((iv for iv in intervals if iv.kind == kind), key=lambda iv: iv.start):
            if current is not None and iv.start <= current.end:
                current.end = max(current.end, iv.end)
            else:
                current = _Interval(iv.start, iv.end, iv.kind, iv.start_date)
                merged.append(current)
    return merged


def opening_state(
    schedule: Schedule,
    *,
    now: dt.datetime,
    kinds: frozenset[str] | None = None,
    tz: str | dt.tzinfo = DEFAULT_TZ,
    horizon_days: int = 14,
) -> OpeningState:
    """Tell whether ``schedule`` is open at ``now`` and when it closes or opens next.

    Args:
        schedule: regular periods, dated exceptions and whether hours are known.
        now: timezone-aware moment to evaluate; converted to ``tz``.
        kinds: only consider periods of these kinds (e.g. ``{"inloop"}``);
            None means all kinds.
        tz: time zone the wall-clock times are in.
        horizon_days: look for the next opening on local dates up to and
            including today + ``horizon_days``; beyond that ``opens_next_at``
            is None.

    Returns:
        An :class:`OpeningState`. Unknown hours give status ``unknown`` (with
        today's exception note, if any), never ``closed``.

    Raises:
        ValueError: on a naive ``now``, an unknown kind or a negative horizon.
    """
    _require_aware(now)
    if horizon_days < 0:
        raise ValueError("horizon_days must be >= 0")
    if kinds is not None:
        kinds = frozenset(kinds)
        for kind in kinds:
            _check_kind(kind)

    zone = _zone(tz)
    now_utc = now.astimezone(_UTC)
    today = now.astimezone(zone).date()

    exceptions_by_date: dict[dt.date, list[OpeningException]] = {}
    for exc in schedule.exceptions:
        exceptions_by_date.setdefault(exc.date, []).append(exc)
    note = "; ".join(exc.note for exc in exceptions_by_date.get(today, []) if exc.note)

    if not schedule.hours_known:
        return OpeningState(status=OpeningStatus.UNKNOWN, note=note)

    # Yesterday is included for periods running past midnight into today. Two
    # dates beyond the horizon are generated so a closing time near the end of
    # the horizon is not cut short by periods we did not generate.
    last_date = today + dt.timedelta(days=horizon_days + 2)
    intervals: list[_Interval] = []
    day = today - _DAY
    while day <= last_date:
        intervals.extend(_day_intervals(schedule, day, zone, kinds, exceptions_by_date))
        day += _DAY
    merged = _merge(intervals)

    current = [iv for iv in merged if iv.start <= now_utc < iv.end]
    if current:
        best = min(current, key=lambda iv: (_KIND_PRIORITY[iv.kind], -iv.end.timestamp()))
        # An interval reaching the first date we did not generate may go on
        # longer than we can see; do not invent a closing time.
        unseen_from = _to_utc(last_date + _DAY, dt.time(0), zone, fold=0)
        closes_at = None if best.end >= unseen_from else best.end.astimezone(zone)
        return OpeningState(status=OpeningStatus.OPEN, kind=best.kind, closes_at=closes_at, note=note)

    horizon_end = today + dt.timedelta(days=horizon_days)
    upcoming = [iv for iv in merged if iv.start > now_utc and iv.start_date <= horizon_end]
    if not upcoming:
        return OpeningState(status=OpeningStatus.CLOSED, note=note)
    nxt = min(upcoming, key=lambda iv: (iv.start, _KIND_PRIORITY[iv.kind]))
    return OpeningState(
        status=OpeningStatus.CLOSED,
        opens_next_at=nxt.start.astimezone(zone),
        next_kind=nxt.kind,
        note=note,
    )


def weekly_table(schedule: Schedule) -> list[tuple[int, list[OpeningPeriod]]]:
    """Regular periods grouped per weekday 0 (Monday) .. 6 (Sunday), sorted by opening time.

    Always returns seven rows so templates can render a full week; exceptions
    are not included (show those separately, they are dated).
    """
    return [
        (
            weekday,
            sorted(
                (p for p in schedule.periods if p.weekday == weekday),
                key=lambda p: (p.opens, p.closes, _KIND_PRIORITY[p.kind]),
            ),
        )
        for weekday in range(7)
    ]
