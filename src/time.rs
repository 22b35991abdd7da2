//! Time for rotation rules: durations as people write them (`30s`, `10m`, `4h`, `90d`,
//! `1h30m`), parsed in this one place for every flag, and Okta's timestamps
//! (`2023-02-21T20:08:24.000Z`) as seconds since the epoch, to compare and add to.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Parse a duration: one or more `<number><unit>` with units `s`, `m`, `h`, `d`, largest
/// first (`1h30m`), each unit at most once. The clap value parser of every duration flag;
/// the error is the reason (clap exits 2 with it).
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad = || {
        format!(
            "`{}` is not a duration; write a number and a unit, e.g. 30s, 10m, 4h, 90d or 1h30m",
            text.escape_debug()
        )
    };
    let mut secs: u64 = 0;
    let mut digits = String::new();
    let mut last_rank = usize::MAX;
    let mut any = false;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let (rank, unit) = match c {
            'd' => (3, 86_400),
            'h' => (2, 3_600),
            'm' => (1, 60),
            's' => (0, 1),
            _ => return Err(bad()),
        };
        if digits.is_empty() || rank >= last_rank {
            return Err(bad());
        }
        let n: u64 = digits.parse().map_err(|_| bad())?;
        secs = n
            .checked_mul(unit)
            .and_then(|v| secs.checked_add(v))
            .ok_or_else(bad)?;
        digits.clear();
        last_rank = rank;
        any = true;
    }
    if !any || !digits.is_empty() {
        return Err(bad());
    }
    Ok(Duration::from_secs(secs))
}

/// A duration for people, in the units it is written in: `1h30m`, `90d`, `0s`.
pub(crate) fn format_duration(d: Duration) -> String {
    let mut secs = d.as_secs();
    if secs == 0 {
        return "0s".into();
    }
    let mut out = String::new();
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] {
        if secs >= size {
            out.push_str(&format!("{}{unit}", secs / size));
            secs %= size;
        }
    }
    out
}

/// A moment, in whole seconds since the Unix epoch (Okta's timestamps have milliseconds,
/// always `.000`; the rules here need no finer grain).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Timestamp(pub(crate) i64);

impl Timestamp {
    pub(crate) fn now() -> Self {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Timestamp(i64::try_from(secs).unwrap_or(i64::MAX))
    }

    /// Okta's `2023-02-21T20:08:24.000Z` (fraction optional, `Z` required); `None` for
    /// anything else, which the rules then treat as unknown.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let (date, time) = text.split_once('T')?;
        let time = time.strip_suffix('Z')?;
        let time = time.split_once('.').map_or(time, |(whole, frac)| {
            if frac.chars().all(|c| c.is_ascii_digit()) {
                whole
            } else {
                ""
            }
        });
        let num = |s: &str, len: usize| -> Option<i64> {
            (s.len() == len && s.chars().all(|c| c.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let mut d = date.split('-');
        let (y, m, day) = (num(d.next()?, 4)?, num(d.next()?, 2)?, num(d.next()?, 2)?);
        let mut t = time.split(':');
        let (hh, mm, ss) = (num(t.next()?, 2)?, num(t.next()?, 2)?, num(t.next()?, 2)?);
        if d.next().is_some() || t.next().is_some() {
            return None;
        }
        if !(1..=12).contains(&m) || !(1..=31).contains(&day) || hh > 23 || mm > 59 || ss > 60 {
            return None;
        }
        Some(Timestamp(
            days_from_civil(y, m, day) * 86_400 + hh * 3_600 + mm * 60 + ss,
        ))
    }

    pub(crate) fn plus(self, d: Duration) -> Self {
        Timestamp(
            self.0
                .saturating_add(i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
        )
    }
}

impl fmt::Display for Timestamp {
    /// As Okta writes it: `2023-02-21T20:08:24.000Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.0.div_euclid(86_400);
        let rem = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
            rem / 3600,
            (rem % 3600) / 60,
            rem % 60
        )
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_as_people_write_them() {
        let s = |n| Duration::from_secs(n);
        assert_eq!(parse_duration("30s"), Ok(s(30)));
        assert_eq!(parse_duration("10m"), Ok(s(600)));
        assert_eq!(parse_duration("4h"), Ok(s(14_400)));
        assert_eq!(parse_duration("90d"), Ok(s(90 * 86_400)));
        assert_eq!(parse_duration("1h30m"), Ok(s(5_400)));
        assert_eq!(parse_duration("1d2h3m4s"), Ok(s(93_784)));
        assert_eq!(parse_duration("0s"), Ok(s(0)));
        for bad in [
            "",
            "30",
            "s",
            "1x",
            "1m1h",
            "1h1h",
            "-1h",
            "1.5h",
            "h1",
            "1 h",
            "99999999999999999999d",
        ] {
            let err = parse_duration(bad).unwrap_err();
            assert!(err.contains("is not a duration"), "{bad}: {err}");
        }
        assert_eq!(format_duration(s(5_400)), "1h30m");
        assert_eq!(format_duration(s(90 * 86_400)), "90d");
        assert_eq!(format_duration(s(0)), "0s");
    }

    #[test]
    fn oktas_timestamps_round_trip() {
        let t = Timestamp::parse("2023-02-21T20:08:24.000Z").unwrap();
        assert_eq!(t, Timestamp(1_677_010_104));
        assert_eq!(t.to_string(), "2023-02-21T20:08:24.000Z");
        assert_eq!(
            Timestamp::parse("2000-02-29T00:00:00Z")
                .unwrap()
                .to_string(),
            "2000-02-29T00:00:00.000Z"
        );
        assert_eq!(Timestamp(0).to_string(), "1970-01-01T00:00:00.000Z");
        for bad in [
            "",
            "2023-02-21",
            "2023-02-21T20:08:24",
            "2023-13-01T00:00:00Z",
            "x",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
        assert_eq!(t.plus(Duration::from_secs(3_600)), Timestamp(1_677_013_704));
    }
}
