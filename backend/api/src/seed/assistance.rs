//! Demo assistance cases and elderly care: the year of the work summary — 21 people helped back
//! into work, 23 hardship cases solved, 低保 and 医疗救助 applications in every state, a disabled
//! resident's loan-interest subsidy, 237 优待证 issued this year, and this year's 重阳节 visits to
//! every resident 80+ and every group cadre 70+, most of them recorded. Everyone is synthetic
//! (the registry is generated), so no real name stands beside sensitive data.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use diesel::sql_types::{Array, Date, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;
use xingguang_db::models::assistance::{Case, CaseEntry, CaseStep};
use xingguang_db::models::elderly::{Campaign, ElderlyCard, Visit};
use xingguang_db::models::state_change::StateChange;
use xingguang_db::models::user::{NewUser, Role, User};
use xingguang_db::vocab::{CaseEntryKind, CaseKind, CaseStatus, ElderlyCardStatus, PaymentKind, Sex, Tag, VisitCondition, VisitReason};

use crate::assistance::domain::{derived_category, working_age, Definition};
use crate::assistance::service::{current_types, definition};
use crate::common::age::{age_on, born_by};
use crate::common::workdays::WorkCalendar;

/// A resident as the seed picks them.
#[derive(diesel::QueryableByName, Clone)]
struct Person {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    household_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    group_id: Uuid,
    #[diesel(sql_type = Text)]
    sex: Sex,
    #[diesel(sql_type = Date)]
    birth_date: NaiveDate,
    #[diesel(sql_type = Array<Text>)]
    tags: Vec<Tag>,
}

/// 重阳节 (the ninth day of the ninth lunar month) by year.
fn double_ninth(year: i32) -> Option<NaiveDate> {
    let (m, d) = match year {
        2025 => (10, 29),
        2026 => (10, 18),
        2027 => (10, 8),
        2028 => (10, 26),
        2029 => (10, 16),
        2030 => (10, 5),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, m, d)
}

fn at(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(2, 0, 0).map_or_else(Utc::now, |t| t.and_utc())
}

/// Everything the case builder needs once.
struct Ctx<'a> {
    community_id: Uuid,
    staff: &'a User,
    director: &'a User,
    cal: WorkCalendar,
    today: NaiveDate,
}

/// How far a seeded case got.
#[derive(Clone, Copy)]
enum Outcome {
    /// Still at step `n` (0-based), started `ago` working days before today.
    OpenAt(usize, u32),
    Approved {
        amount_fen: i64,
        monthly: bool,
    },
    Refused,
    Withdrawn,
    Solved,
    Closed,
}

struct Built {
    case: Case,
    steps: Vec<CaseStep>,
    entries: Vec<CaseEntry>,
    history: Vec<StateChange>,
}

