//! The square in front of the county ICBC branch, which the bank lends for the nightly
//! activity: where it is and the hours the two leaders on duty keep order there. The duty roster,
//! its reminders and the calendar feeds all speak of it.

use chrono::NaiveTime;

pub const SQUARE: &str = "县工商银行门前广场";

/// When the square's evening runs (the duty hours).
pub const DUTY_START: NaiveTime = match NaiveTime::from_hms_opt(19, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};
pub const DUTY_END: NaiveTime = match NaiveTime::from_hms_opt(21, 30, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};
