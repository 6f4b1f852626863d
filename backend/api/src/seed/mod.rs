//! Demo data: the Xingguang community as the work summary describes it, one login per role, and
//! a synthetic registry (see [`registry`]). Idempotent: running it again adds only what is
//! missing. Demo-only passwords; never seed a production database.

pub mod assistance;
pub mod duty;
pub mod events;
pub mod help_requests;
pub mod partners;
pub mod registry;
pub mod teams;

use chrono::Datelike;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use xingguang_db::models::community::{Community, NewCommunity};
use xingguang_db::models::resident_group::{NewResidentGroup, ResidentGroup};
use xingguang_db::models::user::{NewUser, Role, User};

use crate::auth::domain::hash_password;

pub const DEMO_PASSWORD: &str = "xingguang";
pub const DEMO_COMMUNITY: &str = "星光社区";

/// (username, display name, role)
pub const DEMO_USERS: [(&str, &str, Role); 4] = [
    ("staff", "王丽（社区工作人员）", Role::Staff),
    ("leader", "李建国（第一居民小组组长）", Role::GroupLeader),
    ("resident", "张秀英（居民）", Role::Resident),
    ("partner", "县工商银行（共建单位）", Role::Partner),
];

/// How big a registry to generate.
#[derive(Debug, Clone, Copy)]
pub struct SeedSize {
    pub households: usize,
    pub residents: usize,
}

impl Default for SeedSize {
    fn default() -> Self {
        SeedSize { households: registry::DEFAULT_HOUSEHOLDS, residents: registry::DEFAULT_RESIDENTS }
    }
}

impl SeedSize {
    /// `residents` people in households of the demo's average size.
    pub fn residents(residents: usize) -> Self {
        let households = (residents * registry::DEFAULT_HOUSEHOLDS).div_ceil(registry::DEFAULT_RESIDENTS).max(1);
        SeedSize { households, residents }
    }
}

#[derive(Debug, Default)]
pub struct SeedReport {
    pub community_created: bool,
    pub users_created: Vec<String>,
    pub households_created: usize,
    pub residents_created: usize,
    pub partners_created: bool,
    pub duty_roster_created: bool,
}

/// Seeds everything in one transaction: a failed seed leaves nothing behind.
pub async fn seed_demo(conn: &mut AsyncPgConnection) -> anyhow::Result<SeedReport> {
    seed_demo_sized(conn, SeedSize::default()).await
}

pub async fn seed_demo_sized(conn: &mut AsyncPgConnection, size: SeedSize) -> anyhow::Result<SeedReport> {
    let report = conn
        .transaction::<_, anyhow::Error, _>(async |conn| {
            let mut report = seed(conn, size).await?;
            // After the registry, so the leaders lead their groups.
            if let (Some(community), Some(staff)) =
                (Community::find_by_name(conn, DEMO_COMMUNITY).await?, User::find_by_username(conn, "staff").await?)
            {
                let today = crate::common::clock::Clock::system().today();
                report.duty_roster_created = duty::seed(conn, community.id, staff.id, today).await?;
                events::seed(conn, community.id, staff.id, today).await?;
                teams::seed(conn, community.id, staff.id, today).await?;
                assistance::seed(conn, community.id, &staff, today).await?;
                help_requests::seed(conn, community.id, &staff, today).await?;
            }
            Ok(report)
        })
        .await?;
    if report.residents_created > 0 {
        // Fresh planner statistics, so the first queries after a bulk load use the indexes.
        diesel_async::RunQueryDsl::execute(diesel::sql_query("ANALYZE resident_groups, households, residents"), conn).await?;
    }
    Ok(report)
}

async fn seed(conn: &mut AsyncPgConnection, size: SeedSize) -> anyhow::Result<SeedReport> {
    let mut report = SeedReport::default();
    let community = match Community::find_by_name(conn, DEMO_COMMUNITY).await? {
        Some(community) => community,
        None => {
            report.community_created = true;
            Community::insert(
                conn,
                &NewCommunity {
                    id: xingguang_db::new_id(), name: DEMO_COMMUNITY, province: "浙江省", city: "金华市", county: "武义县"
                },
            )
            .await?
        }
    };
    // One hash for every demo login: they share the demo password, and hashing is slow on purpose.
    let password_hash = hash_password(DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut leaders = Vec::new();
    let extra_leaders: Vec<(String, String)> =
        (2..=registry::GROUPS).map(|n| (format!("leader{n:02}"), format!("第{}居民小组组长", registry::chinese_number(n)))).collect();
    let all_users = DEMO_USERS
        .iter()
        .map(|(u, d, r)| ((*u).to_owned(), (*d).to_owned(), *r))
        .chain(extra_leaders.into_iter().map(|(u, d)| (u, d, Role::GroupLeader)));
    for (username, display_name, role) in all_users {
        let user = match User::find_by_username(conn, &username).await? {
            Some(user) => user,
            None => {
                report.users_created.push(username.clone());
                let new = NewUser {
                    id: xingguang_db::new_id(),
                    community_id: community.id,
                    username: &username,
                    display_name: &display_name,
                    password_hash: &password_hash,
                    role,
                };
                User::insert(conn, &new).await?
            }
        };
        if role == Role::GroupLeader {
            leaders.push(user);
        }
    }

    if let Some(staff) = User::find_by_username(conn, "staff").await? {
        let partner_user = User::find_by_username(conn, "partner").await?;
        report.partners_created = partners::seed(conn, community.id, &staff, partner_user.as_ref()).await?;
    }

    if ResidentGroup::find_by_number(conn, community.id, 1).await?.is_some() {
        return Ok(report); // the registry is there already
    }
    let mut group_ids = Vec::new();
    for number in 1..=registry::GROUPS {
        let name = format!("第{}居民小组", registry::chinese_number(number));
        let group = ResidentGroup::insert(
            conn,
            &NewResidentGroup {
                id: xingguang_db::new_id(),
                community_id: community.id,
                number: number as i32,
                name: &name,
                leader_user_id: leaders.get(number - 1).map(|u| u.id),
            },
        )
        .await?;
        group_ids.push(group.id);
    }
    let mut generated =
        registry::generate(community.id, &group_ids, size.households, size.residents, crate::common::clock::Clock::system().today());
    // The demo resident 张秀英 lives in group 1: an older woman there if there is one.
    let group_one: std::collections::HashSet<uuid::Uuid> =
        generated.households.iter().filter(|h| Some(&h.group_id) == group_ids.first()).map(|h| h.id).collect();
    let chosen = generated
        .residents
        .iter()
        .filter(|r| group_one.contains(&r.household_id))
        .min_by_key(|r| (r.sex != xingguang_db::vocab::Sex::Female, r.birth_date.year() >= 1970))
        .map(|r| r.id);
    if let Some(resident) = generated.residents.iter_mut().find(|r| Some(r.id) == chosen) {
        resident.name = "张秀英".to_owned();
        (resident.name_pinyin, resident.name_initials) = crate::registry::domain::pinyin_of("张秀英");
    }
    registry::insert(conn, &generated).await?;
    report.households_created = generated.households.len();
    report.residents_created = generated.residents.len();
    if let (Some(resident_user), Some(resident)) =
        (User::find_by_username(conn, "resident").await?, generated.residents.iter().find(|r| r.name == "张秀英"))
    {
        User::link_resident(conn, resident_user.id, resident.id).await?;
    }
    Ok(report)
}