/// Walks a case through its procedure from `opened_on`, each step taking two working days (the
/// 公示 its 7 days), as a punctual office would; the last steps as `outcome` says.
#[allow(clippy::too_many_arguments)]
fn build(
    ctx: &Ctx<'_>,
    type_id: Uuid,
    kind: CaseKind,
    def: &Definition,
    applicant: &Person,
    opened_on: NaiveDate,
    outcome: Outcome,
    assignee: &User,
) -> Built {
    let case_id = xingguang_db::new_id();
    let mut steps: Vec<CaseStep> = Vec::new();
    let mut entries = Vec::new();
    let mut history = Vec::new();
    let change = |action: &str, from: Option<CaseStatus>, to: CaseStatus, note: Option<&str>, day: NaiveDate| StateChange {
        id: xingguang_db::new_id(),
        community_id: ctx.community_id,
        entity: "assistance_case".into(),
        entity_id: case_id,
        action: action.into(),
        from_state: from.map(|s| s.to_string()),
        to_state: to.to_string(),
        note: note.map(str::to_owned),
        actor_name: assignee.display_name.clone(),
        actor_user: Some(assignee.id),
        at: at(day),
    };
    history.push(change("open", None, CaseStatus::Open, None, opened_on));
    let last_step = def.steps.len() - 1;
    let stop_at = match outcome {
        Outcome::OpenAt(n, _) => n.min(last_step),
        Outcome::Refused => last_step.min(3),
        Outcome::Withdrawn => 1.min(last_step),
        _ => last_step,
    };
    let mut start = opened_on;
    for (i, step) in def.steps.iter().enumerate().take(stop_at + 1) {
        let starts: Vec<(String, NaiveDate)> = steps.iter().map(|s| (s.step_key.clone(), s.started_on)).collect();
        let due = def.due(&ctx.cal, i, start, &starts);
        let done = if step.publicity { start.checked_add_days(Days::new(7)).unwrap_or(start) } else { ctx.cal.add_working_days(start, 2) };
        let finished = i < stop_at || !matches!(outcome, Outcome::OpenAt(..));
        if step.survey {
            entries.push(CaseEntry {
                id: xingguang_db::new_id(),
                community_id: ctx.community_id,
                case_id,
                kind: CaseEntryKind::Survey,
                body: "入户调查：核实家庭成员、收入和居住情况，填写并签署入户调查表。".into(),
                internal: true,
                occurred_on: ctx.cal.add_working_days(start, 1),
                surveyors: vec![ctx.staff.display_name.clone(), "街道民政办 周敏".into()],
                family_signed: Some(true),
                author_id: ctx.staff.id,
                created_at: at(start),
            });
        }
        steps.push(CaseStep {
            id: xingguang_db::new_id(),
            community_id: ctx.community_id,
            case_id,
            step_index: i as i32,
            step_key: step.key.clone(),
            started_on: start,
            due_on: due,
            completed_on: finished.then_some(done),
            completed_by: finished.then_some(assignee.id),
            note: String::new(),
        });
        if finished && i < stop_at {
            history.push(change("advance", Some(CaseStatus::Open), CaseStatus::Open, None, done));
            start = done;
        } else if finished {
            start = done;
        }
    }
    let current = steps.last().cloned();
    let end = start;
    let (status, decided_on, closed_on) = match outcome {
        Outcome::OpenAt(..) => (CaseStatus::Open, None, None),
        Outcome::Approved { .. } => (CaseStatus::Approved, Some(end), None),
        Outcome::Refused => (CaseStatus::Refused, Some(end), Some(end)),
        Outcome::Withdrawn => (CaseStatus::Withdrawn, None, Some(end)),
        Outcome::Solved => (CaseStatus::Solved, None, Some(end)),
        Outcome::Closed => (CaseStatus::Closed, Some(opened_on.checked_add_days(Days::new(20)).unwrap_or(end)), Some(end)),
    };
    let (amount_fen, payment) = match outcome {
        Outcome::Approved { amount_fen, monthly } => {
            (Some(amount_fen), Some(if monthly { PaymentKind::Monthly } else { PaymentKind::OneOff }))
        }
        Outcome::Closed => (Some(68_000), Some(PaymentKind::Monthly)),
        _ => (None, None),
    };
    let note = match outcome {
        Outcome::Refused => "经信息核对，家庭人均收入高于当地低保标准，不符合条件；已书面告知理由。",
        Outcome::Withdrawn => "申请人家属已找到工作，主动撤回申请。",
        Outcome::Closed => "年度复核：家庭成员已稳定就业，收入超过标准，停发；已书面说明。",
        _ => "",
    };
    match outcome {
        Outcome::Approved { .. } => history.push(change("approve", Some(CaseStatus::Open), CaseStatus::Approved, None, end)),
        Outcome::Refused => history.push(change("refuse", Some(CaseStatus::Open), CaseStatus::Refused, Some(note), end)),
        Outcome::Withdrawn => history.push(change("withdraw", Some(CaseStatus::Open), CaseStatus::Withdrawn, Some(note), end)),
        Outcome::Solved => history.push(change("solve", Some(CaseStatus::Open), CaseStatus::Solved, None, end)),
        Outcome::Closed => {
            history.push(change("approve", Some(CaseStatus::Open), CaseStatus::Approved, None, end));
            history.push(change("close", Some(CaseStatus::Approved), CaseStatus::Closed, Some(note), end));
        }
        Outcome::OpenAt(..) => {}
    }
    let monthly = payment == Some(PaymentKind::Monthly);
    let able = applicant.id.as_u128().is_multiple_of(3);
    let age = age_on(applicant.birth_date, ctx.today);
    let reemployment = kind == CaseKind::Reemployment;
    let zero = reemployment && applicant.id.as_u128().is_multiple_of(7);
    let (step_started_on, step_due_on) = match (status, &current) {
        (CaseStatus::Open, Some(s)) => (s.started_on, s.due_on),
        (_, Some(s)) => (s.started_on, None),
        _ => (opened_on, None),
    };
    let case = Case {
        id: case_id,
        community_id: ctx.community_id,
        case_type_id: type_id,
        kind,
        household_id: applicant.household_id,
        applicant_id: applicant.id,
        resident_ids: vec![applicant.id],
        assignee_id: Some(assignee.id),
        status,
        step_index: current.as_ref().map_or(0, |s| s.step_index),
        step_started_on,
        step_due_on,
        opened_on,
        summary: String::new(),
        on_behalf: applicant.tags.contains(&Tag::LivingAlone),
        mandate_on_file: applicant.tags.contains(&Tag::LivingAlone),
        conflict_user_id: None,
        conflict_note: String::new(),
        shared_with_leader: false,
        finances: matches!(kind, CaseKind::Dibao | CaseKind::DibaoEdge).then(|| {
            xingguang_db::sealed::SealedJsonValue(serde_json::json!({
                "monthly_income_fen": 52_000 + (applicant.id.as_u128() % 40) as i64 * 1_000,
                "assets_note": "无机动车；自住房一套（约60平方米）；存款不足1万元。",
            }))
        }),
        able_to_work: able,
        documents_received: def
            .documents
            .iter()
            .take(if status == CaseStatus::Open { 2 } else { def.documents.len() })
            .map(|d| d.key.clone())
            .collect(),
        amount_fen,
        payment,
        payment_from: decided_on.filter(|_| amount_fen.is_some()).map(|d| def.payment_from(d)),
        decided_on,
        decision_note: note.into(),
        next_review_on: if status == CaseStatus::Approved && monthly { decided_on.and_then(|d| def.next_review(d, able)) } else { None },
        employment_category: if reemployment {
            derived_category(
                applicant.sex,
                age,
                ctx.today.year(),
                applicant.tags.contains(&Tag::Dibao),
                applicant.tags.contains(&Tag::Disabled),
                zero,
            )
            .or(Some(xingguang_db::vocab::EmploymentCategory::LongTermUnemployed))
        } else {
            None
        },
        zero_employment: zero && status != CaseStatus::Solved,
        placed_on: (reemployment && status == CaseStatus::Solved).then_some(end),
        placement: if reemployment && status == CaseStatus::Solved {
            PLACEMENTS[(applicant.id.as_u128() % PLACEMENTS.len() as u128) as usize].into()
        } else {
            String::new()
        },
        closed_on,
        version: 1,
        created_at: at(opened_on),
        updated_at: at(end),
    };
    let _ = ctx.director;
    Built { case, steps, entries, history }
}

