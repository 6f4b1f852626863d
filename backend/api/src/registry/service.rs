//! Validation that needs more than one field or the database, kept out of the handlers.

use chrono::NaiveDate;
use diesel::OptionalExtension;
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::household::Household;
use xingguang_db::models::resident::{NewResident, ResidentChanges, ResidentFilter, Search};
use xingguang_db::models::resident_group::ResidentGroup;
use xingguang_db::models::user::{Role, User};
use xingguang_db::reach::Reach;

use super::domain::{parse_name, pinyin_of, Relationship, ResidentStatus, Tag};
use super::dto::{CreateResidentRequest, ResidentQuery, UpdateResidentRequest};
use crate::common::national_id::NationalId;
use crate::common::pii::{parse_phone, sees_sensitive_tags};
use crate::error::{ApiError, FieldError};
use xingguang_db::vocab::Sex;

// Shared by every capability; kept importable from here for the registry's modules.
pub use crate::error::{conflict_on_duplicate, Errors};

/// An ID number, with the birth date and sex the form sent checked against it.
pub fn parse_id_number(errors: &mut Errors, raw: &str, sex: Option<Sex>, birth: Option<NaiveDate>) -> Option<NationalId> {
    let id = errors.check(NationalId::parse(raw).map_err(|e| FieldError::new("id_number", e.to_string())))?;
    if birth.is_some_and(|b| b != id.birth_date()) {
        errors.push("birth_date", format!("does not match the ID number, which says {}", id.birth_date()));
    }
    if sex.is_some_and(|s| s != id.sex()) {
        errors.push("sex", format!("does not match the ID number, which says {}", id.sex().as_str()));
    }
    Some(id)
}

/// Tags as stored: each once, in a fixed order.
pub fn normalise_tags(tags: &[Tag]) -> Vec<Tag> {
    let mut out = tags.to_vec();
    out.sort_by_key(|t| t.as_str());
    out.dedup();
    out
}

/// The household a form names, which must be in the caller's community.
pub async fn household_in(
    conn: &mut AsyncPgConnection,
    errors: &mut Errors,
    community_id: Uuid,
    id: Uuid,
) -> Result<Option<Household>, ApiError> {
    let found = Household::find(conn, Reach::Community(community_id), id).await.optional()?;
    if found.is_none() {
        errors.push("household_id", "no such household in this community");
    }
    Ok(found)
}

pub fn new_resident(errors: &mut Errors, community_id: Uuid, req: &CreateResidentRequest) -> Option<NewResident> {
    let name = errors.check(parse_name(&req.name));
    let id = parse_id_number(errors, &req.id_number, req.sex, req.birth_date);
    let phone = req.phone.as_deref().filter(|p| !p.trim().is_empty()).map(|p| errors.check(parse_phone("phone", p)));
    let (name, id) = (name?, id?);
    Some(resident_record(community_id, req.household_id, name, &id, phone.flatten(), req.relationship, &req.tags))
}

/// A resident row from already-parsed parts (the registry form and the import both build one).
pub fn resident_record(
    community_id: Uuid,
    household_id: Uuid,
    name: String,
    id: &NationalId,
    phone: Option<String>,
    relationship: Relationship,
    tags: &[Tag],
) -> NewResident {
    let (name_pinyin, name_initials) = pinyin_of(&name);
    NewResident {
        id: xingguang_db::new_id(),
        community_id,
        household_id,
        name,
        name_pinyin,
        name_initials,
        sex: id.sex(),
        birth_date: id.birth_date(),
        id_number: id.as_str().into(),
        phone: phone.map(Into::into),
        relationship,
        tags: normalise_tags(tags),
    }
}

/// The changes a request asks for, and the names of the fields it touches (for the audit log).
pub fn resident_changes(errors: &mut Errors, req: &UpdateResidentRequest) -> (ResidentChanges, Vec<&'static str>) {
    let mut changes = ResidentChanges::default();
    let mut fields = Vec::new();
    if let Some(name) = &req.name {
        if let Some(name) = errors.check(parse_name(name)) {
            let (pinyin, initials) = pinyin_of(&name);
            changes.name = Some(name);
            changes.name_pinyin = Some(pinyin);
            changes.name_initials = Some(initials);
            fields.push("name");
        }
    }
    if let Some(raw) = &req.id_number {
        if let Some(id) = parse_id_number(errors, raw, None, None) {
            changes.sex = Some(id.sex());
            changes.birth_date = Some(id.birth_date());
            changes.id_number = Some(id.as_str().into());
            fields.extend(["id_number", "sex", "birth_date"]);
        }
    }
    if let Some(phone) = &req.phone {
        changes.phone = Some(match phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => errors.check(parse_phone("phone", p)).map(Into::into),
            None => None,
        });
        fields.push("phone");
    }
    if let Some(household) = req.household_id {
        changes.household_id = Some(household);
        fields.push("household_id");
    }
    if let Some(relationship) = req.relationship {
        changes.relationship = Some(relationship);
        fields.push("relationship");
    }
    if let Some(tags) = &req.tags {
        changes.tags = Some(normalise_tags(tags));
        fields.push("tags");
    }
    (changes, fields)
}

