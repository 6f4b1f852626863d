//! How much of a community's registry a caller may see. Applied inside every registry query, so
//! a row outside the caller's reach is never loaded and answers 404, not 403.

use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Staff: the whole community.
    Community(Uuid),
    /// A group leader: the households of their group.
    Group { community_id: Uuid, group_id: Uuid },
    /// A resident: their own household.
    Household { community_id: Uuid, household_id: Uuid },
    /// Nothing (a leader without a group, a resident without a record).
    Nothing,
}

impl Reach {
    pub fn community_id(&self) -> Option<Uuid> {
        match *self {
            Reach::Community(c) | Reach::Group { community_id: c, .. } | Reach::Household { community_id: c, .. } => Some(c),
            Reach::Nothing => None,
        }
    }
}
