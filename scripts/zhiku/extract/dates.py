"""Chinese publish dates: the forms portals write, as aware datetimes.

`2019年06月15日08:18`, `2019-9-7 21:30:50`, `2019/09/26 12:11`, `2019.09.26`, ISO 8601 with or without
zone, English (`December 25, 2024`, `Monday, March 17th, 2014`, `17 Mar 2014 10:15`), Unix timestamps (seconds or milliseconds, as in WeChat's `var ct = "1581517074"`), and relative
forms (`3小时前`, `5分钟前`, `昨天 10:20`, `前天`, `今天 08:00`) resolved against a reference time (the
saved file's mtime), or reported as unresolved when there is none. A time without a zone is in the
page's zone (`+08:00` for Chinese portals). Copyright years (`© 1996-2019`) are never dates: a text that
names a copyright is not searched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone, tzinfo

_SEP = r"\s*[-/.年月]\s*"
# The day of the week a portal prints between the date and the time (星期六, 周六, （星期六）).
_WEEKDAY = r"(?:[（(]?(?:星期|周|礼拜)[一二三四五六日天][）)]?\s*)?"
# Year, month, day; an optional time (with 时/点/分 or colons); the 日 after the day is optional.
ABSOLUTE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)" + _SEP + r"(?P<m>[01]?\d)" + _SEP + r"(?P<d>[0-3]?\d)\s*日?"
    r"(?:\s*(?:T|\s)?\s*" + _WEEKDAY
    + r"(?P<H>[0-2]?\d)\s*[:：时点]\s*(?P<M>[0-5]\d)\s*(?:分)?(?:\s*[:：]\s*(?P<S>[0-5]\d)(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d\d:?\d\d)?)?(?!\d)")
_MONTHS = {name: i for i, names in enumerate((
    "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
    "sep sept september", "oct october", "nov november", "dec december"), start=1) for name in names.split()}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_CLOCK = r"(?:,?\s+(?:at\s+)?(?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?)?"
# English, as blogs and overseas Chinese papers print it: December 25, 2024; Monday, March 17th, 2014;
# Mar 17 2014; 17 March 2014 (a month's name, so never a bare number read as a date).
ENGLISH = re.compile(r"(?<![\w])(?:" + _MONTH + r"\s+" + _DAY + r",?\s+(?P<y>(?:19|20)\d\d)|"
                     + _DAY.replace("day>", "day2>") + r"\s+" + _MONTH.replace("mon>", "mon2>")
                     + r",?\s+(?P<y2>(?:19|20)\d\d))(?!\d)" + _CLOCK, re.I)
RELATIVE = re.compile(
    r"(?P<n>\d{1,3})\s*(?P<unit>秒|分钟|小时|天)前|(?P<day>今天|昨天|前天)(?:\s*(?P<H>[0-2]?\d)[:：](?P<M>[0-5]\d))?")
TIMESTAMP = re.compile(r"^\s*(?P<ts>1\d{9}|1\d{12})\s*$")
COPYRIGHT = re.compile(r"©|&copy;|版权所有|Copyright|\(c\)\s*\d{4}|备案|ICP", re.I)
_UNITS = {"秒": "seconds", "分钟": "minutes", "小时": "hours", "天": "days"}
_DAYS = {"今天": 0, "昨天": 1, "前天": 2}


@dataclass(frozen=True)
class DateFound:
    value: datetime | None  # None: a relative date with no reference time
    text: str  # the matched text
    kind: str  # "absolute" | "timestamp" | "relative" | "iso"
    has_time: bool = True


def _aware(value: datetime, tz: tzinfo) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=tz)


def parse_date(text: str, tz: tzinfo, reference: datetime | None = None) -> DateFound | None:
    """The first date in `text`; None when there is none (or the text is a copyright line)."""
    text = text.strip()
    if not text or COPYRIGHT.search(text):
        return None
    if (match := TIMESTAMP.match(text)) is not None:
        seconds = int(match["ts"]) / (1000 if len(match["ts"]) == 13 else 1)
        return DateFound(datetime.fromtimestamp(seconds, timezone.utc).astimezone(tz), text, "timestamp")
    if re.match(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d", text):
        try:
            # To the second: no page prints a fraction (Hexo writes 2024-06-19T08:06:26.375Z).
            value = datetime.fromisoformat(text.replace("Z", "+00:00")).replace(microsecond=0)
            if value.time() == time(0):  # Hugo's and Jekyll's stamp of a post dated by its day: that day
                return DateFound(_aware(datetime(value.year, value.month, value.day), tz), text, "iso", has_time=False)
            return DateFound(_aware(value, tz), text, "iso")
        except ValueError:
            pass
    if (match := ABSOLUTE.search(text)) is not None:
        try:
            value = datetime(int(match["y"]), int(match["m"]), int(match["d"]),
                             int(match["H"] or 0), int(match["M"] or 0), int(match["S"] or 0))
        except ValueError:
            return None
        zone = tz
        if match["tz"]:
            zone = timezone.utc if match["tz"] == "Z" else datetime.strptime(match["tz"].replace(":", ""), "%z").tzinfo
        return DateFound(value.replace(tzinfo=zone), match.group(0).strip(), "absolute", match["H"] is not None)
    if (match := ENGLISH.search(text)) is not None:
        hour = int(match["H"] or 0)
        if match["ampm"] and match["ampm"][0].lower() == "p" and hour < 12:
            hour += 12
        elif match["ampm"] and hour == 12:
            hour = 0
        try:
            value = datetime(int(match["y"] or match["y2"]), _MONTHS[(match["mon"] or match["mon2"]).lower()],
                             int(match["day"] or match["day2"]), hour, int(match["M"] or 0), int(match["S"] or 0))
        except ValueError:
            return None
        return DateFound(value.replace(tzinfo=tz), match.group(0).strip(), "absolute", match["H"] is not None)
    if (match := RELATIVE.search(text)) is not None:
        if reference is None:
            return DateFound(None, match.group(0), "relative")
        reference = reference.astimezone(tz)
        if match["unit"]:
            value = reference - timedelta(**{_UNITS[match["unit"]]: int(match["n"])})
            return DateFound(value.replace(second=0, microsecond=0), match.group(0), "relative")
        day = (reference - timedelta(days=_DAYS[match["day"]])).replace(second=0, microsecond=0)
        if match["H"]:
            day = day.replace(hour=int(match["H"]), minute=int(match["M"]))
            return DateFound(day, match.group(0), "relative")
        return DateFound(day.replace(hour=0, minute=0), match.group(0), "relative", has_time=False)
    return None
