//! Registry figures within the caller's reach.

use actix_web::{get, web, HttpResponse};
use xingguang_db::models::resident::RegistryStats;
use xingguang_db::models::resident_group::ResidentGroup;
use xingguang_db::reach::Reach;

use super::dto::*;
use crate::auth::extract::{Authed, Community};
use crate::common::pii::sees_sensitive_tags;
use crate::common::reach::reach;
use crate::error::ApiResult;
use crate::state::AppState;

/// Registry figures
///
/// Households and active residents, by age band (0–17, 18–59, 60–69, 70–79, 80+), by tag and by
/// group, within the caller's reach.
///
/// **Roles:** staff, group_leader (own group), resident (own household).
#[utoipa::path(
    tag = "registry",
    operation_id = "get_registry_stats",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The figures.", body = RegistryStatsDto),
        (status = 403, description = "Partners have no access to the registry."),
    )
)]
#[get("/registry/stats")]
pub async fn get_registry_stats(user: Authed<Community>, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let reach = reach(&user);
    let mut conn = state.conn().await?;
    let stats = RegistryStats::load(&mut conn, reach, state.clock.today()).await?;
    // Names and leaders come from the groups table; the counts from the one pass above.
    let groups: Vec<GroupDto> = match reach {
        Reach::Community(c) => ResidentGroup::listed(&mut conn, c, None).await?,
        Reach::Group { community_id, group_id } => ResidentGroup::listed(&mut conn, community_id, Some(group_id)).await?,
        _ => Vec::new(),
    }
    .into_iter()
    .map(|(group, leader_name)| {
        let (households, residents) = stats.groups.iter().find(|(id, _, _)| *id == group.id).map_or((0, 0), |(_, h, r)| (*h, *r));
        GroupDto::from(xingguang_db::models::resident_group::GroupSummary { group, leader_name, households, residents })
    })
    .collect();
    let sensitive = sees_sensitive_tags(user.role());
    Ok(HttpResponse::Ok().json(RegistryStatsDto {
        households: stats.households,
        residents: stats.residents,
        age_bands: stats.age_bands.into_iter().map(|(key, count)| CountDto { key: key.to_owned(), count }).collect(),
        tags: stats
            .tags
            .into_iter()
            .filter(|(tag, _)| sensitive || !tag.is_sensitive())
            .map(|(tag, count)| CountDto { key: tag.as_str().to_owned(), count })
            .collect(),
        groups,
    }))
}
