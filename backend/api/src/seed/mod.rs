//! Demo data: the Xingguang community as the work summary describes it, and one login per role.
//! Idempotent: running it again adds only what is missing. Demo-only passwords; never seed a
//! production database.

use diesel_async::AsyncPgConnection;
use xingguang_db::models::community::{Community, NewCommunity};
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

#[derive(Debug, Default)]
pub struct SeedReport {
    pub community_created: bool,
    pub users_created: Vec<&'static str>,
}

pub async fn seed_demo(conn: &mut AsyncPgConnection) -> anyhow::Result<SeedReport> {
    let mut report = SeedReport::default();
    let community = match Community::find_by_name(conn, DEMO_COMMUNITY).await? {
        Some(community) => community,
        None => {
            report.community_created = true;
            Community::insert(
                conn,
                &NewCommunity {
                    id: xingguang_db::new_id(),
                    name: DEMO_COMMUNITY,
                    province: "浙江省",
                    city: "金华市",
                    county: "武义县",
                },
            )
            .await?
        }
    };
    let password_hash = hash_password(DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    for (username, display_name, role) in DEMO_USERS {
        if User::find_by_username(conn, username).await?.is_none() {
            User::insert(
                conn,
                &NewUser {
                    id: xingguang_db::new_id(),
                    community_id: community.id,
                    username,
                    display_name,
                    password_hash: &password_hash,
                    role,
                },
            )
            .await?;
            report.users_created.push(username);
        }
    }
    Ok(report)
}
