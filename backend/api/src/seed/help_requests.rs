//! Demo help requests and the handbook's first edition: a year of requests in every state (a
//! few overdue, the 朝阳路 cooking-smoke complaint among them) routed to ~40 handbook entries.
//! Phone numbers are invented in a range no real line uses (0579-0000-xxxx, 199-0000-xxxx);
//! the national service numbers (110, 12345, …) are the real ones.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use diesel::sql_types::Uuid as SqlUuid;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use uuid::Uuid;
use xingguang_db::models::community::Community;
use xingguang_db::models::help_request::{Edition, HelpRequest, RequestNote};
use xingguang_db::models::state_change::StateChange;
use xingguang_db::models::user::User;
use xingguang_db::sealed::Sealed;
use xingguang_db::vocab::{EditionStatus, RequestChannel, RequestKind, RequestStatus};

use crate::common::clock::CHINA;
use crate::common::workdays::WorkCalendar;
use crate::help_requests::domain::{due, follow_up_due, Category, Choice, Content, Entry, Limit, LimitUnit, PartyKind, Question};

const UTILITIES: [&str; 3] = ["water", "power", "gas"];

pub const COMMUNITY_CODE: &str = "wuyi-xingguang";

fn entry(name: &str, party: PartyKind, phone: &str, hours: &str, address: &str, bring: &str) -> Entry {
    Entry { name: name.into(), party, phone: phone.into(), hours: hours.into(), address: address.into(), bring: bring.into() }
}

fn hours(n: u32) -> Limit {
    Limit { amount: n, unit: LimitUnit::Hours }
}

fn days(n: u32) -> Limit {
    Limit { amount: n, unit: LimitUnit::WorkingDays }
}

#[allow(clippy::too_many_arguments)]
fn category(
    code: &str,
    name: &str,
    description: &str,
    kind: RequestKind,
    response: Limit,
    resolution: Limit,
    entries: Vec<Entry>,
) -> Category {
    Category {
        code: code.into(),
        name: name.into(),
        description: description.into(),
        kind,
        response,
        resolution,
        questions: vec![],
        entries,
    }
}