/// The shortest and longest ID-number tail staff may search by: enough to tell residents apart
/// at the counter, never the whole number (which would make search an oracle for it).
pub const ID_SUFFIX_DIGITS: std::ops::RangeInclusive<usize> = 4..=6;

/// Reads the list filters; ages become birth-date bounds as of `today`. A filter on a sensitive
/// tag by a caller who may not see it is refused with 403, and only staff search ID-number
/// digits, so a filter can never tell what the list hides.
pub fn resident_filter(query: &ResidentQuery, today: NaiveDate, role: Role) -> Result<ResidentFilter, ApiError> {
    use chrono::Months;
    let mut errors = Errors::default();
    let mut filter = ResidentFilter { group_id: query.group_id, household_id: query.household_id, ..Default::default() };
    for (field, age) in [("min_age", query.min_age), ("max_age", query.max_age)] {
        if age.is_some_and(|a| !(0..=150).contains(&a)) {
            errors.push(field, "must be between 0 and 150");
        }
    }
    if let (Some(min), Some(max)) = (query.min_age, query.max_age) {
        if min > max {
            errors.push("max_age", "must not be below min_age");
        }
    }
    let years_ago = |years: i32| today.checked_sub_months(Months::new(12 * years.clamp(0, 150) as u32));
    filter.born_on_or_before = query.min_age.and_then(years_ago);
    filter.born_after = query.max_age.and_then(|a| years_ago(a + 1));
    if let Some(tags) = &query.tags {
        for tag in tags.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            match Tag::parse(tag) {
                Some(tag) if tag.is_sensitive() && !sees_sensitive_tags(role) => {
                    return Err(ApiError::forbidden(format!("You may not filter by the tag {tag}.")));
                }
                Some(tag) => filter.tags.push(tag),
                None => errors.push("tags", format!("unknown tag {tag:?}")),
            }
        }
    }
    filter.status = match query.status.as_deref() {
        None | Some("") => Some(ResidentStatus::Active),
        Some("all") => None,
        Some(s) => match ResidentStatus::parse(s) {
            Some(status) => Some(status),
            None => {
                errors.push("status", "must be active, moved_out, deceased or all");
                None
            }
        },
    };
    if let Some(q) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        if q.chars().count() > 50 {
            errors.push("q", "must be at most 50 characters");
        }
        filter.search = Some(match classify_search(q) {
            // Only staff search ID numbers; for others digits are part of an address (门牌号).
            Search::IdSuffix(_) if role != Role::Staff => Search::Address(q.to_owned()),
            Search::IdSuffix(digits) => {
                if !ID_SUFFIX_DIGITS.contains(&digits.len()) {
                    errors.push("q", "to search ID numbers, give their last 4–6 characters");
                }
                Search::IdSuffix(digits)
            }
            other => other,
        });
    }
    errors.finish()?;
    Ok(filter)
}

/// Digits (with an optional final X) search ID numbers; Latin letters search pinyin; text
/// with an address word (路, 街, 幢, 单元, 室, 号) searches addresses; other text searches names.
pub fn classify_search(q: &str) -> Search {
    let q = q.trim();
    let id_like = q.len() <= 18
        && !q.is_empty()
        && q.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || (i == q.len() - 1 && (c == 'x' || c == 'X')));
    if id_like {
        Search::IdSuffix(q.to_uppercase())
    } else if q.chars().all(|c| c.is_ascii_alphabetic()) {
        Search::Pinyin(q.to_lowercase())
    } else if ["路", "街", "巷", "幢", "单元", "單元", "室", "号", "號"].iter().any(|w| q.contains(w))
        || q.chars().any(|c| c.is_ascii_digit())
    {
        Search::Address(q.to_owned())
    } else {
        Search::Name(q.to_owned())
    }
}

/// A leader for a group must be a `group_leader` of the same community.
pub async fn check_leader(
    conn: &mut AsyncPgConnection,
    errors: &mut Errors,
    community_id: Uuid,
    leader: Option<Uuid>,
) -> Result<(), ApiError> {
    if let Some(id) = leader {
        let user = User::find(conn, id).await.optional()?;
        if !user.is_some_and(|u| u.community_id == community_id && u.role == Role::GroupLeader) {
            errors.push("leader_user_id", "must be a group leader of this community");
        } else if ResidentGroup::led_by(conn, id).await?.is_some() {
            errors.push("leader_user_id", "already leads another group");
        }
    }
    Ok(())
}
