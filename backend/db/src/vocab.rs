//! Every status and kind column as a Rust enum: the vocabularies of the platform.
//!
//! Each is stored as `text` (with a CHECK constraint in its migration) and declared once with
//! [`text_enum!`], which gives it serde, utoipa (`ToSchema`: a string union in the spec and the
//! SPA's types) and diesel (`ToSql`/`FromSql` for `Text`) from one list of variant ↔ text pairs.
//! A stored value the code does not know is a deserialisation error, never a silent default.

/// Declares a text-backed enum: `Variant = "text"` pairs, with doc comments on either. (The
/// text is matched as a token tree, not a `literal` fragment: a `literal` reaches derive macros
/// wrapped in an invisible group, and utoipa then ignores the `serde(rename)`.)
///
/// Generates `ALL`, `as_str`, `parse` (`None` for unknown text), `Display`, serde (as the text),
/// `ToSchema` (a string enum) and diesel `Text` conversions (arrays of it work too).
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:tt ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and serialised text.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// `None` for text that names no value.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let s = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(bytes)?;
                $name::parse(&s).ok_or_else(|| format!("unknown {} {s:?}", stringify!($name)).into())
            }
        }
    };
}

text_enum! {
    /// The four kinds of user.
    pub enum Role {
        /// A registered resident: their own household and requests.
        Resident = "resident",
        /// A resident-group leader (居民组长): the residents of their own group.
        GroupLeader = "group_leader",
        /// Community office staff (社区工作人员): everything in their own community.
        Staff = "staff",
        /// A partner unit (共建单位): community needs and their own pledges.
        Partner = "partner",
    }
}

text_enum! {
    /// Sex as recorded in the ID number.
    pub enum Sex {
        Male = "male",
        Female = "female",
    }
}

text_enum! {
    /// How a resident is related to the head of their household.
    pub enum Relationship {
        Head = "head",
        Spouse = "spouse",
        Child = "child",
        Parent = "parent",
        Grandchild = "grandchild",
        Sibling = "sibling",
        Other = "other",
    }
}

text_enum! {
    /// Registry tags. `disabled` and `dibao` are sensitive personal data (PIPL Art. 28): only
    /// staff see them, and only staff may filter by them.
    pub enum Tag {
        /// Holds a disability certificate (残疾人).
        Disabled = "disabled",
        /// Receives the minimum living allowance (低保).
        Dibao = "dibao",
        /// Member of the Communist Party of China (党员).
        PartyMember = "party_member",
        /// Lives alone (独居).
        LivingAlone = "living_alone",
        /// Veteran (退役军人).
        Veteran = "veteran",
        /// A resident-group cadre, serving or retired (居民小组干部): visited at festivals from 70.
        Cadre = "cadre",
    }
}

impl Tag {
    pub fn is_sensitive(self) -> bool {
        matches!(self, Tag::Disabled | Tag::Dibao)
    }
}

text_enum! {
    /// Whether a resident is still registered here.
    pub enum ResidentStatus {
        Active = "active",
        /// Moved out; the record is kept.
        MovedOut = "moved_out",
        Deceased = "deceased",
    }
}

text_enum! {
    /// What kind of organisation a partner unit is.
    pub enum PartnerKind {
        Enterprise = "enterprise",
        Bank = "bank",
        School = "school",
        Government = "government",
        SocialOrganization = "social_organization",
        Hospital = "hospital",
        Other = "other",
    }
}

text_enum! {
    /// Whether a partner unit takes part (inactive units cannot pledge or call the API).
    pub enum PartnerStatus {
        Active = "active",
        Inactive = "inactive",
    }
}

text_enum! {
    /// The four kinds of support a partner can pledge. Each has its own measure, used for
    /// progress: money in fen, goods in pieces, a venue in time slots, volunteer time in
    /// person-hours.
    pub enum SupportKind {
        Money = "money",
        Goods = "goods",
        Venue = "venue",
        VolunteerTime = "volunteer_time",
    }
}

text_enum! {
    /// What a need asks for.
    pub enum NeedCategory {
        Money = "money",
        Venue = "venue",
        Equipment = "equipment",
        Volunteers = "volunteers",
        Services = "services",
    }
}