/// The first edition: 12 categories, 40 entries.
pub fn first_edition() -> Content {
    use PartyKind::*;
    let office = "星光社区党群服务中心（朝阳路88号）";
    let workday = "工作日 8:30–17:30";
    let mut utilities = category(
        "utilities",
        "水电气维修",
        "停水停电、燃气异味、管道漏水。闻到燃气味请先关阀开窗，不要开关电器，到户外再打电话。",
        RequestKind::Repair,
        hours(2),
        days(3),
        vec![
            entry("县供电公司故障抢修", Utility, "95598", "24小时", "", "电费户号"),
            entry("县自来水公司抢修", Utility, "0579-0000-1101", "24小时", "武义县壶山街道", "水费户号"),
            entry("县燃气公司抢险", Utility, "0579-0000-1102", "24小时", "", "燃气户号"),
            entry("社区物业协调（水电）", Office, "0579-0000-2001", workday, office, "门牌号"),
        ],
    );
    utilities.questions = vec![Question {
        code: "utility".into(),
        label: "哪一项出了问题".into(),
        required: true,
        choices: vec![
            Choice { key: "water".into(), name: "水".into() },
            Choice { key: "power".into(), name: "电".into() },
            Choice { key: "gas".into(), name: "燃气".into() },
        ],
    }];
    let categories = vec![
        utilities,
        category(
            "property",
            "物业与房屋",
            "楼道灯、单元门、屋顶漏水、公共设施损坏。",
            RequestKind::Repair,
            days(1),
            days(5),
            vec![
                entry("社区物业服务站", Office, "0579-0000-2002", workday, office, "门牌号、照片"),
                entry("老旧小区改造办公室", County, "0579-0000-1201", workday, "武义县住建局", ""),
                entry("房屋安全鉴定咨询", County, "0579-0000-1202", workday, "武义县住建局", "房产证"),
            ],
        ),
        category(
            "sanitation",
            "环境卫生",
            "垃圾清运、卫生死角、污水、蚊蝇。",
            RequestKind::Repair,
            days(1),
            days(3),
            vec![
                entry("县环卫所（清运调度）", County, "0579-0000-1301", "7:00–19:00", "", "位置"),
                entry("社区环境卫生专干", Office, "0579-0000-2003", workday, office, ""),
                entry("垃圾分类督导员", Office, "199-0000-0301", "8:00–18:00", "", ""),
            ],
        ),
        category(
            "safety",
            "治安与消防",
            "可疑人员、消防通道堵塞、电动车楼道充电。紧急情况请直接拨打110或119。",
            RequestKind::Help,
            hours(1),
            days(2),
            vec![
                entry("报警", County, "110", "24小时", "", "位置、情况"),
                entry("火警", County, "119", "24小时", "", "位置"),
                entry("壶山派出所", County, "0579-0000-1401", "24小时", "武义县壶山街道", ""),
                entry("社区治安联防队", Office, "199-0000-0401", "19:00–次日6:00", office, ""),
            ],
        ),
        category(
            "health",
            "医疗卫生",
            "急病、家庭医生签约、慢病随访、疫苗接种。",
            RequestKind::Inquiry,
            hours(4),
            days(3),
            vec![
                entry("急救", County, "120", "24小时", "", "地址、病情"),
                entry("壶山街道社区卫生服务中心", Partner, "0579-0000-1501", "8:00–17:00", "武义县壶山街道", "医保卡"),
                entry("家庭医生签约服务", Partner, "0579-0000-1502", workday, "", "身份证、医保卡"),
            ],
        ),
        category(
            "elderly",
            "养老服务",
            "居家养老、助餐、老年优待证、高龄津贴、独居老人关爱。",
            RequestKind::Help,
            days(1),
            days(5),
            vec![
                entry("社区居家养老服务照料中心", Office, "0579-0000-2004", "8:00–17:00", office, "身份证"),
                entry("老年食堂（助餐点）", Partner, "0579-0000-2005", "11:00–12:30", office, ""),
                entry("县民政局养老服务科", County, "0579-0000-1601", workday, "武义县民政局", "身份证、户口本"),
            ],
        ),
        category(
            "disability",
            "助残服务",
            "残疾人证、两项补贴、辅具适配、无障碍改造。",
            RequestKind::Help,
            days(1),
            days(10),
            vec![
                entry("社区残疾人专职委员", Office, "0579-0000-2006", workday, office, "残疾人证"),
                entry("县残疾人联合会", County, "0579-0000-1701", workday, "武义县残联", "残疾人证、身份证"),
                entry("县辅具服务中心", County, "0579-0000-1702", workday, "", "残疾人证"),
            ],
        ),
        category(
            "assistance",
            "社会救助",
            "低保、临时救助、医疗救助、困难帮扶的咨询与申请。",
            RequestKind::Help,
            days(1),
            days(5),
            vec![
                entry("社区社会救助窗口", Office, "0579-0000-2007", workday, office, "身份证、户口本"),
                entry("壶山街道社会事务办", County, "0579-0000-1801", workday, "武义县壶山街道", ""),
                entry("民政服务热线", County, "0579-0000-1802", workday, "", ""),
            ],
        ),
        category(
            "employment",
            "就业创业",
            "求职登记、技能培训、创业担保贷款、就业困难人员认定。",
            RequestKind::Inquiry,
            days(2),
            days(10),
            vec![
                entry("社区就业服务站", Office, "0579-0000-2008", workday, office, "身份证、失业登记证"),
                entry("县人力资源市场", County, "0579-0000-1901", workday, "", "身份证、简历"),
                entry("人社服务热线", County, "12333", workday, "", ""),
            ],
        ),
        category(
            "legal",
            "法律援助",
            "法律咨询、法律援助申请、劳动争议。",
            RequestKind::Inquiry,
            days(2),
            days(10),
            vec![
                entry("社区法律顾问（每周三坐班）", Partner, "0579-0000-2101", "周三 9:00–11:30", office, "相关材料"),
                entry("县法律援助中心", County, "12348", workday, "武义县司法局", "身份证、经济困难证明"),
                entry("县劳动人事争议仲裁院", County, "0579-0000-2102", workday, "", "劳动合同、工资凭证"),
            ],
        ),
        category(
            "neighbours",
            "邻里纠纷与投诉",
            "噪音、油烟、占道、漏水殃及邻居等邻里矛盾；社区人民调解委员会免费调解。",
            RequestKind::Complaint,
            days(1),
            days(10),
            vec![
                entry("社区人民调解委员会", Office, "0579-0000-2009", workday, office, "双方姓名、情况经过"),
                entry("居民小组长（先找组长）", Office, "199-0000-0901", "随时", "", ""),
                entry("县综合行政执法局（油烟、占道）", County, "0579-0000-2201", workday, "", "位置、照片"),
                entry("县生态环境分局（环境污染）", County, "0579-0000-2202", workday, "", "位置、照片"),
            ],
        ),
        category(
            "other",
            "其他事项与政务咨询",
            "不知道找谁时，先打社区电话或12345，我们帮您找到对的人。",
            RequestKind::Inquiry,
            days(1),
            days(5),
            vec![
                entry("星光社区居委会（总机）", Office, "0579-0000-2000", workday, office, ""),
                entry("12345政务服务便民热线", County, "12345", "24小时", "", ""),
                entry("社区党群服务中心值班", Office, "199-0000-1101", "节假日 9:00–17:00", office, ""),
                entry("武义县政务服务中心", County, "0579-0000-2301", workday, "武义县壶山街道", "身份证"),
            ],
        ),
    ];
    Content { categories }
}

