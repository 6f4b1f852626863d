//! Demo partner units: the seed's 13 共建单位 (县工商银行 named in the work summary; the others
//! plausible local organisations, with invented contacts), a few published needs and pledges in
//! every state, so the dashboard has something to review.

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
use diesel_async::AsyncPgConnection;
use serde_json::json;
use uuid::Uuid;
use xingguang_db::models::need::{Need, NewNeed};
use xingguang_db::models::partner::{NewPartnerUnit, PartnerUnit};
use xingguang_db::models::pledge::{Delivery, NewPledge, Pledge, PledgeTransition};
use xingguang_db::models::user::User;
use xingguang_db::vocab::{NeedCategory, PartnerKind, PledgeStatus};

use crate::common::state_machine::Actor;
use crate::pledges::domain::{PledgeAction, SupportDetails, PLEDGE_MACHINE};

/// (name, kind, contact, phone, address, partnered since)
const UNITS: [(&str, PartnerKind, &str, &str, &str, &str); 13] = [
    ("县工商银行", PartnerKind::Bank, "陈志强", "13905791234", "武义县壶山街道解放街88号", "2015-03-01"),
    ("县农商银行壶山支行", PartnerKind::Bank, "何晓燕", "13867912345", "武义县壶山街道熟溪路12号", "2016-05-10"),
    ("县人民医院", PartnerKind::Hospital, "徐文华", "13757923456", "武义县壶山街道温泉路1号", "2014-09-01"),
    ("壶山小学", PartnerKind::School, "周丽萍", "13588934567", "武义县壶山街道学前路5号", "2015-09-01"),
    ("县实验中学", PartnerKind::School, "吴国平", "13819945678", "武义县壶山街道城东路20号", "2017-02-15"),
    ("县供电公司", PartnerKind::Enterprise, "郑建华", "13905756789", "武义县壶山街道永康街66号", "2014-06-01"),
    ("县自来水公司", PartnerKind::Enterprise, "王海涛", "13867967890", "武义县壶山街道下王宅路3号", "2016-03-20"),
    ("县邮政分公司", PartnerKind::Enterprise, "李春燕", "13757978901", "武义县壶山街道解放街120号", "2018-01-10"),
    ("县税务局", PartnerKind::Government, "张建新", "13588989012", "武义县壶山街道壶山中路8号", "2015-07-01"),
    ("壶山派出所", PartnerKind::Government, "刘卫东", "13819990123", "武义县壶山街道环城北路15号", "2014-05-01"),
    ("县妇女联合会", PartnerKind::SocialOrganization, "杨慧芳", "13905701234", "武义县壶山街道县前街2号", "2016-10-01"),
    ("县老年体育协会", PartnerKind::SocialOrganization, "黄德明", "13867912346", "武义县壶山街道溪南路9号", "2017-06-01"),
    ("星光超市", PartnerKind::Enterprise, "朱美玲", "13757923457", "武义县壶山街道星光路18号", "2019-04-01"),
];

pub const DEMO_PARTNER: &str = "县工商银行";