impl NeedCategory {
    /// The kind of pledge that answers this need (services are given as volunteer time).
    pub fn support_kind(self) -> SupportKind {
        match self {
            NeedCategory::Money => SupportKind::Money,
            NeedCategory::Venue => SupportKind::Venue,
            NeedCategory::Equipment => SupportKind::Goods,
            NeedCategory::Volunteers | NeedCategory::Services => SupportKind::VolunteerTime,
        }
    }

    /// The unit of the target; equipment names its own (台, 套, 件 …).
    pub fn fixed_unit(self) -> Option<&'static str> {
        match self {
            NeedCategory::Money => Some("fen"),
            NeedCategory::Venue => Some("slot"),
            NeedCategory::Volunteers | NeedCategory::Services => Some("person_hour"),
            NeedCategory::Equipment => None,
        }
    }
}

text_enum! {
    /// Where a need stands.
    pub enum NeedStatus {
        Open = "open",
        Met = "met",
        Closed = "closed",
    }
}

text_enum! {
    /// Where a pledge stands.
    pub enum PledgeStatus {
        Submitted = "submitted",
        Accepted = "accepted",
        Declined = "declined",
        Withdrawn = "withdrawn",
        Fulfilled = "fulfilled",
    }
}

text_enum! {
    /// Webhook events. Partners subscribe to all but `webhook.test`, which goes to one endpoint
    /// when its partner asks for a test.
    pub enum EventType {
        PledgeAccepted = "pledge.accepted",
        PledgeDeclined = "pledge.declined",
        PledgeFulfilled = "pledge.fulfilled",
        NeedPublished = "need.published",
        WebhookTest = "webhook.test",
        /// A leader is on duty tomorrow night: for an SMS or WeChat gateway, never for partners
        /// (it names a person).
        DutyReminder = "duty.reminder",
        /// A help request passed its resolution time: for the community's own gateway (SMS to the
        /// director), never for partners (it names a resident's matter).
        RequestEscalated = "help_request.escalated",
    }
}

impl EventType {
    pub fn is_subscribable(self) -> bool {
        !matches!(self, EventType::WebhookTest | EventType::DutyReminder | EventType::RequestEscalated)
    }
}

text_enum! {
    /// Where one event's delivery to one endpoint stands.
    pub enum DeliveryStatus {
        Pending = "pending",
        Delivered = "delivered",
        Failed = "failed",
    }
}

text_enum! {
    /// The file format of an import or export.
    pub enum FileFormat {
        Csv = "csv",
        Xlsx = "xlsx",
    }
}

text_enum! {
    /// Where a registry import stands.
    pub enum ImportStatus {
        /// Being checked (and applied).
        Running = "running",
        /// A dry run found no errors; nothing was written.
        Validated = "validated",
        /// Every row was written.
        Imported = "imported",
        /// Rows had errors (or the server failed); nothing was written.
        Failed = "failed",
        /// The server running it stopped before it finished; nothing was written. Safe to run again.
        Interrupted = "interrupted",
    }
}

text_enum! {
    /// What a background job does.
    pub enum JobKind {
        RegistryImport = "registry_import",
    }
}

text_enum! {
    /// Where a background job stands.
    pub enum JobState {
        Running = "running",
        Succeeded = "succeeded",
        Failed = "failed",
        /// Its holder stopped (crashed or was killed) before it finished.
        Interrupted = "interrupted",
    }
}

text_enum! {
    /// How a duty assignment came about.
    pub enum DutySource {
        /// Made by the roster generator.
        Generated = "generated",
        /// Set by staff (locked: regeneration keeps it).
        Manual = "manual",
        /// Taken over from another leader.
        Swap = "swap",
    }
}

text_enum! {
    /// What became of a duty assignment.
    pub enum DutyStatus {
        Scheduled = "scheduled",
        /// The evening was recorded with this leader present.
        Served = "served",
        /// The leader did not come; counted in the ledger.
        NoShow = "no_show",
        /// The evening was called off (e.g. rain): neither served nor missed.
        Cancelled = "cancelled",
    }
}

