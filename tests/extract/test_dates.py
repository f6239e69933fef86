"""Chinese publish dates."""
from datetime import datetime, timedelta, timezone

import pytest
from zhiku.extract.dates import parse_date

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize("text,expected", [
    ("2019年06月15日08:18", "2019-06-15T08:18:00+08:00"),
    ("发布时间：2019-9-7 21:30:50 来源：新华网", "2019-09-07T21:30:50+08:00"),
    ("2019/09/26 12:11", "2019-09-26T12:11:00+08:00"),
    ("2019.09.26", "2019-09-26T00:00:00+08:00"),
    ("1581517074", "2020-02-12T22:17:54+08:00"),
    ("2024-03-05T00:30:00Z", "2024-03-05T00:30:00+00:00"),
    ("2024-03-05T08:30:00-05:00", "2024-03-05T08:30:00-05:00"),
    # The day of the week between the date and the time, as portals print it.
    ("2020年7月4日 星期六 08:21", "2020-07-04T08:21:00+08:00"),
    ("2020-07-04 周六 08:21:33", "2020-07-04T08:21:33+08:00"),
    ("2020年07月04日（星期六）08:21", "2020-07-04T08:21:00+08:00"),
    # Midnight in a structured date is a day (Hugo's and Jekyll's stamp for a post dated without a time),
    # in the site's zone: not 08:00 in China nor the day before.
    ("2022-06-24T00:00:00+00:00", "2022-06-24T00:00:00+08:00"),
    ("2012-09-19T00:00:00-07:00", "2012-09-19T00:00:00+08:00"),
    # A publish time to the second: no page prints its milliseconds (Hexo's 2024-06-19T08:06:26.375Z).
    ("2024-06-19T08:06:26.375Z", "2024-06-19T08:06:26+00:00"),
    # English, as blogs and overseas Chinese papers print it.
    ("November 17, 2025 · XP", "2025-11-17T00:00:00+08:00"),
    ("Monday, March 17th, 2014 | Posted by admin", "2014-03-17T00:00:00+08:00"),
    ("Posted by admin on Mar 17 2014. Filed under 财经", "2014-03-17T00:00:00+08:00"),
    ("17 March 2014 10:15 pm", "2014-03-17T22:15:00+08:00"),
    ("Dec. 25, 2024 at 9:05", "2024-12-25T09:05:00+08:00"),
])
def test_chinese_dates(text, expected):
    assert parse_date(text, CST).value.isoformat() == expected


def test_relative_dates_need_a_reference_and_copyright_is_no_date():
    now = datetime(2024, 5, 6, 12, 0, tzinfo=CST)
    assert parse_date("3小时前", CST, now).value == datetime(2024, 5, 6, 9, 0, tzinfo=CST)
    assert parse_date("昨天 10:20", CST, now).value == datetime(2024, 5, 5, 10, 20, tzinfo=CST)
    assert parse_date("3小时前", CST).value is None  # unresolved, and said so
    assert parse_date("© 1996-2019 新华网 版权所有", CST) is None
    assert parse_date("Copyright 2019-01-01", CST) is None
    assert parse_date("I may eat 12 apples in 2020", CST) is None  # a month's name must stand before its day
