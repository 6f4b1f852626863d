//! Demo teams: the four amateur teams of the work summary, with members drawn from the registry
//! (the demo resident dances with 民众文艺活动队 and leads 纸扇队), open join requests, the sound system the
//! community bought (3,000+ yuan) and the speakers a partner pledged.

use chrono::{NaiveDate, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;
use xingguang_db::models::pledge::{Pledge, PledgeFilter};
use xingguang_db::models::resident::{Resident, ResidentFilter};
use xingguang_db::models::team::{Equipment, Membership, Team};
use xingguang_db::models::user::User;
use xingguang_db::pagination::PageRequest;
use xingguang_db::reach::Reach;
use xingguang_db::vocab::{MembershipStatus, PledgeStatus, ResidentStatus, SupportKind};

const TEAMS: [(&str, &str, &str); 4] = [
    ("民众文艺活动队", "广场舞、排舞和文艺演出，逢年过节为居民表演。", "每晚 19:00–21:00 县工商银行门前广场"),
    ("腰鼓队", "腰鼓表演，参加县里的节庆活动。", "每周二、四、六 19:00–20:30 广场东侧"),
    ("健身球队", "柔力球、健身球，适合中老年人。", "每晚 19:30–21:00 广场西侧"),
    ("纸扇队", "扇子舞，动作舒缓。", "每周一、三、五 19:00–20:30 广场北侧"),
];

/// Seeds the teams unless the community has some.
pub async fn seed(conn: &mut AsyncPgConnection, community_id: Uuid, staff: Uuid, today: NaiveDate) -> anyhow::Result<()> {
    if !Team::all(conn, community_id).await?.is_empty() {
        return Ok(());
    }
    let filter = ResidentFilter { status: Some(ResidentStatus::Active), ..Default::default() };
    let page = Resident::list(conn, Reach::Community(community_id), &filter, PageRequest { limit: 100, after: None }).await?;
    let people: Vec<Uuid> = page.items.iter().map(|r| r.resident.id).collect();
    let demo_resident = User::find_by_username(conn, "resident").await?.and_then(|u| u.resident_id);
    let now = Utc::now();
    let decided = (today - chrono::Duration::days(60)).and_hms_opt(12, 0, 0).map(|t| t.and_utc()).unwrap_or(now);
    let membership = |team_id, resident_id, status| Membership {
        id: xingguang_db::new_id(),
        community_id,
        team_id,
        resident_id,
        status,
        requested_by: staff,
        decided_by: (status == MembershipStatus::Member).then_some(staff),
        decided_at: (status == MembershipStatus::Member).then_some(decided),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let mut team_ids = Vec::new();
    for (i, (name, description, schedule)) in TEAMS.iter().enumerate() {
        // Ten to fifteen members each, from different stretches of the registry.
        let mut members: Vec<Uuid> = people.iter().skip(20 + i * 18).take(10 + i).copied().filter(|p| Some(*p) != demo_resident).collect();
        // The demo resident leads 纸扇队, so the leader's side can be tried with a demo login.
        if let (3, Some(me)) = (i, demo_resident) {
            members.insert(0, me);
        }
        let team = Team::insert(
            conn,
            &Team {
                id: xingguang_db::new_id(),
                community_id,
                name: (*name).to_owned(),
                description: (*description).to_owned(),
                practice_schedule: (*schedule).to_owned(),
                leader_resident_id: members.first().copied(),
                version: 1,
                created_at: now,
                updated_at: now,
            },
        )
        .await?;
        for resident in &members {
            Membership::insert(conn, &membership(team.id, *resident, MembershipStatus::Member)).await?;
        }
        team_ids.push(team.id);
    }
    if let Some(me) = demo_resident {
        Membership::insert(conn, &membership(team_ids[0], me, MembershipStatus::Member)).await?;
    }
    // Someone waiting for the 腰鼓队's leader (or staff) to answer, and one for the demo
    // resident's 纸扇队.
    for (team, who) in [(1, 5), (3, 6)] {
        if let Some(waiting) = people.get(who).copied().filter(|p| Some(*p) != demo_resident) {
            Membership::insert(conn, &membership(team_ids[team], waiting, MembershipStatus::Requested)).await?;
        }
    }
    let equipment = |team_id, name: &str, value_yuan, pledge_id, note: &str| Equipment {
        id: xingguang_db::new_id(),
        community_id,
        team_id,
        name: name.to_owned(),
        value_yuan,
        pledge_id,
        note: note.to_owned(),
        created_at: now,
    };
    Equipment::insert(conn, &equipment(team_ids[0], "广场音响设备（一套）", Some(3200), None, "社区出资购置，由文艺队保管。")).await?;
    Equipment::insert(conn, &equipment(team_ids[1], "腰鼓 20 面", Some(1600), None, "")).await?;
    let accepted = PledgeFilter { status: Some(PledgeStatus::Accepted), ..Default::default() };
    let pledges = Pledge::list(conn, community_id, &accepted, PageRequest { limit: 50, after: None }).await?;
    if let Some(speakers) = pledges.items.iter().find(|p| p.pledge.kind == SupportKind::Goods) {
        Equipment::insert(conn, &equipment(team_ids[2], "便携式音箱 2 台", None, Some(speakers.pledge.id), "共建单位捐赠。")).await?;
    }
    Ok(())
}
