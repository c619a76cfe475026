//! The calendar the date rules count with: month and weekday names in
//! French and English (folded, as the rules read them), month lengths,
//! weekdays, and days as numbers so that spans of time can be compared.
//!
//! It knows nothing of texts; `dates` and `timeline` read texts with it.

pub const FR_MONTHS: &str = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre";
pub const EN_MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
/// French abbreviations as newspapers print them ("1er sept.", "3 févr."),
/// folded, with the number of their month.
pub const FR_MONTH_ABBREVIATIONS: &[(&str, u8)] = &[("janv", 1), ("fevr", 2), ("fev", 2), ("avr", 4), ("juil", 7), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)];
pub const FR_DAYS: &str = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
pub const EN_DAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
/// Full English names only: "next mar" or "last may" are not months.
pub const EN_FULL_MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december";

pub fn month_number(name: &str) -> Option<u8> {
    let n = name.to_lowercase();
    let fr = FR_MONTHS.split('|').position(|m| m == n);
    // Abbreviations follow the twelve full names in EN_MONTHS.
    const ABBREVIATED: [usize; 12] = [0, 1, 2, 3, 5, 6, 7, 8, 8, 9, 10, 11];
    let en = EN_MONTHS.split('|').position(|m| m == n).and_then(|i| if i < 12 { Some(i) } else { ABBREVIATED.get(i - 12).copied() });
    let fr_abbreviated = || FR_MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == n).map(|&(_, m)| m);
    fr.or(en).and_then(|i| u8::try_from(i + 1).ok()).or_else(fr_abbreviated)
}

pub fn weekday_number(name: &str) -> Option<u8> {
    let n = name.to_lowercase();
    FR_DAYS
        .split('|')
        .position(|d| d == n)
        .or_else(|| EN_DAYS.split('|').position(|d| d == n))
        .and_then(|i| u8::try_from(i).ok())
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day of the week, 0 = Monday (Sakamoto's method).
pub fn weekday(year: i32, month: u8, day: u8) -> u8 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_based = (y + y / 4 - y / 100 + y / 400 + T[usize::from(month - 1)] + i32::from(day)).rem_euclid(7);
    u8::try_from((sunday_based + 6) % 7).unwrap_or(0)
}

pub fn valid(year: Option<i32>, month: u8, day: u8) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year.unwrap_or(2000), month)
}

/// Days since 1 March of year 0, so that spans and distances are plain
/// subtraction (the civil-from-days method of H. Hinnant, shifted).
pub fn day_number(year: i32, month: u8, day: u8) -> i64 {
    let (y, m) = if month <= 2 { (i64::from(year) - 1, i64::from(month) + 9) } else { (i64::from(year), i64::from(month) - 3) };
    365 * y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + (153 * m + 2) / 5 + i64::from(day) - 1
}

/// The year, month and day of a [`day_number`].
pub fn from_day_number(n: i64) -> (i32, u8, u8) {
    let era = n.div_euclid(146_097);
    let day_of_era = n.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let m = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * m + 2) / 5 + 1;
    let month = if m < 10 { m + 3 } else { m - 9 };
    let year = era * 400 + year_of_era + i64::from(month <= 2);
    (i32::try_from(year).unwrap_or(i32::MAX), u8::try_from(month).unwrap_or(1), u8::try_from(day).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_computation() {
        assert_eq!(weekday(2020, 5, 22), 4); // a Friday
        assert_eq!(weekday(2025, 10, 25), 5); // a Saturday
        assert_eq!(weekday(2024, 12, 24), 1); // a Tuesday
    }

    #[test]
    fn day_numbers_round_trip_and_count_days() {
        for (y, m, d) in [(2024, 2, 29), (2024, 3, 1), (2000, 1, 1), (2025, 12, 31), (1999, 12, 31)] {
            assert_eq!(from_day_number(day_number(y, m, d)), (y, m, d));
        }
        assert_eq!(day_number(2024, 3, 1) - day_number(2024, 2, 28), 2);
        assert_eq!(day_number(2025, 1, 1) - day_number(2024, 1, 1), 366);
    }
}
