//! Chinese resident identity card numbers (GB 11643-1999), parsed once at the edge so the rest
//! of the code cannot hold an invalid one.
//!
//! 18 characters: a 6-digit address code (GB/T 2260; 武义县 = 330723), the birth date YYYYMMDD,
//! a 3-digit sequence (odd = male, even = female) and a check character (ISO 7064 MOD 11-2).
//! Address codes that are no longer on today's list stay valid — people keep their numbers —
//! so only the province part is checked against the list of provincial codes.

use chrono::{Datelike, NaiveDate};
pub use xingguang_db::vocab::Sex;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Provincial-level codes (first two digits) of GB/T 2260, plus 71 (Taiwan), 81/82 (Hong Kong,
/// Macao residence permits) and 83 (Taiwan residents' residence permits).
const PROVINCES: [u8; 38] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    83, 91, 0, 0,
];

/// A valid 18-character national ID number (upper-case X).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalId(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NationalIdError {
    #[error("must be 18 characters: 17 digits and a final digit or X")]
    Format,
    #[error("the region code {0} is not a Chinese province")]
    Region(String),
    #[error("the birth date {0} in the number is not a real date")]
    BirthDate(String),
    #[error("the birth date in the number is in the future")]
    FutureBirthDate,
    #[error("the check character is wrong (expected {expected}); a digit was probably mistyped")]
    CheckDigit { expected: char },
}

impl NationalId {
    pub fn parse(raw: &str) -> Result<Self, NationalIdError> {
        Self::parse_on(raw, chrono::Utc::now().date_naive())
    }

    /// Parses as of `today` (birth dates after it are refused).
    pub fn parse_on(raw: &str, today: NaiveDate) -> Result<Self, NationalIdError> {
        let value: String = raw.trim().to_uppercase();
        let bytes = value.as_bytes();
        if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) || !(bytes[17].is_ascii_digit() || bytes[17] == b'X') {
            return Err(NationalIdError::Format);
        }
        let province: u8 = value[..2].parse().map_err(|_| NationalIdError::Format)?;
        if province == 0 || !PROVINCES.contains(&province) {
            return Err(NationalIdError::Region(value[..6].to_owned()));
        }
        let birth = NaiveDate::parse_from_str(&value[6..14], "%Y%m%d").map_err(|_| NationalIdError::BirthDate(value[6..14].to_owned()))?;
        if birth.year() < 1880 {
            return Err(NationalIdError::BirthDate(value[6..14].to_owned()));
        }
        if birth > today {
            return Err(NationalIdError::FutureBirthDate);
        }
        let expected = check_character(&value[..17]);
        if value.chars().nth(17) != Some(expected) {
            return Err(NationalIdError::CheckDigit { expected });
        }
        Ok(NationalId(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn region_code(&self) -> &str {
        &self.0[..6]
    }

    pub fn birth_date(&self) -> NaiveDate {
        // Checked in parse.
        NaiveDate::parse_from_str(&self.0[6..14], "%Y%m%d").unwrap_or_default()
    }

    pub fn sex(&self) -> Sex {
        let sequence = self.0.as_bytes()[16] - b'0';
        if sequence % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// `330723**********1X`: region code and last two characters, as every role sees it.
    pub fn masked(&self) -> String {
        mask_id_number(&self.0)
    }
}

/// The check character for the first 17 digits.
pub fn check_character(first17: &str) -> char {
    let sum: u32 = first17.bytes().zip(WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
    CHECK[(sum % 11) as usize]
}

/// Masks a stored ID number for display (also tolerates malformed legacy values).
pub fn mask_id_number(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() < 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date")
    }

    #[test]
    fn accepts_the_standards_example_and_reads_birth_date_and_sex() {
        let id = NationalId::parse_on("11010519491231002x", today()).expect("valid");
        assert_eq!(id.as_str(), "11010519491231002X");
        assert_eq!(id.birth_date(), NaiveDate::from_ymd_opt(1949, 12, 31).expect("a date"));
        assert_eq!(id.sex(), Sex::Female);
        assert_eq!(id.region_code(), "110105");
    }

    #[test]
    fn accepts_a_wuyi_number_and_masks_it() {
        let first17 = "33072319560312001";
        let id = NationalId::parse_on(&format!("{first17}{}", check_character(first17)), today()).expect("valid");
        assert_eq!(id.sex(), Sex::Male);
        assert_eq!(id.masked().len(), 18);
        assert!(id.masked().starts_with("330723**********"));
    }

    #[test]
    fn refuses_a_wrong_check_digit() {
        assert_eq!(NationalId::parse_on("110105194912310021", today()), Err(NationalIdError::CheckDigit { expected: 'X' }));
    }

    #[test]
    fn refuses_an_impossible_or_future_birth_date() {
        let bad = "33072319570230001";
        assert!(matches!(NationalId::parse_on(&format!("{bad}{}", check_character(bad)), today()), Err(NationalIdError::BirthDate(_))));
        let future = "33072320300101001";
        assert_eq!(NationalId::parse_on(&format!("{future}{}", check_character(future)), today()), Err(NationalIdError::FutureBirthDate));
    }

    #[test]
    fn refuses_an_unknown_province_but_keeps_retired_county_codes() {
        let bad = "99072319560312001";
        assert!(matches!(NationalId::parse_on(&format!("{bad}{}", check_character(bad)), today()), Err(NationalIdError::Region(_))));
        // 330700 area codes that were renumbered long ago are still valid numbers.
        let retired = "33079919560312001";
        assert!(NationalId::parse_on(&format!("{retired}{}", check_character(retired)), today()).is_ok());
    }

    #[test]
    fn refuses_wrong_lengths_and_letters() {
        for raw in ["", "1234", "11010519491231002XX", "1101051949123100AX", "11010519491231002Y"] {
            assert_eq!(NationalId::parse_on(raw, today()), Err(NationalIdError::Format), "{raw}");
        }
    }
}
