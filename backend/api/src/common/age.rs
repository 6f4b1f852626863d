//! Ages from birth dates (周岁): who is 60, 70, 80, 100 on a given day — for the registry's
//! statistics, the elderly lists and the festival visits. A person born on 29 February turns a
//! year older on 1 March in a common year (their birthday has not come on 28 February).

use chrono::{Datelike, NaiveDate};

/// Age in whole years on `day`.
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> i32 {
    let mut age = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// The latest birth date of someone who is at least `age` on `day`: [`age_on`]`(b, day) >= age`
/// exactly when `b <= born_by(day, age)`.
pub fn born_by(day: NaiveDate, age: i32) -> NaiveDate {
    let year = day.year() - age;
    day.with_year(year)
        // 29 February of a common year: whoever was born by 28 February is that old.
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    #[test]
    fn birthdays_and_29_february() {
        assert_eq!(age_on(d(1966, 11, 28), d(2026, 11, 28)), 60);
        assert_eq!(age_on(d(1966, 11, 29), d(2026, 11, 28)), 59);
        // Born 29 Feb 1964: 60 on 29 Feb 2024, still 60 on 28 Feb 2025, 61 on 1 March 2025.
        assert_eq!(age_on(d(1964, 2, 29), d(2024, 2, 29)), 60);
        assert_eq!(age_on(d(1964, 2, 29), d(2025, 2, 28)), 60);
        assert_eq!(age_on(d(1964, 2, 29), d(2025, 3, 1)), 61);
        assert_eq!(born_by(d(2025, 2, 28), 61), d(1964, 2, 28));
        assert_eq!(born_by(d(2028, 2, 29), 101), d(1927, 2, 28));
        assert_eq!(born_by(d(2024, 2, 29), 60), d(1964, 2, 29));
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1900i32..2100, 1u32..=366).prop_map(|(y, ord)| NaiveDate::from_yo_opt(y, ord).unwrap_or_else(|| d(y, 12, 31)))
    }

    proptest! {
        /// The list's SQL filters on `birth_date <= born_by(day, age)`: it must select exactly
        /// the people whose age is at least `age`.
        #[test]
        fn born_by_agrees_with_age_on(birth in any_date(), day in any_date(), age in 0i32..120) {
            prop_assert_eq!(age_on(birth, day) >= age, birth <= born_by(day, age));
        }
    }
}