const PLACEMENTS: [&str; 6] = [
    "县城市管理局 公益性岗位（保洁）",
    "武义县某超市 理货员",
    "社区 公益性岗位（巡逻）",
    "某物业公司 保安",
    "某食品厂 包装工",
    "某家政公司 家政服务员",
];
const HARDSHIPS: [&str; 6] = [
    "独居老人家中水管漏水，联系物业上门维修。",
    "协调解决楼道堆物影响通行的问题。",
    "帮助行动不便老人办理医保异地备案。",
    "协助困难家庭子女办理助学申请。",
    "联系供电所为老人家中更换老化线路。",
    "调解邻里间因漏水引起的纠纷并协助维修。",
];

/// The opening day for a case whose current step should have started `ago` working days ago,
/// after `k` two-working-day steps (plus a 公示 if one comes before).
fn opened_for(ctx: &Ctx<'_>, def: &Definition, k: usize, ago: u32) -> NaiveDate {
    let mut opened = ctx.today;
    // Walk back a day at a time until the walk forward lands `ago` working days before today.
    for _ in 0..400 {
        let mut start = opened;
        for step in def.steps.iter().take(k) {
            start = if step.publicity { start.checked_add_days(Days::new(7)).unwrap_or(start) } else { ctx.cal.add_working_days(start, 2) };
        }
        if ctx.cal.between(start, ctx.today) >= i64::from(ago) {
            return opened;
        }
        opened = opened.pred_opt().unwrap_or(opened);
    }
    opened
}

