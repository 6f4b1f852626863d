//! Personal data (PIPL): masking for display, phone parsing, who sees the sensitive tags, and
//! the one way to reveal a full value — a stated reason, written to the audit log before the
//! answer is sent.

use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;
use xingguang_db::models::user::Role;

use crate::audit::AuditEvent;
use crate::auth::extract::{Authed, RoleSet};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::http::RequestCtx;

pub use super::national_id::mask_id_number;

/// Masks a phone number: `138****5678` for mobiles, `0579*****4321` for landlines.
pub fn mask_phone(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    match chars.len() {
        0..=4 => "*".repeat(chars.len()),
        n => {
            // Mobiles keep 3 (138****5678), landlines up to their area code; always some stars.
            let keep_head = ((n - 4) / 2).min(4);
            let head: String = chars[..keep_head].iter().collect();
            let tail: String = chars[n - 4..].iter().collect();
            format!("{head}{}{tail}", "*".repeat(n - 4 - keep_head))
        }
    }
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

/// Staff see every tag; others do not see the sensitive ones (disability, 低保).
pub fn sees_sensitive_tags(role: Role) -> bool {
    role == Role::Staff
}

/// Why the full values are needed; kept in the audit log.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevealRequest {
    #[schema(min_length = 4, max_length = 200, example = "办理老年优待证需核对身份证号")]
    pub reason: String,
}

impl RevealRequest {
    /// The stated reason, trimmed; every reveal of personal data needs one (422 otherwise).
    pub fn reason(&self) -> ApiResult<&str> {
        let reason = self.reason.trim();
        if !(4..=200).contains(&reason.chars().count()) {
            return Err(ApiError::validation(vec![FieldError::new("reason", "state why you need the full values (4–200 characters)")]));
        }
        Ok(reason)
    }
}

/// Records that `caller` saw the full `fields` of one record, with the reason. The reveal must
/// only be answered after this returns `Ok` (it runs on the caller's connection, so a failure to
/// audit is a failure to reveal).
pub async fn audit_reveal<R: RoleSet>(
    conn: &mut diesel_async::AsyncPgConnection,
    caller: &Authed<R>,
    ctx: &RequestCtx,
    (action, entity): (&'static str, &'static str),
    id: Uuid,
    fields: &[&'static str],
    reason: &str,
) -> ApiResult<()> {
    AuditEvent::new(action, entity).by(caller).entity(id).fields(fields).detail(json!({ "reason": reason })).write(conn, ctx).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_keep_only_what_identifies_the_kind_of_number() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0579-87654321"), "0579*****4321");
        assert_eq!(mask_phone("123"), "***");
    }
}