/// What happened in a seeded request, as a resident would describe it.
const SAMPLES: &[(&str, RequestKind, &str, &str)] = &[
    ("utilities", RequestKind::Repair, "楼下总水阀漏水，楼道地面一直有积水。", "已联系自来水公司更换阀门，积水已清理。"),
    ("utilities", RequestKind::Repair, "单元里闻到燃气味，已经开窗。", "燃气公司抢险人员到场检查，更换老化软管，已无异味。"),
    ("utilities", RequestKind::Repair, "家里突然停电，邻居家有电。", "供电公司查明为入户开关老化，已更换。"),
    ("property", RequestKind::Repair, "3单元楼道灯坏了一个多星期，老人晚上上楼看不见。", "物业已更换声控灯。"),
    ("property", RequestKind::Repair, "顶楼下雨天漏水，墙面发霉。", "已协调维修基金做屋面防水。"),
    ("property", RequestKind::Repair, "单元门门禁坏了，关不上。", "门禁已修好。"),
    ("sanitation", RequestKind::Repair, "巷口垃圾桶满了两天没人清运。", "环卫所已增加清运频次。"),
    ("sanitation", RequestKind::Repair, "小区后面的卫生死角堆了很多建筑垃圾。", "已组织清理并设立提示牌。"),
    ("safety", RequestKind::Help, "有人在楼道里给电动车充电，很危险。", "已上门劝导，车主改到集中充电桩充电。"),
    ("safety", RequestKind::Help, "消防通道被私家车长期占用。", "联防队已联系车主挪车，并画了禁停线。"),
    ("health", RequestKind::Inquiry, "想给家里老人签约家庭医生，怎么办理？", "已告知办理方式，家庭医生已上门签约。"),
    ("elderly", RequestKind::Help, "独居的母亲腿脚不便，想申请老年助餐送餐。", "已登记助餐，每日由志愿者送餐上门。"),
    ("elderly", RequestKind::Inquiry, "老年优待证丢了，怎么补办？", "已帮助提交补办申请，新证已发放。"),
    ("disability", RequestKind::Help, "家里残疾人需要轮椅，能不能申请辅具？", "已协助向县辅具中心申请，轮椅已送到。"),
    ("assistance", RequestKind::Help, "家里老人住院花费大，想了解医疗救助。", "已讲解政策并协助准备材料，转社会救助窗口办理。"),
    ("employment", RequestKind::Inquiry, "失业半年了，想参加技能培训。", "已推荐参加县里的电工培训班。"),
    ("legal", RequestKind::Inquiry, "工地拖欠工资三个月，怎么维权？", "法律顾问已解答，并协助申请法律援助。"),
    ("neighbours", RequestKind::Complaint, "楼上每天晚上11点以后还很吵。", "组长和调解员上门沟通，双方约定晚十点后保持安静。"),
    ("neighbours", RequestKind::Complaint, "邻居家空调滴水滴在我家窗台上。", "已协调加装排水管。"),
    ("other", RequestKind::Inquiry, "孩子上学需要开居住证明，去哪里开？", "已告知到社区窗口办理，当场开具。"),
];

