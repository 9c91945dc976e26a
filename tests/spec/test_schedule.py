"""When a Glue cron fires, year field included.

https://docs.aws.amazon.com/glue/latest/dg/monitor-data-warehouse-schedule.html: six fields,
minutes hours day-of-month month day-of-week year, in UTC; weekdays 1-7 from Sunday.
"""

from datetime import UTC, datetime

from gluestack.spec.schedule import fire_times

START = datetime(2026, 12, 31, 0, 0, tzinfo=UTC)


def test_fire_times_lists_each_time_in_the_window_and_honours_the_year() -> None:
    end = datetime(2027, 1, 2, 0, 0, tzinfo=UTC)
    assert fire_times("cron(0 12 * * ? *)", START, end) == [
        datetime(2026, 12, 31, 12, 0, tzinfo=UTC),
        datetime(2027, 1, 1, 12, 0, tzinfo=UTC),
    ]
    assert fire_times("cron(0 12 * * ? 2027)", START, end) == [
        datetime(2027, 1, 1, 12, 0, tzinfo=UTC)
    ]
    assert fire_times("cron(0 12 * * ? 2028-2030)", START, end) == []


def test_weekdays_count_from_sunday_as_one() -> None:
    week = datetime(2027, 1, 7, 0, 0, tzinfo=UTC)  # START is a Thursday
    (sunday,) = fire_times("cron(0 8 ? * 1 *)", START, week)
    assert sunday.strftime("%A") == "Sunday"
