//! Rules of events: who gets a place, and the personal check-in code.

use uuid::Uuid;
use xingguang_db::vocab::RegistrationStatus;

/// A new registration's status: a place while places are left, else the waiting list.
pub fn placement(capacity: i32, places_taken: i64) -> RegistrationStatus {
    if places_taken < i64::from(capacity) {
        RegistrationStatus::Registered
    } else {
        RegistrationStatus::Waitlisted
    }
}

/// The personal code a resident's phone shows as a QR code at the door: the resident's id and a
/// keyed tag (the blind-index key), so a code cannot be made up for someone else. It never
/// changes, so a printed card works too.
pub fn check_in_code(resident_id: Uuid) -> Result<String, xingguang_db::sealed::SealError> {
    let tag = xingguang_db::sealed::keyring()?.blind_index("check_in", &resident_id.to_string());
    let hex: String = tag.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Ok(format!("XG1-{}-{hex}", resident_id.simple()))
}

/// The resident a code names, if the code is genuine.
pub fn read_check_in_code(code: &str) -> Option<Uuid> {
    let rest = code.trim().strip_prefix("XG1-")?;
    let (id, _) = rest.split_once('-')?;
    let resident = Uuid::try_parse(id).ok()?;
    (check_in_code(resident).ok()? == code.trim()).then_some(resident)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_go_first_come_then_the_waiting_list() {
        assert_eq!(placement(2, 0), RegistrationStatus::Registered);
        assert_eq!(placement(2, 1), RegistrationStatus::Registered);
        assert_eq!(placement(2, 2), RegistrationStatus::Waitlisted);
    }
}
