//! Registry value types: parsed at the edge, so handlers and queries only see valid values.

use pinyin::ToPinyin;

use crate::error::{ApiError, ErrorCode, FieldError};
pub use xingguang_db::vocab::{Relationship, ResidentStatus, Tag};

/// A person's name: 1–50 characters, trimmed.
pub fn parse_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 50 {
        return Err(FieldError::new("name", "must be 1–50 characters"));
    }
    Ok(name.to_owned())
}

/// Whether a resident's status may change from `from` to `to`: it must change, and a death is
/// final (a wrongly recorded death is corrected by staff in the database, with a paper trail).
pub fn status_change_allowed(from: ResidentStatus, to: ResidentStatus) -> Result<(), ApiError> {
    if from == to {
        return Err(ApiError::conflict(ErrorCode::StatusUnchanged, format!("The resident is already {to}.")));
    }
    if from == ResidentStatus::Deceased {
        return Err(ApiError::conflict(ErrorCode::Deceased, "A deceased resident's status cannot change."));
    }
    Ok(())
}

/// Lower-case toneless pinyin of a name and its initials: 张三 → ("zhangsan", "zs"). Characters
/// without pinyin (Latin letters, digits) are kept as they are.
pub fn pinyin_of(name: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (c, p) in name.chars().zip(name.to_pinyin()) {
        match p {
            Some(p) => {
                full.push_str(p.plain());
                initials.push_str(p.first_letter());
            }
            None if c.is_ascii_alphanumeric() => {
                let c = c.to_ascii_lowercase();
                full.push(c);
                initials.push(c);
            }
            None => {}
        }
    }
    (full, initials)
}

/// Age in whole years on `today`.
pub use crate::common::age::age_on;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_must_change_and_death_is_final() {
        assert!(status_change_allowed(ResidentStatus::Active, ResidentStatus::MovedOut).is_ok());
        assert!(status_change_allowed(ResidentStatus::MovedOut, ResidentStatus::Active).is_ok());
        assert!(status_change_allowed(ResidentStatus::Active, ResidentStatus::Active)
            .is_err_and(|e| e.code == crate::error::ErrorCode::StatusUnchanged));
        assert!(status_change_allowed(ResidentStatus::Deceased, ResidentStatus::Active)
            .is_err_and(|e| e.code == crate::error::ErrorCode::Deceased));
    }

    #[test]
    fn pinyin_in_simplified_and_traditional() {
        assert_eq!(pinyin_of("张三"), ("zhangsan".to_owned(), "zs".to_owned()));
        assert_eq!(pinyin_of("張三"), ("zhangsan".to_owned(), "zs".to_owned()));
        assert_eq!(pinyin_of("应慧玲"), ("yinghuiling".to_owned(), "yhl".to_owned()));
    }

    #[test]
    fn ages_count_birthdays() {
        use chrono::NaiveDate;
        let birth = NaiveDate::from_ymd_opt(1946, 11, 28).expect("a date");
        assert_eq!(age_on(birth, NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date")), 79);
        assert_eq!(age_on(birth, NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date")), 80);
    }
}
