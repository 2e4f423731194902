//! Publication dates: parsing the forms pages use and normalising them to RFC 3339.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Utc,
};

/// Earliest plausible publication date; pages with earlier dates carry placeholders
/// (`0001-01-01`, `1970-01-01`). The same bound trafilatura applies to its own candidates.
const EARLIEST_YEAR: i32 = 1995;

/// A publication date: an instant with its offset, or a day when the time (or its zone) is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    Instant(DateTime<FixedOffset>),
    Day(NaiveDate),
}

impl Stamp {
    /// The calendar day in the page's own offset.
    pub(crate) fn day(self) -> NaiveDate {
        match self {
            Stamp::Instant(instant) => instant.date_naive(),
            Stamp::Day(day) => day,
        }
    }

    /// RFC 3339; a bare day is given as midnight UTC.
    pub(crate) fn to_rfc3339(self) -> String {
        let instant = match self {
            Stamp::Instant(instant) => instant,
            Stamp::Day(day) => Utc
                .from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN))
                .fixed_offset(),
        };
        instant.to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    /// Not before [`EARLIEST_YEAR`] and not after `now` plus a day (time zones ahead of UTC).
    pub(crate) fn is_plausible(self, now: DateTime<Utc>) -> bool {
        let latest = (now + chrono::Duration::days(1)).date_naive();
        let day = self.day();
        day.year() >= EARLIEST_YEAR && day <= latest
    }
}

/// Parses the date forms found in meta tags and JSON-LD.
pub(crate) fn parse(raw: &str) -> Option<Stamp> {
    let raw = raw.trim();
    if let Ok(instant) = DateTime::parse_from_rfc3339(raw) {
        return Some(Stamp::Instant(instant));
    }
    const WITH_OFFSET: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S %z",
    ];
    for format in WITH_OFFSET {
        if let Ok(instant) = DateTime::parse_from_str(raw, format) {
            return Some(Stamp::Instant(instant));
        }
    }
    if let Ok(instant) = DateTime::parse_from_rfc2822(raw) {
        return Some(Stamp::Instant(instant));
    }
    // A time without a zone is not an instant: keep the day only.
    const NAIVE: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ];
    for format in NAIVE {
        if let Ok(naive) = NaiveDateTime::parse_from_str(raw, format) {
            return Some(Stamp::Day(naive.date()));
        }
    }
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(day) = NaiveDate::parse_from_str(raw, format) {
            return Some(Stamp::Day(day));
        }
    }
    None
}

/// The clock, for the plausibility bound only.
pub(crate) fn now() -> DateTime<Utc> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    i64::try_from(seconds)
        .ok()
        .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed_now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2025-06-01T12:00:00Z")
            .unwrap()
            .to_utc()
    }

    fn normalised(raw: &str) -> Option<String> {
        parse(raw)
            .filter(|stamp| stamp.is_plausible(fixed_now()))
            .map(Stamp::to_rfc3339)
    }

    #[test]
    fn rfc3339_forms() {
        assert_eq!(
            normalised("2024-03-05T10:20:30Z").as_deref(),
            Some("2024-03-05T10:20:30Z")
        );
        assert_eq!(
            normalised("2024-03-05T10:20:30.123+00:00").as_deref(),
            Some("2024-03-05T10:20:30Z")
        );
        assert_eq!(
            normalised(" 2024-03-05T10:20:30-05:00 ").as_deref(),
            Some("2024-03-05T10:20:30-05:00")
        );
    }

    #[test]
    fn offsets_without_colon_and_rfc2822() {
        assert_eq!(
            normalised("2024-03-05T10:20:30+0100").as_deref(),
            Some("2024-03-05T10:20:30+01:00")
        );
        assert_eq!(
            normalised("2024-03-05T10:20+01:00").as_deref(),
            Some("2024-03-05T10:20:00+01:00")
        );
        assert_eq!(
            normalised("Tue, 05 Mar 2024 10:20:30 GMT").as_deref(),
            Some("2024-03-05T10:20:30Z")
        );
    }

    #[test]
    fn days_become_midnight_utc() {
        assert_eq!(
            normalised("2024-03-05").as_deref(),
            Some("2024-03-05T00:00:00Z")
        );
        assert_eq!(
            normalised("2024/03/05").as_deref(),
            Some("2024-03-05T00:00:00Z")
        );
        assert_eq!(
            normalised("2024-03-05T10:20:30").as_deref(),
            Some("2024-03-05T00:00:00Z")
        );
    }

    #[test]
    fn junk_is_rejected() {
        for raw in [
            "0001-01-01T00:00:00Z",
            "0001-01-01",
            "1970-01-01T00:00:00Z",
            "2031-01-01",
            "9999-12-31T23:59:59Z",
            "yesterday",
            "2024-13-45",
            "",
        ] {
            assert_eq!(normalised(raw), None, "{raw}");
        }
    }

    #[test]
    fn a_day_ahead_is_tolerated() {
        assert!(normalised("2025-06-02T01:00:00+14:00").is_some());
        assert!(normalised("2025-06-04").is_none());
    }
}
