//! The day-before duty reminder: from 09:00 (Asia/Shanghai) each leader on duty tomorrow night is
//! told in the app, and a `duty.reminder` outbox event is recorded for an SMS or WeChat gateway
//! to send later. Every API instance runs the loop; a reminder's `cause` is unique per person,
//! so however many instances or runs, each leader is told once per night (and once more if a
//! swap hands them a night).

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Timelike, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use xingguang_db::models::duty::DutyAssignment;
use xingguang_db::vocab::{EventType, NotificationKind};

use crate::common::clock::CHINA;
use crate::common::notify::{notify, Message};
use crate::common::outbox;
use crate::common::square::{DUTY_END, DUTY_START, SQUARE};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

pub const REMIND_EVERY: Duration = Duration::from_secs(600);
/// Not at midnight: people are asleep. Reminders for tomorrow go out from this local hour on.
pub const REMIND_FROM_HOUR: u32 = 9;

/// Sends the reminders due at `now`; returns how many leaders were told for the first time.
pub async fn send_due(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> ApiResult<usize> {
    let local = now.with_timezone(&CHINA);
    if local.hour() < REMIND_FROM_HOUR {
        return Ok(0);
    }
    let Some(tomorrow) = local.date_naive().succ_opt() else { return Ok(0) };
    let rows = DutyAssignment::scheduled_on(conn, tomorrow).await?;
    let mut told = 0;
    for (a, name) in &rows {
        let partners: Vec<&str> =
            rows.iter().filter(|(b, _)| b.community_id == a.community_id && b.id != a.id).map(|(_, n)| n.as_str()).collect();
        let with = if partners.is_empty() { String::new() } else { format!("，与{}一起", partners.join("、")) };
        let title = format!("明晚您在广场值班（{}）", tomorrow.format("%-m月%-d日"));
        let body = format!("{}–{}{with}。如不能到岗，请在“我的值班”里找人换班。", DUTY_START.format("%H:%M"), DUTY_END.format("%H:%M"));
        let cause = format!("duty_reminder:{}", a.id);
        let message = Message { kind: NotificationKind::DutyReminder, title: &title, body: &body, link: "/duty/mine", cause: &cause };
        let new = conn
            .transaction::<_, ApiError, _>(async |conn| {
                let new = notify(conn, a.community_id, &[a.leader_user_id], &message).await?;
                if new > 0 {
                    let data = json!({
                        "assignment_id": a.id,
                        "leader_user_id": a.leader_user_id,
                        "leader_name": name,
                        "night": tomorrow,
                        "place": SQUARE,
                        "text": format!("{title}：{body}"),
                    });
                    outbox::record(conn, a.community_id, EventType::DutyReminder, data).await?;
                }
                Ok(new)
            })
            .await?;
        told += new;
    }
    Ok(told)
}

/// Every [`REMIND_EVERY`], for as long as the server runs.
pub async fn run(state: Arc<AppState>) {
    loop {
        match state.conn().await {
            Ok(mut conn) => match send_due(&mut conn, state.clock.now()).await {
                Ok(0) => {}
                Ok(n) => log::info!("duty reminders: {n} leaders told"),
                Err(e) => log::warn!("duty reminders failed: {e}"),
            },
            Err(e) => log::warn!("duty reminders: no connection: {e}"),
        }
        tokio::time::sleep(REMIND_EVERY).await;
    }
}