/// Seeds everything unless the community has cases already.
pub async fn seed(conn: &mut AsyncPgConnection, community_id: Uuid, staff: &User, today: NaiveDate) -> anyhow::Result<()> {
    if Case::any(conn, community_id).await? {
        return Ok(());
    }
    let director = match User::find_by_username(conn, "director").await? {
        Some(u) => u,
        None => {
            let hash = crate::auth::domain::hash_password(super::DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
            let new = NewUser {
                id: xingguang_db::new_id(),
                community_id,
                username: "director",
                display_name: "陈建华（社区主任）",
                password_hash: &hash,
                role: Role::Staff,
            };
            User::insert(conn, &new).await?
        }
    };
    User::set_supervisor(conn, director.id, true).await?;
    let people: Vec<Person> = diesel::sql_query(
        "SELECT r.id, r.household_id, h.group_id, r.sex, r.birth_date, r.tags FROM residents r \
         JOIN households h ON h.id = r.household_id WHERE r.community_id = $1 AND r.status = 'active' ORDER BY r.id",
    )
    .bind::<SqlUuid, _>(community_id)
    .load(conn)
    .await?;
    if people.is_empty() {
        return Ok(());
    }
    let mut rng = StdRng::seed_from_u64(13);
    mark_cadres(conn, &people, today, &mut rng).await?;

    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let cal = WorkCalendar::load(conn, year_start.checked_sub_days(Days::new(400)).unwrap_or(year_start), today).await?;
    let ctx = Ctx { community_id, staff, director: &director, cal, today };
    let types = current_types(conn, community_id).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let def_of = |kind: CaseKind| -> anyhow::Result<(Uuid, Definition)> {
        let t = types.get(&kind).ok_or_else(|| anyhow::anyhow!("no type {kind}"))?;
        Ok((t.id, definition(t).map_err(|e| anyhow::anyhow!("{e}"))?))
    };
    // Days of this year before today, for spreading finished cases over it.
    let span = (today - year_start).num_days().max(1);
    let day_in_year = |i: usize, n: usize| {
        year_start.checked_add_days(Days::new((span * (i as i64 * 2 + 1) / (n as i64 * 2)).max(0) as u64)).unwrap_or(year_start)
    };

    let mut used: Vec<Uuid> = Vec::new();
    let demo_household = User::find_by_username(conn, "resident")
        .await?
        .and_then(|u| u.resident_id)
        .and_then(|r| people.iter().find(|p| p.id == r).map(|p| p.household_id));
    let group_one = people.iter().find(|p| Some(p.household_id) == demo_household).map(|p| p.group_id);
    let mut pick = |pred: &dyn Fn(&Person) -> bool, rng: &mut StdRng| -> Option<Person> {
        let candidates: Vec<&Person> =
            people.iter().filter(|p| !used.contains(&p.household_id) && Some(p.household_id) != demo_household && pred(p)).collect();
        let chosen = candidates.get(rng.gen_range(0..candidates.len().max(1)))?;
        used.push(chosen.household_id);
        Some((*chosen).clone())
    };
    let adult = |p: &Person| age_on(p.birth_date, today) >= 18;
    let mut built: Vec<Built> = Vec::new();

    // 低保 in every state, one 低保边缘.
    let (dibao_type, dibao) = def_of(CaseKind::Dibao)?;
    // The first is in group 1 and shared with its leader (the family agreed), so the demo leader sees it.
    let in_group_one = |p: &Person| adult(p) && Some(p.group_id) == group_one;
    for (k, ago) in [(0usize, 1u32), (1, 1), (2, 2), (3, 20), (4, 3), (5, 2)] {
        let who: &dyn Fn(&Person) -> bool = if k == 0 { &in_group_one } else { &adult };
        if let Some(p) = pick(who, &mut rng) {
            let opened = opened_for(&ctx, &dibao, k, ago);
            let mut b = build(&ctx, dibao_type, CaseKind::Dibao, &dibao, &p, opened, Outcome::OpenAt(k, ago), staff);
            if k == 4 {
                // An objection during the 公示, answered by a 民主评议.
                let start = b.case.step_started_on;
                for (kind, body) in [
                    (CaseEntryKind::Objection, "有居民反映申请人家中有经营性收入，要求核实。"),
                    (CaseEntryKind::Deliberation, "民主评议：经核实，该经营已于去年停业，评议代表一致认为情况属实。"),
                ] {
                    b.entries.push(CaseEntry {
                        id: xingguang_db::new_id(),
                        community_id,
                        case_id: b.case.id,
                        kind,
                        body: body.into(),
                        internal: true,
                        occurred_on: start.checked_add_days(Days::new(1)).unwrap_or(start).min(today),
                        surveyors: vec![],
                        family_signed: None,
                        author_id: staff.id,
                        created_at: at(start),
                    });
                }
            }
            if k == 2 {
                // The applicant is a staff member's relative: registered, and handled by the director.
                b.case.conflict_user_id = Some(staff.id);
                b.case.conflict_note = "申请人系社区工作人员王丽的表姐，按规定单独登记备案，由县民政局入户核查。".into();
                b.case.assignee_id = Some(director.id);
            }
            if k == 0 && Some(p.group_id) == group_one {
                b.case.shared_with_leader = true;
            }
            built.push(b);
        }
    }
    // Approved: one due for review within the month, one with members able to work.
    for (i, (months_ago, able)) in [(11u32, false), (5, true), (2, false)].into_iter().enumerate() {
        if let Some(p) = pick(&adult, &mut rng) {
            let opened =
                today.checked_sub_months(chrono::Months::new(months_ago)).unwrap_or(today).checked_sub_days(Days::new(30)).unwrap_or(today);
            let mut b = build(
                &ctx,
                dibao_type,
                CaseKind::Dibao,
                &dibao,
                &p,
                opened,
                Outcome::Approved { amount_fen: [86_000, 124_000, 57_000][i], monthly: true },
                staff,
            );
            b.case.able_to_work = able;
            b.case.next_review_on = b.case.decided_on.and_then(|d| dibao.next_review(d, able));
            built.push(b);
        }
    }
    for outcome in [Outcome::Refused, Outcome::Withdrawn, Outcome::Closed] {
        if let Some(p) = pick(&adult, &mut rng) {
            built.push(build(&ctx, dibao_type, CaseKind::Dibao, &dibao, &p, day_in_year(built.len() % 7, 9), outcome, staff));
        }
    }
    let (edge_type, edge) = def_of(CaseKind::DibaoEdge)?;
    if let Some(p) = pick(&adult, &mut rng) {
        built.push(build(
            &ctx,
            edge_type,
            CaseKind::DibaoEdge,
            &edge,
            &p,
            day_in_year(3, 10),
            Outcome::Approved { amount_fen: 30_000, monthly: true },
            &director,
        ));
    }

    // 医疗救助 in every state; the demo resident's household has one at the 初审.
    let (medical_type, medical) = def_of(CaseKind::MedicalAid)?;
    if let Some(me) = people.iter().find(|p| Some(p.household_id) == demo_household).cloned() {
        let opened = opened_for(&ctx, &medical, 1, 4);
        built.push(build(&ctx, medical_type, CaseKind::MedicalAid, &medical, &me, opened, Outcome::OpenAt(1, 4), staff));
    }
    for (k, ago) in [(0usize, 1u32), (2, 2), (3, 1)] {
        if let Some(p) = pick(&adult, &mut rng) {
            built.push(build(
                &ctx,
                medical_type,
                CaseKind::MedicalAid,
                &medical,
                &p,
                opened_for(&ctx, &medical, k, ago),
                Outcome::OpenAt(k, ago),
                staff,
            ));
        }
    }
    for (i, outcome) in [Outcome::Approved { amount_fen: 1_250_000, monthly: false }, Outcome::Refused].into_iter().enumerate() {
        if let Some(p) = pick(&adult, &mut rng) {
            built.push(build(&ctx, medical_type, CaseKind::MedicalAid, &medical, &p, day_in_year(i + 2, 6), outcome, staff));
        }
    }

    // 临时救助.
    let (relief_type, relief) = def_of(CaseKind::TemporaryRelief)?;
    for (i, outcome) in [
        Outcome::Approved { amount_fen: 500_000, monthly: false },
        Outcome::Approved { amount_fen: 300_000, monthly: false },
        Outcome::OpenAt(2, 2),
    ]
    .into_iter()
    .enumerate()
    {
        if let Some(p) = pick(&adult, &mut rng) {
            let opened = if let Outcome::OpenAt(k, ago) = outcome { opened_for(&ctx, &relief, k, ago) } else { day_in_year(i * 4 + 1, 10) };
            built.push(build(&ctx, relief_type, CaseKind::TemporaryRelief, &relief, &p, opened, outcome, staff));
        }
    }

    // Disability: two subsidies and the loan-interest subsidy of the work summary.
    let disabled = |p: &Person| p.tags.contains(&Tag::Disabled) && adult(p);
    let (subsidy_type, subsidy) = def_of(CaseKind::DisabilitySubsidy)?;
    for i in 0..2 {
        if let Some(p) = pick(&disabled, &mut rng) {
            built.push(build(
                &ctx,
                subsidy_type,
                CaseKind::DisabilitySubsidy,
                &subsidy,
                &p,
                day_in_year(i + 1, 5),
                Outcome::Approved { amount_fen: 33_000, monthly: true },
                staff,
            ));
        }
    }
    let (loan_type, loan) = def_of(CaseKind::DisabilityLoan)?;
    let working_disabled = |p: &Person| disabled(p) && working_age(p.sex, age_on(p.birth_date, today));
    if let Some(p) = pick(&working_disabled, &mut rng) {
        let mut b = build(
            &ctx,
            loan_type,
            CaseKind::DisabilityLoan,
            &loan,
            &p,
            day_in_year(4, 10),
            Outcome::Approved { amount_fen: 210_000, monthly: false },
            staff,
        );
        b.case.summary = "经营小型农产品加工，贷款3万元，申请户贷贴息。".into();
        built.push(b);
    }

    // 再就业: 21 placed this year, 3 still looking.
    let (job_type, job) = def_of(CaseKind::Reemployment)?;
    let jobseeker = |p: &Person| working_age(p.sex, age_on(p.birth_date, today)) && age_on(p.birth_date, today) >= 30;
    for i in 0..24 {
        if let Some(p) = pick(&jobseeker, &mut rng) {
            let (opened, outcome) = if i < 21 {
                let placed = day_in_year(i, 21);
                (placed.checked_sub_days(Days::new(35)).unwrap_or(placed).max(year_start), Outcome::Solved)
            } else {
                (opened_for(&ctx, &job, 1, 3 + i as u32), Outcome::OpenAt(1, 3 + i as u32))
            };
            let mut b = build(&ctx, job_type, CaseKind::Reemployment, &job, &p, opened, outcome, staff);
            b.entries.push(CaseEntry {
                id: xingguang_db::new_id(),
                community_id,
                case_id: b.case.id,
                kind: CaseEntryKind::Referral,
                body: "推荐参加县人力社保局招聘会，投递简历2份。".into(),
                internal: false,
                occurred_on: ctx.cal.add_working_days(opened, 3).min(today),
                surveyors: vec![],
                family_signed: None,
                author_id: staff.id,
                created_at: at(opened),
            });
            if let Some(placed) = b.case.placed_on {
                // Placed on the day the case was solved.
                b.case.closed_on = Some(placed);
            }
            built.push(b);
        }
    }

    // 解难题: 23 solved this year, 2 open (one overdue).
    let (hard_type, hard) = def_of(CaseKind::Hardship)?;
    for i in 0..25 {
        if let Some(p) = pick(&adult, &mut rng) {
            let (opened, outcome) = if i < 23 {
                let day = day_in_year(i, 23);
                (day.checked_sub_days(Days::new(7)).unwrap_or(day).max(year_start), Outcome::Solved)
            } else {
                let ago = if i == 23 { 1 } else { 14 };
                (opened_for(&ctx, &hard, 1, ago), Outcome::OpenAt(1, ago))
            };
            let mut b = build(&ctx, hard_type, CaseKind::Hardship, &hard, &p, opened, outcome, if i % 4 == 0 { &director } else { staff });
            b.case.summary = HARDSHIPS[i % HARDSHIPS.len()].into();
            built.push(b);
        }
    }

    for b in &built {
        Case::insert(conn, &b.case).await?;
        for s in &b.steps {
            CaseStep::insert(conn, s).await?;
        }
        for e in &b.entries {
            CaseEntry::insert(conn, e).await?;
        }
        for h in &b.history {
            StateChange::insert(conn, h).await?;
        }
    }

    seed_cards(conn, community_id, &people, today, &mut rng).await?;
    seed_visits(conn, community_id, staff, &people, today, &mut rng).await?;
    Ok(())
}

/// Two or three cadres per group (serving or retired group leaders, 楼道长), some over 70.
async fn mark_cadres(conn: &mut AsyncPgConnection, people: &[Person], today: NaiveDate, rng: &mut StdRng) -> anyhow::Result<()> {
    let mut by_group: HashMap<Uuid, Vec<&Person>> = HashMap::new();
    for p in people.iter().filter(|p| (55..=85).contains(&age_on(p.birth_date, today))) {
        by_group.entry(p.group_id).or_default().push(p);
    }
    let mut ids = Vec::new();
    let mut groups: Vec<_> = by_group.into_iter().collect();
    groups.sort_by_key(|(g, _)| *g);
    for (_, mut members) in groups {
        members.sort_by_key(|p| p.id);
        let n = rng.gen_range(2..=3).min(members.len());
        for _ in 0..n {
            let i = rng.gen_range(0..members.len());
            ids.push(members.remove(i).id);
        }
    }
    diesel::sql_query("UPDATE residents SET tags = array_append(tags, 'cadre') WHERE id = ANY($1) AND NOT ('cadre' = ANY (tags))")
        .bind::<Array<SqlUuid>, _>(ids)
        .execute(conn)
        .await?;
    Ok(())
}

/// 237 cards issued this year (those turning 60 and 70 first), earlier years' cards, and the
/// applications still with the county.
async fn seed_cards(
    conn: &mut AsyncPgConnection,
    community_id: Uuid,
    people: &[Person],
    today: NaiveDate,
    rng: &mut StdRng,
) -> anyhow::Result<()> {
    let year = today.year();
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    let span = (today - year_start).num_days().max(1);
    let mut sixty: Vec<&Person> = people.iter().filter(|p| age_on(p.birth_date, today) >= 60).collect();
    // Those who turned 60 or 70 this year first (the batch), then the others by age.
    sixty.sort_by_key(|p| {
        let turning = matches!(year - p.birth_date.year(), 60 | 70) && p.birth_date <= born_by(today, 60);
        (!turning, p.birth_date, p.id)
    });
    let now = Utc::now();
    let mut cards = Vec::new();
    for (i, p) in sixty.iter().enumerate() {
        let (status, applied_on, issued_on, number) = if i < 237 {
            let issued = year_start.checked_add_days(Days::new((span * (i as i64 + 1) / 238) as u64)).unwrap_or(year_start);
            // The card is applied for when the person is 60 and issued within days.
            let applied =
                issued.checked_sub_days(Days::new(rng.gen_range(1..=5))).unwrap_or(issued).max(born_by(issued, -60).max(year_start));
            (ElderlyCardStatus::Issued, applied.min(issued), Some(issued), Some(format!("浙老优{year}-{:05}", i + 1)))
        } else if i < 237 + 14 {
            let applied = today.checked_sub_days(Days::new(rng.gen_range(1..=20))).unwrap_or(today);
            (ElderlyCardStatus::Applied, applied, None, None)
        } else if i % 3 != 0 {
            // Issued in earlier years.
            let y = year - 1 - (i as i32 % 4);
            let issued = NaiveDate::from_ymd_opt(y, 1 + (i as u32 % 11), 10).unwrap_or(year_start);
            (
                ElderlyCardStatus::Issued,
                issued.checked_sub_days(Days::new(3)).unwrap_or(issued),
                Some(issued),
                Some(format!("浙老优{y}-{:05}", i)),
            )
        } else {
            continue; // no card (it is optional since 2018: an ID card serves as well)
        };
        // Nobody applies before turning 60.
        let sixtieth = p.birth_date.with_year(p.birth_date.year() + 60).unwrap_or(p.birth_date);
        if applied_on < sixtieth && status == ElderlyCardStatus::Issued && i >= 237 {
            continue;
        }
        cards.push(ElderlyCard {
            id: xingguang_db::new_id(),
            community_id,
            resident_id: p.id,
            status,
            applied_on,
            card_number: number,
            issued_on,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    ElderlyCard::insert_new(conn, &cards).await?;
    Ok(())
}

/// This year's 重阳节 campaign (last year's if the festival is still ahead): everyone 80+ and
/// every cadre 70+, visited by their group's leader, nine in ten recorded.
async fn seed_visits(
    conn: &mut AsyncPgConnection,
    community_id: Uuid,
    staff: &User,
    people: &[Person],
    today: NaiveDate,
    rng: &mut StdRng,
) -> anyhow::Result<()> {
    let festival = match double_ninth(today.year()) {
        Some(d) if d <= today => d,
        _ => match double_ninth(today.year() - 1) {
            Some(d) => d,
            None => return Ok(()),
        },
    };
    let leaders = Campaign::group_leaders(conn, community_id).await?;
    let names: HashMap<Uuid, String> =
        User::names(conn, &leaders.values().flatten().copied().collect::<Vec<_>>()).await?.into_iter().collect();
    let campaign = Campaign::insert(
        conn,
        &Campaign {
            id: xingguang_db::new_id(),
            community_id,
            name: format!("{}年重阳节走访", festival.year()),
            festival_on: festival,
            resident_min_age: 80,
            cadre_min_age: Some(70),
            created_by: staff.id,
            created_at: at(festival.checked_sub_days(Days::new(10)).unwrap_or(festival)),
        },
    )
    .await?;
    let now = Utc::now();
    let mut visits = Vec::new();
    for p in people {
        let age = age_on(p.birth_date, festival);
        let reason = if age >= 80 {
            VisitReason::Age
        } else if age >= 70 && p.tags.contains(&Tag::Cadre) {
            VisitReason::Cadre
        } else {
            continue;
        };
        let visitor = leaders.get(&p.group_id).copied().flatten();
        let visited = rng.gen_bool(0.9);
        let visited_on = visited.then(|| {
            festival
                .checked_add_days(Days::new(rng.gen_range(0..6)))
                .unwrap_or(festival)
                .checked_sub_days(Days::new(3))
                .unwrap_or(festival)
                .min(today)
        });
        let condition = visited.then(|| match rng.gen_range(0..20) {
            0 => VisitCondition::Poor,
            1..=4 => VisitCondition::Fair,
            _ => VisitCondition::Good,
        });
        let poor = condition == Some(VisitCondition::Poor);
        visits.push(Visit {
            id: xingguang_db::new_id(),
            community_id,
            campaign_id: campaign.id,
            resident_id: p.id,
            group_id: p.group_id,
            reason,
            visitor_id: visitor,
            visited_on,
            visitors: if visited {
                format!("{}、社区 {}", visitor.and_then(|v| names.get(&v).cloned()).unwrap_or_default(), staff.display_name)
            } else {
                String::new()
            },
            gift: if visited { "重阳糕、牛奶一箱、慰问金200元".into() } else { String::new() },
            condition,
            note: if poor { "老人行动不便，家中无人照料，建议社区跟进。".into() } else { String::new() },
            follow_up: poor,
            recorded_by: if visited { visitor.or(Some(staff.id)) } else { None },
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    Visit::insert_many(conn, &visits).await?;
    Ok(())
}