text_enum! {
    /// Where a duty swap stands.
    pub enum SwapStatus {
        /// A leader offers their night.
        Offered = "offered",
        /// Another leader took it; staff decide (a rule was not met).
        Taken = "taken",
        /// The night moved to the leader who took it.
        Approved = "approved",
        Rejected = "rejected",
        /// The offer was taken back.
        Withdrawn = "withdrawn",
    }
}

text_enum! {
    /// What kind of event.
    pub enum EventKind {
        /// A science or health lecture (科普讲座).
        Lecture = "lecture",
        Performance = "performance",
        /// A volunteer clean-up or pest campaign (除四害).
        Cleanup = "cleanup",
        Meeting = "meeting",
        /// An evening on the square (no registration: heads are counted).
        Square = "square",
    }
}

text_enum! {
    /// Whether an event is on.
    pub enum EventStatus {
        Scheduled = "scheduled",
        /// Called off; registered residents see it.
        Cancelled = "cancelled",
    }
}

text_enum! {
    /// Where a resident's registration stands.
    pub enum RegistrationStatus {
        Registered = "registered",
        /// The event is full: moves up, in order, when a place frees.
        Waitlisted = "waitlisted",
        Cancelled = "cancelled",
        /// Checked in at the door.
        Attended = "attended",
    }
}

text_enum! {
    /// Who may register for an event.
    pub enum Audience {
        /// Every resident.
        All = "all",
        /// The members of one team.
        Team = "team",
        /// Residents tagged as Party members (e.g. the monthly volunteer clean-up).
        PartyMembers = "party_members",
    }
}

text_enum! {
    /// Where a resident stands with a team.
    pub enum MembershipStatus {
        /// Asked to join; the team's leader or staff decide.
        Requested = "requested",
        Member = "member",
        Declined = "declined",
        Left = "left",
    }
}

text_enum! {
    /// What an in-app notification is about.
    pub enum NotificationKind {
        /// An event the person registered for was called off.
        EventCancelled = "event_cancelled",
        /// The person is on duty tomorrow night.
        DutyReminder = "duty_reminder",
        /// Someone asked to join a team the person leads.
        TeamRequest = "team_request",
        /// A join request to a team was decided.
        TeamDecision = "team_decision",
        /// An assistance case was assigned to the person (staff).
        CaseAssigned = "case_assigned",
        /// The person's household's assistance case moved on.
        CaseUpdate = "case_update",
        /// A help request was assigned to a staff member.
        RequestAssigned = "request_assigned",
        /// A request the household (or the leader who filed it) follows moved on or got a public note.
        RequestUpdate = "request_update",
        /// A request passed its resolution time: its assignee and the supervisors are told.
        RequestEscalated = "request_escalated",
    }
}

text_enum! {
    /// The kinds of assistance the office helps with (DOMAIN-RULES §1–5).
    pub enum CaseKind {
        /// 最低生活保障.
        Dibao = "dibao",
        /// 低保边缘家庭.
        DibaoEdge = "dibao_edge",
        /// 临时救助.
        TemporaryRelief = "temporary_relief",
        /// 医疗救助 (approved by the county 医保局).
        MedicalAid = "medical_aid",
        /// 残疾人两项补贴.
        DisabilitySubsidy = "disability_subsidy",
        /// 残疾人贷款贴息.
        DisabilityLoan = "disability_loan",
        /// 再就业 / 就业援助.
        Reemployment = "reemployment",
        /// 解难题: general hardship the office solves itself.
        Hardship = "hardship",
    }
}

text_enum! {
    /// Where an assistance case stands overall (its step within the procedure is separate).
    pub enum CaseStatus {
        /// Under way: some level is working on it.
        Open = "open",
        /// Approved: being paid, reviewed on schedule.
        Approved = "approved",
        /// Refused by the approving body (the reason in writing).
        Refused = "refused",
        /// Solved (a job found, a difficulty resolved, one-off help paid).
        Solved = "solved",
        /// The family withdrew it.
        Withdrawn = "withdrawn",
        /// Payment ended after approval (a review stopped it, the family moved away).
        Closed = "closed",
    }
}