/// Creates the units and demo needs/pledges unless they exist; links the `partner` user.
pub async fn seed(conn: &mut AsyncPgConnection, community_id: Uuid, staff: &User, partner_user: Option<&User>) -> anyhow::Result<bool> {
    if let Some(unit) = PartnerUnit::find_by_name(conn, community_id, DEMO_PARTNER).await? {
        if let Some(user) = partner_user.filter(|u| u.partner_id.is_none()) {
            User::link_partner(conn, user.id, unit.id).await?;
        }
        return Ok(false);
    }
    let mut units = Vec::new();
    for (name, kind, contact, phone, address, since) in UNITS {
        let unit = PartnerUnit::insert(
            conn,
            &NewPartnerUnit {
                id: xingguang_db::new_id(),
                community_id,
                name: name.to_owned(),
                kind,
                contact_name: Some(contact.to_owned()),
                contact_phone: Some((*phone).into()),
                address: Some(address.to_owned()),
                partnered_since: NaiveDate::parse_from_str(since, "%Y-%m-%d").ok(),
            },
        )
        .await?;
        units.push(unit);
    }
    if let Some(user) = partner_user {
        User::link_partner(conn, user.id, units[0].id).await?;
    }
    let today = crate::common::clock::Clock::system().today();
    let need = |title: &str, description: &str, category: NeedCategory, target: Option<i64>, unit: &str, days: i64| NewNeed {
        id: xingguang_db::new_id(),
        community_id,
        title: title.to_owned(),
        description: description.to_owned(),
        category,
        target_quantity: target,
        unit: unit.to_owned(),
        deadline: Some(today + Duration::days(days)),
        created_by: staff.id,
    };
    let square = Need::insert(
        conn,
        &need(
            "夜间广场文体活动场地",
            "每晚约300位中老年居民开展文体健身活动，需要固定的广场场地。",
            NeedCategory::Venue,
            Some(60),
            "slot",
            90,
        ),
    )
    .await?;
    let elderly =
        Need::insert(conn, &need("重阳节敬老慰问经费", "为辖区80岁以上老人购置慰问品。", NeedCategory::Money, Some(1_000_000), "fen", 60))
            .await?;
    let speakers =
        Need::insert(conn, &need("文艺队音响设备", "腰鼓队、纸扇队等四支业余表演队需要音箱。", NeedCategory::Equipment, Some(4), "台", 45))
            .await?;
    let volunteers = Need::insert(
        conn,
        &need("文明创建志愿服务", "楼道清理、垃圾分类宣传，每周六上午。", NeedCategory::Volunteers, Some(120), "person_hour", 30),
    )
    .await?;

    // (unit index, need, details, note, final state)
    let evening = |day: i64| {
        let date = today - Duration::days(day);
        let start = Utc.with_ymd_and_hms(date.year(), date.month(), date.day(), 11, 0, 0).single().unwrap_or_else(Utc::now);
        json!({ "starts_at": start, "ends_at": start + Duration::hours(2) })
    };
    let slots: Vec<serde_json::Value> = (0..30).map(|d| evening(30 - d)).collect();
    let pledges = [
        (
            0,
            Some(&square),
            json!({ "kind": "venue", "place": "工商银行门前广场", "slots": slots }),
            "每晚19:00–21:00开放。",
            PledgeStatus::Fulfilled,
        ),
        (1, Some(&elderly), json!({ "kind": "money", "amount_fen": 500_000 }), "敬老慰问专项资金。", PledgeStatus::Submitted),
        (
            5,
            Some(&speakers),
            json!({ "kind": "goods", "items": [{ "name": "便携式音箱", "quantity": 2, "unit": "台" }] }),
            "",
            PledgeStatus::Accepted,
        ),
        (3, Some(&volunteers), json!({ "kind": "volunteer_time", "people": 10, "hours": 3 }), "师生志愿者。", PledgeStatus::Submitted),
        (
            12,
            None,
            json!({ "kind": "goods", "items": [{ "name": "食用油", "quantity": 50, "unit": "桶" }, { "name": "大米", "quantity": 50, "unit": "袋" }] }),
            "春节慰问困难家庭。",
            PledgeStatus::Fulfilled,
        ),
    ];
    for (unit_index, need, details, note, state) in pledges {
        let unit = &units[unit_index];
        // The same measure as a pledge submitted through the API.
        let support: SupportDetails = serde_json::from_value(details.clone())?;
        let quantity = support.quantity();
        let pledge = Pledge::insert(
            conn,
            &NewPledge {
                id: xingguang_db::new_id(),
                community_id,
                partner_id: unit.id,
                need_id: need.map(|n| n.id),
                kind: support.kind(),
                details: details.clone(),
                quantity,
                planned_date: Some(today - Duration::days(20)),
                note: note.to_owned(),
                submitted_by_user: partner_user.filter(|_| unit_index == 0).map(|u| u.id),
                submitted_by_client: None,
            },
        )
        .await?;
        let m = &PLEDGE_MACHINE;
        let by_unit = Actor { name: unit.name.clone(), user_id: None };
        let by_staff = Actor { name: staff.display_name.clone(), user_id: Some(staff.id) };
        let note = Some(note.to_owned()).filter(|n| !n.is_empty());
        m.record(conn, m.rule(PledgeAction::Submit), community_id, pledge.id, None, note, &by_unit).await?;
        if state == PledgeStatus::Submitted {
            continue;
        }
        let accepted = Pledge::transition(
            conn,
            pledge.id,
            pledge.version,
            &[PledgeStatus::Submitted],
            &PledgeTransition {
                status: Some(PledgeStatus::Accepted),
                decided_by: Some(Some(staff.id)),
                decided_at: Some(Some(Utc::now() - Duration::days(25))),
                ..Default::default()
            },
        )
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo pledge changed"))?;
        let accept = m.rule(PledgeAction::Accept);
        m.record(conn, accept, community_id, pledge.id, Some(PledgeStatus::Submitted), None, &by_staff).await?;
        if state == PledgeStatus::Fulfilled {
            Delivery::insert(
                conn,
                &Delivery {
                    id: xingguang_db::new_id(),
                    community_id,
                    pledge_id: pledge.id,
                    partner_id: unit.id,
                    delivered_on: today - Duration::days(1),
                    quantity,
                    details: json!({}),
                    receipt_number: Some(format!("XG{}{:03}", today.format("%Y%m"), unit_index + 1)),
                    note: String::new(),
                    recorded_by: staff.id,
                    created_at: Utc::now(),
                },
            )
            .await?;
            Pledge::transition(
                conn,
                pledge.id,
                accepted.version,
                &[PledgeStatus::Accepted],
                &PledgeTransition {
                    status: Some(PledgeStatus::Fulfilled),
                    delivered_quantity: Some(quantity),
                    fulfilled_at: Some(Some(Utc::now() - Duration::days(1))),
                    ..Default::default()
                },
            )
            .await?;
            let fulfil = m.rule(PledgeAction::Fulfil);
            m.record(conn, fulfil, community_id, pledge.id, Some(PledgeStatus::Accepted), None, &by_staff).await?;
        }
    }
    Ok(true)
}
