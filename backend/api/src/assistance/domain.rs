//! The rules of assistance cases: how each kind goes (its steps, deadlines and approving body —
//! data, in [`Definition`], so a county can adjust them), which moves a case may make
//! ([`CASE_MACHINE`]), the review schedule, the 就业困难人员 category, and what a 公示 may show.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use xingguang_db::models::user::Role;
use xingguang_db::vocab::{CaseKind, CaseStatus as S, EmploymentCategory, Sex};

use crate::common::state_machine::{Machine, Move};
use crate::common::workdays::Span;
use crate::error::FieldError;

/// One step of a procedure: who acts, and how long the law gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepDef {
    /// Stable key, e.g. `survey`.
    #[schema(example = "survey")]
    pub key: String,
    /// As staff and families read it, e.g. 家庭经济状况调查.
    pub name: String,
    /// Who acts at this step, e.g. 街道 (社区协助入户).
    pub body: String,
    /// The deadline in days; none when the law sets none.
    pub days: Option<u32>,
    /// Counted in working days (otherwise calendar days, like the 7-day 公示).
    #[serde(default = "yes")]
    pub working_days: bool,
    /// Count from the start of this earlier step instead of this one's (e.g. the 初审's 15
    /// working days run from the application's acceptance).
    #[serde(default)]
    pub counted_from: Option<String>,
    /// The step needs a recorded home survey (≥ 2 surveyors, signed) before it is done.
    #[serde(default)]
    pub survey: bool,
    /// The 公示 in the community: its notice can be printed; an objection calls for 民主评议.
    #[serde(default)]
    pub publicity: bool,
    /// The approving body decides here: the case is approved or refused, not advanced.
    #[serde(default)]
    pub decision: bool,
    /// The rule it comes from, e.g. 浙江省社会救助条例 第11条.
    #[serde(default)]
    pub basis: String,
}

fn yes() -> bool {
    true
}

/// A document the family or the office gathers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentDef {
    pub key: String,
    pub name: String,
}

/// How a kind of case goes. Stored as JSON in `case_types.definition`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub steps: Vec<StepDef>,
    pub documents: Vec<DocumentDef>,
    /// Months between reviews of an approved case (none: no periodic review).
    pub review_months: Option<u32>,
    /// Months between reviews when members are able to work (低保: 6).
    pub review_months_able_to_work: Option<u32>,
    /// Payment starts the month after approval (低保) rather than at once.
    #[serde(default)]
    pub pay_from_next_month: bool,
}

impl StepDef {
    pub fn span(&self) -> Option<Span> {
        self.days.map(|n| if self.working_days { Span::WorkingDays(n) } else { Span::CalendarDays(n) })
    }
}