text_enum! {
    /// An entry on a case's timeline.
    pub enum CaseEntryKind {
        Note = "note",
        /// A home economic survey (入户调查): at least two surveyors, the family's signature.
        Survey = "survey",
        /// An objection during the 公示.
        Objection = "objection",
        /// 民主评议, held after an objection.
        Deliberation = "deliberation",
        /// A periodic review (动态管理).
        Review = "review",
        /// A job referral (就业援助).
        Referral = "referral",
        /// Training arranged.
        Training = "training",
    }
}

text_enum! {
    /// How an approved amount is paid.
    pub enum PaymentKind {
        Monthly = "monthly",
        OneOff = "one_off",
    }
}

text_enum! {
    /// The 就业困难人员 categories of 浙人社发〔2025〕59号 (not the old "4050" label).
    pub enum EmploymentCategory {
        /// Registered unemployed ≥ 6 months, women 45+ / men 55+.
        OlderUnemployed = "older_unemployed",
        /// A member of a 零就业家庭.
        ZeroEmploymentHousehold = "zero_employment_household",
        /// ≥ 6 months on unemployment benefit.
        LongTermUnemployed = "long_term_unemployed",
        /// A member of a 低保 / 低边 household.
        AssistanceHousehold = "assistance_household",
        /// Holds a disability card.
        Disabled = "disabled",
        /// Others the city approves.
        Other = "other",
    }
}

text_enum! {
    /// 老年人优待证: applied for, then issued.
    pub enum ElderlyCardStatus {
        Applied = "applied",
        Issued = "issued",
    }
}

text_enum! {
    /// Why a person is on a festival visit list.
    pub enum VisitReason {
        /// Of the campaign's age.
        Age = "age",
        /// A group cadre of the cadre age.
        Cadre = "cadre",
    }
}

text_enum! {
    /// How the person visited was found.
    pub enum VisitCondition {
        Good = "good",
        Fair = "fair",
        /// Needs help: the office should follow up.
        Poor = "poor",
    }
}

text_enum! {
    /// A day that is not what its weekday says: a public holiday, or a weekend make-up working day.
    pub enum WorkdayKind {
        /// 法定节假日 (off, even on a weekday).
        Holiday = "holiday",
        /// 调休上班 (a working Saturday or Sunday).
        Workday = "workday",
    }
}

text_enum! {
    /// What a help request is (求助 / 报修 / 投诉 / 咨询).
    pub enum RequestKind {
        Help = "help",
        Repair = "repair",
        Complaint = "complaint",
        Inquiry = "inquiry",
    }
}

text_enum! {
    /// How a help request came in.
    pub enum RequestChannel {
        /// The resident, in the app.
        App = "app",
        /// A group leader, on a resident's behalf.
        Leader = "leader",
        /// Staff, while on the hotline.
        Hotline = "hotline",
        /// A third-party client, through Open311 GeoReport v2.
        Open311 = "open311",
    }
}

text_enum! {
    /// Where a help request stands.
    pub enum RequestStatus {
        /// 受理: recorded, waiting for someone to take it.
        Received = "received",
        /// 派单: a staff member has it (and may have referred it to a handbook entry).
        Assigned = "assigned",
        /// 办理中.
        InProgress = "in_progress",
        /// 办结: solved; the follow-up call is due.
        Resolved = "resolved",
        /// 回访 done (or rated by the requester): finished.
        Closed = "closed",
        /// Not the community's matter: the requester was told where to go.
        NotOurs = "not_ours",
        /// The same matter as another request.
        Duplicate = "duplicate",
    }
}

text_enum! {
    /// A handbook edition: the one draft staff edit, or a published (frozen) one.
    pub enum EditionStatus {
        Draft = "draft",
        Published = "published",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_unknown_text_is_none() {
        for tag in Tag::ALL {
            assert_eq!(Tag::parse(tag.as_str()), Some(*tag));
        }
        assert_eq!(EventType::parse("pledge.accepted"), Some(EventType::PledgeAccepted));
        assert_eq!(PledgeStatus::parse("Submitted"), None);
        assert_eq!(serde_json::to_string(&Role::GroupLeader).expect("serialises"), "\"group_leader\"");
        assert!(serde_json::from_str::<Role>("\"admin\"").is_err());
    }
}