fn at(day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, minute, 0).unwrap_or_default().and_local_timezone(CHINA).single().map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

#[derive(diesel::QueryableByName)]
struct Person {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    household_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    group_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    address: String,
}

fn history(
    community_id: Uuid,
    id: Uuid,
    action: &str,
    from: Option<RequestStatus>,
    to: RequestStatus,
    actor: &User,
    at: DateTime<Utc>,
) -> StateChange {
    StateChange {
        id: xingguang_db::new_id(),
        community_id,
        entity: "help request".into(),
        entity_id: id,
        action: action.into(),
        from_state: from.map(|s| s.to_string()),
        to_state: to.to_string(),
        note: None,
        actor_name: actor.display_name.clone(),
        actor_user: Some(actor.id),
        at,
    }
}

fn note(community_id: Uuid, id: Uuid, action: &str, public: bool, body: &str, actor: &User, at: DateTime<Utc>) -> RequestNote {
    RequestNote {
        id: xingguang_db::new_id(),
        request_id: id,
        community_id,
        action: Some(action.into()),
        public,
        body: body.into(),
        author_name: actor.display_name.clone(),
        author_user: Some(actor.id),
        update_id: None,
        at,
    }
}

pub async fn seed(conn: &mut AsyncPgConnection, community_id: Uuid, staff: &User, today: NaiveDate) -> anyhow::Result<()> {
    if Edition::current(conn, community_id).await?.is_some() {
        return Ok(());
    }
    Community::set_code(conn, community_id, COMMUNITY_CODE).await?;
    let content = first_edition();
    let published_on = NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 1, 15).unwrap_or(today);
    let first = at(published_on, 9, 0) - Duration::days(30);
    let edition = Edition::insert(
        conn,
        &Edition {
            id: xingguang_db::new_id(),
            community_id,
            number: 1,
            title: "星光社区居民手册".into(),
            status: EditionStatus::Published,
            content: serde_json::to_value(&content)?,
            published_on: Some(published_on),
            published_by: Some(staff.id),
            version: 1,
            created_at: first,
            updated_at: first,
        },
    )
    .await?;
    let director = User::find_by_username(conn, "director").await?.unwrap_or_else(|| staff.clone());
    let workers = [staff.clone(), director];
    let leader = User::find_by_username(conn, "leader").await?;
    let resident_user = User::find_by_username(conn, "resident").await?;
    let people: Vec<Person> = diesel::sql_query(
        "SELECT r.id, r.household_id, h.group_id, r.name, h.road || h.building || h.unit || h.room AS address FROM residents r \
         JOIN households h ON h.id = r.household_id WHERE r.community_id = $1 AND r.status = 'active' \
         AND r.birth_date < now() - interval '18 years' ORDER BY r.id LIMIT 2000",
    )
    .bind::<SqlUuid, _>(community_id)
    .load(conn)
    .await?;
    if people.is_empty() {
        return Ok(());
    }
    let zhang = resident_user.as_ref().and_then(|u| u.resident_id).and_then(|id| people.iter().find(|p| p.id == id).map(|p| p.id));
    let zhang_group = zhang.and_then(|id| people.iter().find(|p| p.id == id)).map(|p| p.group_id);
    let calendar = WorkCalendar::load(conn, today - Duration::days(400), today + Duration::days(60)).await?;
    let now = at(today, 10, 0);
    let mut rng = StdRng::seed_from_u64(12);
    let mut requests = Vec::new();
    let mut changes = Vec::new();
    let mut notes = Vec::new();
    let total = 300;
    for n in 0..total {
        // Spread over the past year, the newest last; the last 25 are still open.
        let days_ago = (365 * (total - n) / total) as i64;
        let day = today - Duration::days(days_ago);
        let received = at(day, rng.gen_range(8..20), rng.gen_range(0..60));
        let (code, kind, description, resolution) = SAMPLES[rng.gen_range(0..SAMPLES.len())];
        let mut description = description.to_owned();
        let mut resolution = resolution.to_owned();
        let mut code = code;
        let mut kind = kind;
        let smoke = n == 150;
        if smoke {
            code = "neighbours";
            kind = RequestKind::Complaint;
            description = "朝阳路一楼餐馆的油烟直排，楼上几户窗户都不敢开，衣服也不能晾，希望社区出面解决。".into();
            resolution =
                "组长两次上门协调未果，转社区人民调解委员会调解：餐馆加装油烟净化器并改造排烟管道至楼顶，双方签订书面调解协议。".into();
        }
        let cat = content.category(code).cloned().unwrap_or_else(|| content.categories[0].clone());
        let person = &people[rng.gen_range(0..people.len())];
        let is_zhang = zhang.is_some() && (n == total - 3 || n == 200);
        let person_id = if is_zhang { zhang.unwrap_or(person.id) } else { person.id };
        let person = people.iter().find(|p| p.id == person_id).unwrap_or(person);
        let channel = match rng.gen_range(0..10) {
            0..=4 => RequestChannel::Hotline,
            5..=7 => RequestChannel::App,
            _ => RequestChannel::Leader,
        };
        let channel = if is_zhang { RequestChannel::App } else { channel };
        let filed_by = match channel {
            RequestChannel::App => resident_user.as_ref().filter(|_| is_zhang).map(|u| u.id),
            RequestChannel::Leader => leader.as_ref().map(|u| u.id),
            _ => Some(staff.id),
        };
        // The demo leader files for residents of their own group (张秀英's, group 1) only; for
        // others, and for residents without a login, it was the hotline.
        let own_group = zhang_group == Some(person.group_id);
        let (channel, filed_by) = match channel {
            RequestChannel::App if filed_by.is_none() => (RequestChannel::Hotline, Some(staff.id)),
            RequestChannel::Leader if !own_group => (RequestChannel::Hotline, Some(staff.id)),
            _ => (channel, filed_by.or(Some(staff.id))),
        };
        let worker = &workers[n % 2];
        let id = xingguang_db::new_id();
        let open_tail = total - n <= 25;
        let status = if smoke {
            RequestStatus::Closed
        } else if is_zhang && n == total - 3 {
            RequestStatus::Resolved
        } else if open_tail {
            match n % 5 {
                0 => RequestStatus::Received,
                1 | 2 => RequestStatus::Assigned,
                3 => RequestStatus::InProgress,
                _ => RequestStatus::Resolved,
            }
        } else {
            match rng.gen_range(0..100) {
                0..=3 => RequestStatus::NotOurs,
                4..=5 => RequestStatus::Duplicate,
                _ => RequestStatus::Closed,
            }
        };
        let response_due = due(received, cat.response, &calendar);
        let resolution_due = due(received, cat.resolution, &calendar);
        // Five open ones ran past their time: days-old requests still unfinished.
        let responded = received + Duration::minutes(rng.gen_range(20..240));
        let resolved_at = (responded + Duration::hours(rng.gen_range(4..60))).min(now - Duration::hours(1));
        let mut r = HelpRequest {
            id,
            community_id,
            number: String::new(),
            kind,
            category_code: cat.code.clone(),
            category_name: cat.name.clone(),
            edition_id: edition.id,
            description,
            address: person.address.clone(),
            lat: None,
            long: None,
            channel,
            resident_id: Some(person.id),
            household_id: Some(person.household_id),
            group_id: Some(person.group_id),
            caller_name: person.name.clone(),
            caller_phone: Some(Sealed(format!("199{:08}", rng.gen_range(0..100_000_000u32)))),
            caller_email: None,
            filed_by,
            open311_client_id: None,
            open311_token: xingguang_db::new_id(),
            media_url: None,
            answers: if code == "utilities" { json!({ "utility": UTILITIES[rng.gen_range(0..3)] }) } else { json!({}) },
            status,
            assignee: (status != RequestStatus::Received).then_some(worker.id),
            referral: None,
            referral_ref: None,
            resolution: None,
            duplicate_of: None,
            mediation_ref: None,
            satisfaction: None,
            followup_comment: None,
            received_at: received,
            response_due_at: response_due,
            resolution_due_at: resolution_due,
            responded_at: (status != RequestStatus::Received).then_some(responded),
            resolved_at: None,
            followup_due_on: None,
            closed_at: None,
            escalated_at: None,
            reopened: 0,
            version: 1,
            created_at: received,
            updated_at: received,
        };
        if let Some(e) = <[Entry]>::first(&cat.entries).filter(|_| rng.gen_bool(0.4) && status != RequestStatus::Received) {
            r.referral = Some(json!({ "name": e.name, "party": e.party, "phone": e.phone }));
            r.referral_ref = Some(format!("GD{}{:04}", day.format("%m%d"), rng.gen_range(0..10_000)));
        }
        let number = format!("{}-{:04}", chrono::Datelike::year(&received.with_timezone(&CHINA).date_naive()), 0);
        r.number = number; // renumbered below, in order of arrival per year
        changes.push(history(community_id, id, "receive", None, RequestStatus::Received, staff, received));
        if status != RequestStatus::Received {
            changes.push(history(community_id, id, "assign", Some(RequestStatus::Received), RequestStatus::Assigned, staff, responded));
        }
        match status {
            RequestStatus::InProgress => changes.push(history(
                community_id,
                id,
                "start",
                Some(RequestStatus::Assigned),
                status,
                worker,
                responded + Duration::minutes(30),
            )),
            RequestStatus::Resolved | RequestStatus::Closed => {
                r.resolution = Some(resolution.clone());
                r.resolved_at = Some(resolved_at);
                r.followup_due_on = Some(follow_up_due(resolved_at, &calendar));
                changes.push(history(
                    community_id,
                    id,
                    "resolve",
                    Some(RequestStatus::Assigned),
                    RequestStatus::Resolved,
                    worker,
                    resolved_at,
                ));
                notes.push(note(community_id, id, "resolve", true, &resolution, worker, resolved_at));
                if status == RequestStatus::Closed {
                    let score = [5, 5, 5, 5, 4, 4, 3][rng.gen_range(0..7)];
                    let called = resolved_at + Duration::days(rng.gen_range(1..4));
                    r.satisfaction = Some(score);
                    r.closed_at = Some(called);
                    changes.push(history(community_id, id, "follow_up", Some(RequestStatus::Resolved), status, worker, called));
                    notes.push(note(community_id, id, "follow_up", false, &format!("满意度 {score}/5"), worker, called));
                }
            }
            RequestStatus::NotOurs => {
                let body = "此事属县级部门职责，已告知居民拨打12345政务服务便民热线反映。";
                r.closed_at = Some(responded);
                changes.push(history(community_id, id, "not_ours", Some(RequestStatus::Assigned), status, worker, responded));
                notes.push(note(community_id, id, "not_ours", true, body, worker, responded));
            }
            _ => {}
        }
        if smoke {
            notes.push(note(
                community_id,
                id,
                "start",
                true,
                "居民小组长两次上门协调，餐馆未整改。",
                worker,
                responded + Duration::days(2),
            ));
        }
        // The last open ones of last week ran past their resolution time.
        if open_tail && n % 5 != 4 && n < total - 18 {
            r.escalated_at = Some(r.resolution_due_at.max(received) + Duration::hours(1)).filter(|t| *t < now);
        }
        requests.push(r);
    }
    // Numbers by year in order of arrival; duplicates point at the request before them.
    requests.sort_by_key(|r| r.received_at);
    let mut seq = std::collections::HashMap::new();
    for r in &mut requests {
        let year = chrono::Datelike::year(&r.received_at.with_timezone(&CHINA).date_naive());
        let n = seq.entry(year).or_insert(0);
        *n += 1;
        r.number = format!("{year}-{n:04}");
    }
    for i in 1..requests.len() {
        if requests[i].status == RequestStatus::Duplicate {
            let original = requests[i - 1].id;
            let number = requests[i - 1].number.clone();
            let r = &mut requests[i];
            r.duplicate_of = Some(original);
            r.closed_at = r.responded_at;
            let at = r.responded_at.unwrap_or(r.received_at);
            changes.push(history(community_id, r.id, "duplicate", Some(RequestStatus::Assigned), RequestStatus::Duplicate, staff, at));
            notes.push(note(community_id, r.id, "duplicate", true, &format!("与求助 {number} 是同一件事，在那里一并办理。"), staff, at));
        }
    }
    for chunk in requests.chunks(500) {
        HelpRequest::insert_all(conn, chunk).await?;
    }
    StateChange::insert_all(conn, &changes).await?;
    for chunk in notes.chunks(1000) {
        RequestNote::insert_all(conn, chunk).await?;
    }
    Ok(())
}