impl Definition {
    /// Checks a definition staff submit (422 with the fields at fault).
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.steps.is_empty() || self.steps.len() > 20 {
            errors.push(FieldError::new("definition.steps", "give 1–20 steps"));
        }
        let mut keys = std::collections::HashSet::new();
        for (i, step) in self.steps.iter().enumerate() {
            let field = |f: &str| format!("definition.steps[{i}].{f}");
            if !valid_key(&step.key) || !keys.insert(step.key.as_str()) {
                errors.push(FieldError::new(field("key"), "must be a unique key of a–z, 0–9 and _ (1–30)"));
            }
            if step.name.trim().is_empty() || step.name.chars().count() > 50 {
                errors.push(FieldError::new(field("name"), "must be 1–50 characters"));
            }
            if step.body.chars().count() > 50 || step.basis.chars().count() > 200 {
                errors.push(FieldError::new(field("body"), "body at most 50 characters, basis at most 200"));
            }
            if step.days.is_some_and(|d| d == 0 || d > 365) {
                errors.push(FieldError::new(field("days"), "must be 1–365"));
            }
            if let Some(from) = &step.counted_from {
                if !self.steps[..i].iter().any(|s| &s.key == from) {
                    errors.push(FieldError::new(field("counted_from"), "must name an earlier step"));
                }
            }
        }
        if self.steps.iter().filter(|s| s.decision).count() > 1
            || self.steps.iter().position(|s| s.decision).is_some_and(|p| p + 1 != self.steps.len())
        {
            errors.push(FieldError::new("definition.steps", "at most one decision step, and it comes last"));
        }
        let mut doc_keys = std::collections::HashSet::new();
        if self.documents.len() > 30 {
            errors.push(FieldError::new("definition.documents", "at most 30"));
        }
        for (i, doc) in self.documents.iter().enumerate() {
            if !valid_key(&doc.key) || !doc_keys.insert(doc.key.as_str()) || doc.name.trim().is_empty() || doc.name.chars().count() > 80 {
                errors.push(FieldError::new(format!("definition.documents[{i}]"), "needs a unique key and a name of 1–80 characters"));
            }
        }
        for months in [self.review_months, self.review_months_able_to_work].into_iter().flatten() {
            if !(1..=60).contains(&months) {
                errors.push(FieldError::new("definition.review_months", "must be 1–60"));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// When step `index` started on `start` is due (its rule, counted from its anchor).
    pub fn due(
        &self,
        calendar: &crate::common::workdays::WorkCalendar,
        index: usize,
        start: NaiveDate,
        starts: &[(String, NaiveDate)],
    ) -> Option<NaiveDate> {
        let step = self.steps.get(index)?;
        let anchor = step.counted_from.as_ref().and_then(|key| starts.iter().find(|(k, _)| k == key).map(|(_, d)| *d)).unwrap_or(start);
        step.span().map(|span| span.due_from(calendar, anchor))
    }

    /// The next review of a case approved on `decided` (none if the kind has no reviews).
    pub fn next_review(&self, decided: NaiveDate, able_to_work: bool) -> Option<NaiveDate> {
        let months = if able_to_work { self.review_months_able_to_work.or(self.review_months) } else { self.review_months }?;
        decided.checked_add_months(Months::new(months))
    }

    /// The first day paid: the first of next month (低保), else the decision day.
    pub fn payment_from(&self, decided: NaiveDate) -> NaiveDate {
        if self.pay_from_next_month {
            let first = decided.with_day(1).unwrap_or(decided);
            first.checked_add_months(Months::new(1)).unwrap_or(first)
        } else {
            decided
        }
    }

    pub fn has_decision(&self) -> bool {
        self.steps.iter().any(|s| s.decision)
    }
}

fn valid_key(key: &str) -> bool {
    (1..=30).contains(&key.len()) && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn step(key: &str, name: &str, body: &str, days: Option<u32>, basis: &str) -> StepDef {
    StepDef {
        key: key.into(),
        name: name.into(),
        body: body.into(),
        days,
        working_days: true,
        counted_from: None,
        survey: false,
        publicity: false,
        decision: false,
        basis: basis.into(),
    }
}

fn docs(list: &[(&str, &str)]) -> Vec<DocumentDef> {
    list.iter().map(|(k, n)| DocumentDef { key: (*k).into(), name: (*n).into() }).collect()
}

fn publicity(basis: &str) -> StepDef {
    StepDef { working_days: false, publicity: true, ..step("publicity", "社区公示（7天）", "社区居委会", Some(7), basis) }
}

fn decision(body: &str, days: Option<u32>, basis: &str) -> StepDef {
    StepDef { decision: true, ..step("decision", "审核确认", body, days, basis) }
}

const BASIC_DOCUMENTS: [(&str, &str); 4] = [
    ("application", "社会救助申请表（含授权承诺书）"),
    ("id_cards", "家庭成员身份证、户口簿"),
    ("income", "收入证明"),
    ("bank_account", "银行账户"),
];

/// The procedure of a kind as DOMAIN-RULES §1–5 describe it: the first revision of every
/// community's case types. (Wuyi's own deadlines are to be confirmed; staff can revise them.)
pub fn default_definition(kind: CaseKind) -> (&'static str, &'static str, Definition) {
    let apply = |body: &str| step("apply", "提出申请", body, None, "浙江省社会救助条例 第11条；审核确认办法 第4、6条");
    let accept = StepDef {
        ..step("accept", "街道受理（一次性告知所缺材料）", "街道", Some(3), "审核确认办法 第10条；安吉县办事指南（3个工作日）")
    };
    let survey = StepDef {
        survey: true,
        ..step(
            "survey",
            "家庭经济状况调查（入户调查，至少2人）",
            "街道（社区协助）",
            Some(3),
            "审核确认办法 第15–17条：受理后3个工作日内启动",
        )
    };
    let first_review = StepDef {
        counted_from: Some("accept".into()),
        ..step("first_review", "街道初审", "街道", Some(15), "浙江省社会救助条例 第11条：受理之日起15个工作日内")
    };
    match kind {
        CaseKind::Dibao | CaseKind::DibaoEdge => (
            if kind == CaseKind::Dibao { "最低生活保障" } else { "低保边缘家庭救助" },
            "县民政局",
            Definition {
                steps: vec![
                    apply("申请家庭（或社区居委会受委托代办）"),
                    accept,
                    survey,
                    first_review,
                    publicity("审核确认办法 第19条；浙江省社会救助条例 第11条"),
                    decision("县民政局", Some(5), "浙江省社会救助条例 第11条：收到初审意见之日起5个工作日内"),
                ],
                documents: docs(&[
                    BASIC_DOCUMENTS[0],
                    BASIC_DOCUMENTS[1],
                    BASIC_DOCUMENTS[2],
                    ("assets", "家庭财产情况（房产、车辆、存款）"),
                    BASIC_DOCUMENTS[3],
                ]),
                review_months: Some(12),
                review_months_able_to_work: Some(6),
                pay_from_next_month: true,
            },
        ),
        CaseKind::TemporaryRelief => (
            "临时救助",
            "县民政局（小额可委托街道）",
            Definition {
                steps: vec![
                    step("emergency", "先行救助（紧急情况）", "街道、社区", Some(2), "国发〔2014〕47号：紧急情况先行救助，后补手续"),
                    apply("申请家庭（社区发现困难应主动协助）"),
                    first_review,
                    publicity("浙江省社会救助条例 第38–41条"),
                    decision("县民政局", Some(5), "浙江省社会救助条例 第38–41条"),
                ]
                .into_iter()
                .map(|s| if s.key == "first_review" { StepDef { counted_from: None, days: Some(15), ..s } } else { s })
                .collect(),
                documents: docs(&[BASIC_DOCUMENTS[0], BASIC_DOCUMENTS[1], ("hardship_proof", "困难证明（医疗票据、事故或火灾证明）")]),
                review_months: None,
                review_months_able_to_work: None,
                pay_from_next_month: false,
            },
        ),
        CaseKind::MedicalAid => (
            "医疗救助",
            "县医疗保障局",
            Definition {
                steps: vec![
                    apply("申请人（低保、特困、低边人员凭证直接结算）"),
                    StepDef {
                        counted_from: None, ..step("first_review", "街道初审", "街道", Some(15), "浙江省社会救助条例 第21–24条")
                    },
                    publicity("浙江省社会救助条例 第21–24条"),
                    decision("县医疗保障局", Some(10), "县医保局审批（期限待与武义县核实）"),
                ],
                documents: docs(&[
                    BASIC_DOCUMENTS[0],
                    BASIC_DOCUMENTS[1],
                    ("medical_bills", "住院费用清单、医疗票据"),
                    ("diagnosis", "诊断证明"),
                ]),
                review_months: None,
                review_months_able_to_work: None,
                pay_from_next_month: false,
            },
        ),
        CaseKind::DisabilitySubsidy => (
            "残疾人两项补贴",
            "县残联、县民政局",
            Definition {
                steps: vec![
                    apply("申请人或监护人（社区可代办）"),
                    step("first_review", "街道初审", "街道", Some(15), "国发〔2015〕52号"),
                    publicity("国发〔2015〕52号：公示不少于7天"),
                    step("grade_check", "县残联复核残疾等级", "县残联", Some(7), "国发〔2015〕52号"),
                    decision("县民政局", Some(5), "国发〔2015〕52号：县民政局审定"),
                ],
                documents: docs(&[BASIC_DOCUMENTS[0], ("disability_card", "残疾人证"), BASIC_DOCUMENTS[1], BASIC_DOCUMENTS[3]]),
                review_months: Some(12),
                review_months_able_to_work: None,
                pay_from_next_month: false,
            },
        ),
        CaseKind::DisabilityLoan => (
            "残疾人贷款贴息",
            "县残联",
            Definition {
                steps: vec![
                    apply("持证残疾人（有劳动能力）"),
                    step("certify", "社区出具居住及生产经营证明", "社区居委会", Some(5), "残联发〔2011〕6号"),
                    decision("县残联", None, "残联发〔2011〕6号：户贷年贴息7%，项目贷款5%"),
                ],
                documents: docs(&[
                    ("disability_card", "残疾人证"),
                    ("loan_contract", "贷款合同"),
                    ("interest_statement", "利息结算清单"),
                    ("repayment", "还款凭证"),
                ]),
                review_months: Some(12),
                review_months_able_to_work: None,
                pay_from_next_month: false,
            },
        ),
        CaseKind::Reemployment => (
            "再就业（就业援助）",
            "县人力社保局",
            Definition {
                steps: vec![
                    step("register", "失业登记、认定就业困难人员", "社区、街道", Some(5), "就业促进法 第35、52条；浙人社发〔2025〕59号"),
                    step("assist", "推荐岗位、组织培训", "社区", None, "就业促进法 第53、56条"),
                ],
                documents: docs(&[("id_card", "身份证"), ("unemployment_registration", "失业登记证明")]),
                review_months: None,
                review_months_able_to_work: None,
                pay_from_next_month: false,
            },
        ),
        CaseKind::Hardship => (
            "解难题",
            "社区居委会",
            Definition {
                steps: vec![
                    step("intake", "了解情况", "社区居委会", Some(3), "社区工作规范"),
                    step("act", "协调解决", "社区居委会", Some(10), "社区工作规范"),
                ],
                documents: vec![],
                review_months: None,
                review_months_able_to_work: None,
                pay_from_next_month: false,
            },
        ),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseAction {
    Open,
    /// The current step is done; the next one starts (its clock with it).
    Advance,
    Approve,
    Refuse,
    /// Solved without an approval (a job found, a difficulty resolved).
    Solve,
    Withdraw,
    /// Payment ends (a review stopped it, the family moved away).
    Close,
}

/// Only staff move cases: the office assists and forwards; the families see where it stands.
pub static CASE_MACHINE: Machine<S, CaseAction> = Machine {
    entity: "assistance_case",
    moves: &[
        Move { action: CaseAction::Open, name: "open", from: &[], to: S::Open, roles: &[Role::Staff], audit: "case.open", done: "opened" },
        Move {
            action: CaseAction::Advance,
            name: "advance",
            from: &[S::Open],
            to: S::Open,
            roles: &[Role::Staff],
            audit: "case.advance",
            done: "moved on",
        },
        Move {
            action: CaseAction::Approve,
            name: "approve",
            from: &[S::Open],
            to: S::Approved,
            roles: &[Role::Staff],
            audit: "case.approve",
            done: "approved",
        },
        Move {
            action: CaseAction::Refuse,
            name: "refuse",
            from: &[S::Open],
            to: S::Refused,
            roles: &[Role::Staff],
            audit: "case.refuse",
            done: "refused",
        },
        Move {
            action: CaseAction::Solve,
            name: "solve",
            from: &[S::Open],
            to: S::Solved,
            roles: &[Role::Staff],
            audit: "case.solve",
            done: "solved",
        },
        Move {
            action: CaseAction::Withdraw,
            name: "withdraw",
            from: &[S::Open],
            to: S::Withdrawn,
            roles: &[Role::Staff],
            audit: "case.withdraw",
            done: "withdrawn",
        },
        Move {
            action: CaseAction::Close,
            name: "close",
            from: &[S::Approved],
            to: S::Closed,
            roles: &[Role::Staff],
            audit: "case.close",
            done: "closed",
        },
    ],
};

/// The moves staff can make on a case in `status` at step `index` of `def`: a step is advanced
/// unless it is the decision (approve or refuse there) or the last of a procedure without one
/// (solve there); refusing and withdrawing are possible at any open step.
pub fn actions_at(def: &Definition, status: S, index: usize) -> Vec<CaseAction> {
    let at_decision = def.steps.get(index).is_some_and(|s| s.decision);
    let last = index + 1 >= def.steps.len();
    CASE_MACHINE
        .available(status, Role::Staff)
        .into_iter()
        .filter(|a| match a {
            CaseAction::Advance => !at_decision && !last,
            CaseAction::Approve => at_decision,
            CaseAction::Solve => !def.has_decision(),
            _ => true,
        })
        .collect()
}

/// The 就业困难人员 category the registry already shows (浙人社发〔2025〕59号): a 低保 member,
/// a disabled card holder, or older unemployed (women 45+, men 55+; the women's age rises a year
/// every three years from 2025 to 47). The registration period and the benefit history are not
/// in the registry, so staff confirm; `None` when nothing can be derived.
pub fn derived_category(sex: Sex, age: i32, year: i32, dibao: bool, disabled: bool, zero_employment: bool) -> Option<EmploymentCategory> {
    if zero_employment {
        return Some(EmploymentCategory::ZeroEmploymentHousehold);
    }
    if dibao {
        return Some(EmploymentCategory::AssistanceHousehold);
    }
    if disabled {
        return Some(EmploymentCategory::Disabled);
    }
    let threshold = match sex {
        Sex::Female => 45 + ((year - 2025).max(0) / 3).min(2),
        Sex::Male => 55,
    };
    (age >= threshold).then_some(EmploymentCategory::OlderUnemployed)
}

/// Working-age limit for re-employment help (the statutory retirement age: men 60+, women
/// 50–55; the gradual rise from 2025 is ignored here, staff decide at the edge).
pub fn working_age(sex: Sex, age: i32) -> bool {
    (16..if sex == Sex::Male { 63 } else { 58 }).contains(&age)
}

/// What a 公示 notice may show (审核确认办法 第24条; PIPL Art 25): the applicant's name, the
/// household's size and the amount — nothing else, never an ID number, address or illness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct PublicityNotice {
    /// 星光社区
    pub community: String,
    /// The kind's name, e.g. 最低生活保障.
    pub kind_name: String,
    pub applicant_name: String,
    pub household_size: i32,
    /// The proposed or decided amount, in fen (null if not yet known).
    pub amount_fen: Option<i64>,
    /// Per month or once.
    pub monthly: bool,
    /// The posting period (7 days).
    pub posted_from: NaiveDate,
    pub posted_until: NaiveDate,
    /// Whom to tell an objection to (the 街道 and the office).
    pub objections_to: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_definition_is_valid_and_ends_in_a_decision_where_there_is_one() {
        for kind in CaseKind::ALL {
            let (_, _, def) = default_definition(*kind);
            assert_eq!(def.check(), Ok(()), "{kind}");
            let decisions = def.steps.iter().filter(|s| s.decision).count();
            let expected = usize::from(!matches!(kind, CaseKind::Reemployment | CaseKind::Hardship));
            assert_eq!(decisions, expected, "{kind}");
        }
    }

    #[test]
    fn a_definition_with_a_dangling_anchor_or_a_decision_in_the_middle_is_refused() {
        let (_, _, mut def) = default_definition(CaseKind::Dibao);
        def.steps[3].counted_from = Some("nowhere".into());
        assert!(def.check().is_err());
        let (_, _, mut def) = default_definition(CaseKind::Dibao);
        def.steps[1].decision = true;
        assert!(def.check().is_err());
        let (_, _, mut def) = default_definition(CaseKind::Dibao);
        def.steps[2].key = "accept".into();
        assert!(def.check().is_err());
    }

    #[test]
    fn dibao_first_review_is_15_working_days_from_acceptance_over_a_holiday() {
        use crate::common::workdays::WorkCalendar;
        use xingguang_db::vocab::WorkdayKind;
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
        let mut days: Vec<(NaiveDate, WorkdayKind)> = (1..=7).map(|n| (d(&format!("2026-10-0{n}")), WorkdayKind::Holiday)).collect();
        days.push((d("2026-10-10"), WorkdayKind::Workday));
        let cal = WorkCalendar::new(days);
        let (_, _, def) = default_definition(CaseKind::Dibao);
        let starts = vec![("accept".to_owned(), d("2026-09-28"))];
        // Accepted Mon 9-28: 9-29, 9-30 (2), 10-8, 10-9, 10-10 (5), 10-12..16 (10), 10-19..23 (15).
        assert_eq!(def.due(&cal, 3, d("2026-10-05"), &starts), Some(d("2026-10-23")));
        // The survey starts within 3 working days of its own start.
        assert_eq!(def.due(&cal, 2, d("2026-09-30"), &starts), Some(d("2026-10-10")));
        // The 公示 runs 7 calendar days.
        assert_eq!(def.due(&cal, 4, d("2026-10-01"), &starts), Some(d("2026-10-08")));
    }

    #[test]
    fn reviews_are_yearly_or_six_monthly_and_dibao_is_paid_from_next_month() {
        let (_, _, def) = default_definition(CaseKind::Dibao);
        let decided = NaiveDate::from_ymd_opt(2026, 1, 31).expect("a date");
        assert_eq!(def.next_review(decided, false), NaiveDate::from_ymd_opt(2027, 1, 31));
        assert_eq!(def.next_review(decided, true), NaiveDate::from_ymd_opt(2026, 7, 31));
        assert_eq!(def.payment_from(decided), NaiveDate::from_ymd_opt(2026, 2, 1).expect("a date"));
        let (_, _, relief) = default_definition(CaseKind::TemporaryRelief);
        assert_eq!(relief.next_review(decided, false), None);
        assert_eq!(relief.payment_from(decided), decided);
    }

    #[test]
    fn only_staff_move_cases_and_a_finished_case_stays_finished() {
        let m = &CASE_MACHINE;
        assert_eq!(m.check(CaseAction::Approve, S::Open, Role::Staff).map(|r| r.to).ok(), Some(S::Approved));
        assert_eq!(m.check(CaseAction::Advance, S::Open, Role::Staff).map(|r| r.to).ok(), Some(S::Open));
        for status in [S::Refused, S::Solved, S::Withdrawn, S::Closed] {
            for action in
                [CaseAction::Advance, CaseAction::Approve, CaseAction::Refuse, CaseAction::Solve, CaseAction::Withdraw, CaseAction::Close]
            {
                assert_eq!(m.check(action, status, Role::Staff).err().map(|e| e.status.as_u16()), Some(409), "{action:?} from {status}");
            }
        }
        assert_eq!(m.check(CaseAction::Close, S::Approved, Role::Staff).map(|r| r.to).ok(), Some(S::Closed));
        assert_eq!(m.check(CaseAction::Advance, S::Approved, Role::Staff).err().map(|e| e.status.as_u16()), Some(409));
        for role in [Role::GroupLeader, Role::Resident, Role::Partner] {
            assert_eq!(m.check(CaseAction::Approve, S::Open, role).err().map(|e| e.status.as_u16()), Some(403));
            assert!(m.check_create(CaseAction::Open, role).is_err());
        }
    }

    #[test]
    fn the_actions_offered_follow_the_step() {
        let (_, _, dibao) = default_definition(CaseKind::Dibao);
        assert_eq!(actions_at(&dibao, S::Open, 0), [CaseAction::Advance, CaseAction::Refuse, CaseAction::Withdraw]);
        assert_eq!(actions_at(&dibao, S::Open, 5), [CaseAction::Approve, CaseAction::Refuse, CaseAction::Withdraw]);
        assert_eq!(actions_at(&dibao, S::Approved, 5), [CaseAction::Close]);
        let (_, _, job) = default_definition(CaseKind::Reemployment);
        assert_eq!(actions_at(&job, S::Open, 1), [CaseAction::Refuse, CaseAction::Solve, CaseAction::Withdraw]);
        assert_eq!(actions_at(&job, S::Solved, 1), []);
    }

    #[test]
    fn the_2025_category_is_not_the_old_4050_rule() {
        // A 42-year-old woman is not "older unemployed" (the 4050 label would say 40+).
        assert_eq!(derived_category(Sex::Female, 42, 2026, false, false, false), None);
        assert_eq!(derived_category(Sex::Female, 45, 2026, false, false, false), Some(EmploymentCategory::OlderUnemployed));
        // The women's age rises: 46 from 2028, 47 from 2031.
        assert_eq!(derived_category(Sex::Female, 45, 2028, false, false, false), None);
        assert_eq!(derived_category(Sex::Female, 46, 2028, false, false, false), Some(EmploymentCategory::OlderUnemployed));
        assert_eq!(derived_category(Sex::Female, 46, 2031, false, false, false), None);
        assert_eq!(derived_category(Sex::Female, 47, 2040, false, false, false), Some(EmploymentCategory::OlderUnemployed));
        // Men: 55, not 50.
        assert_eq!(derived_category(Sex::Male, 52, 2026, false, false, false), None);
        assert_eq!(derived_category(Sex::Male, 55, 2026, false, false, false), Some(EmploymentCategory::OlderUnemployed));
        assert_eq!(derived_category(Sex::Male, 30, 2026, true, false, false), Some(EmploymentCategory::AssistanceHousehold));
        assert_eq!(derived_category(Sex::Male, 30, 2026, false, false, true), Some(EmploymentCategory::ZeroEmploymentHousehold));
    }
}
