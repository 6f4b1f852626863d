//! Registry value types: parsed at the edge, so handlers and queries only see valid values.

use chrono::NaiveDate;
use pinyin::ToPinyin;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::FieldError;

/// How a resident is related to the head of their household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Head,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Sibling,
    Other,
}

impl Relationship {
    pub const ALL: [Relationship; 7] = [
        Relationship::Head,
        Relationship::Spouse,
        Relationship::Child,
        Relationship::Parent,
        Relationship::Grandchild,
        Relationship::Sibling,
        Relationship::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Head => "head",
            Relationship::Spouse => "spouse",
            Relationship::Child => "child",
            Relationship::Parent => "parent",
            Relationship::Grandchild => "grandchild",
            Relationship::Sibling => "sibling",
            Relationship::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Registry tags. `disabled` and `dibao` are sensitive personal data (PIPL Art. 28): only staff see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    /// Holds a disability certificate (残疾人).
    Disabled,
    /// Receives the minimum living allowance (低保).
    Dibao,
    /// Member of the Communist Party of China (党员).
    PartyMember,
    /// Lives alone (独居).
    LivingAlone,
    /// Veteran (退役军人).
    Veteran,
}

impl Tag {
    pub const ALL: [Tag; 5] = [Tag::Disabled, Tag::Dibao, Tag::PartyMember, Tag::LivingAlone, Tag::Veteran];

    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Disabled => "disabled",
            Tag::Dibao => "dibao",
            Tag::PartyMember => "party_member",
            Tag::LivingAlone => "living_alone",
            Tag::Veteran => "veteran",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn is_sensitive(self) -> bool {
        matches!(self, Tag::Disabled | Tag::Dibao)
    }
}

/// Whether a resident is still registered here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResidentStatus {
    Active,
    /// Moved out; the record is kept.
    MovedOut,
    Deceased,
}

impl ResidentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ResidentStatus::Active => "active",
            ResidentStatus::MovedOut => "moved_out",
            ResidentStatus::Deceased => "deceased",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [ResidentStatus::Active, ResidentStatus::MovedOut, ResidentStatus::Deceased].into_iter().find(|t| t.as_str() == s)
    }
}

/// A person's name: 1–50 characters, trimmed.
pub fn parse_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 50 {
        return Err(FieldError::new("name", "must be 1–50 characters"));
    }
    Ok(name.to_owned())
}

/// A phone number: 5–20 characters of digits, spaces, `-` and `+`.
pub fn parse_phone(field: &str, raw: &str) -> Result<String, FieldError> {
    let phone = raw.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !(5..=20).contains(&phone.len()) || digits < 5 || !phone.chars().all(|c| c.is_ascii_digit() || " -+".contains(c)) {
        return Err(FieldError::new(field, "must be a phone number: 5–20 digits, spaces, '-' or '+'"));
    }
    Ok(phone.to_owned())
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
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> i32 {
    use chrono::Datelike;
    let mut age = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_in_simplified_and_traditional() {
        assert_eq!(pinyin_of("张三"), ("zhangsan".to_owned(), "zs".to_owned()));
        assert_eq!(pinyin_of("張三"), ("zhangsan".to_owned(), "zs".to_owned()));
        assert_eq!(pinyin_of("应慧玲"), ("yinghuiling".to_owned(), "yhl".to_owned()));
    }

    #[test]
    fn ages_count_birthdays() {
        let birth = NaiveDate::from_ymd_opt(1946, 11, 28).unwrap_or_default();
        assert_eq!(age_on(birth, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()), 79);
        assert_eq!(age_on(birth, NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default()), 80);
    }
}
