//! A synthetic registry shaped like 星光社区: resident groups with leaders, 2,879 households and
//! 7,355 residents (by default) with a plausible age structure — enough people over 70 and 80
//! for the elderly-care lists — generated deterministically from a fixed seed. Names are
//! drawn from common surnames and given-name characters; ID numbers are synthetic Wuyi (330723)
//! numbers with valid check digits. No real person's data.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate};
use diesel_async::AsyncPgConnection;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;
use xingguang_db::models::household::NewHousehold;
use xingguang_db::models::resident::NewResident;

use crate::common::national_id::check_character;
use crate::registry::domain::pinyin_of;
use xingguang_db::vocab::{Relationship, Sex, Tag};

pub const DEFAULT_HOUSEHOLDS: usize = 2_879;
pub const DEFAULT_RESIDENTS: usize = 7_355;
pub const GROUPS: usize = 24;
const WUYI: &str = "330723";
pub const ROADS: [&str; 6] = ["朝阳路", "星光路", "解放街", "熟溪路", "壶山街", "环城南路"];
const SURNAMES: [&str; 30] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡", "郑", "何", "应", "叶", "潘", "钟", "汤", "邵",
    "蒋", "鲍", "俞", "方", "金", "章", "楼", "傅",
];
const MALE_CHARS: [&str; 24] = [
    "建", "国", "华", "明", "伟", "军", "强", "平", "志", "勇", "杰", "涛", "文", "斌", "海", "林", "春", "荣", "德", "忠", "浩", "宇",
    "俊", "鹏",
];
const FEMALE_CHARS: [&str; 24] = [
    "秀", "英", "华", "丽", "芳", "敏", "玲", "燕", "红", "霞", "娟", "梅", "兰", "珍", "凤", "萍", "慧", "静", "婷", "雪", "琴", "月",
    "云", "洁",
];

/// Chinese numerals for group names (第一 … 第九十九).
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

pub struct Generated {
    pub households: Vec<NewHousehold>,
    pub residents: Vec<NewResident>,
    /// Each household's head, in household order.
    pub heads: Vec<Uuid>,
}

struct Person {
    sex_male: bool,
    birth: NaiveDate,
    relationship: Relationship,
}

/// Generates the registry for `group_ids` (in group-number order).
pub fn generate(community_id: Uuid, group_ids: &[Uuid], households: usize, residents: usize, today: NaiveDate) -> Generated {
    let mut rng = StdRng::seed_from_u64(200_107); // the community was founded in July 2001
    let sizes = household_sizes(&mut rng, households, residents);
    let mut used_ids = HashSet::new();
    let mut out = Generated { households: Vec::with_capacity(households), residents: Vec::with_capacity(residents), heads: Vec::new() };
    let per_road = households.div_ceil(ROADS.len());
    for (index, size) in sizes.into_iter().enumerate() {
        let group = group_ids[index * group_ids.len() / households.max(1)];
        let road = ROADS[(index / per_road).min(ROADS.len() - 1)];
        let j = index % per_road;
        let household_id = xingguang_db::new_id();
        let household_phone = rng.gen_bool(0.4).then(|| format!("0579-87{:06}", rng.gen_range(0..1_000_000)));
        out.households.push(NewHousehold {
            id: household_id,
            community_id,
            group_id: group,
            road: road.to_owned(),
            building: format!("{}幢", j / 24 + 1),
            unit: format!("{}单元", (j % 24) / 12 + 1),
            room: format!("{}0{}室", (j % 12) / 2 + 1, j % 2 + 1),
            phone: household_phone.map(Into::into),
            head_resident_id: None,
        });
        let surname = SURNAMES[weighted_index(&mut rng, SURNAMES.len())];
        let members = family(&mut rng, size, today);
        let mut head = None;
        for person in members {
            let own_surname =
                if person.relationship == Relationship::Spouse { SURNAMES[rng.gen_range(0..SURNAMES.len())] } else { surname };
            let name = given_name(&mut rng, own_surname, person.sex_male);
            let id_number = id_number(&mut rng, &mut used_ids, person.birth, person.sex_male);
            let (name_pinyin, name_initials) = pinyin_of(&name);
            let age = crate::registry::domain::age_on(person.birth, today);
            let mut tags = Vec::new();
            if rng.gen_bool(0.02) {
                tags.push(Tag::Disabled);
            }
            if rng.gen_bool(0.012) {
                tags.push(Tag::Dibao);
            }
            if age >= 18 && rng.gen_bool(0.09) {
                tags.push(Tag::PartyMember);
            }
            if size == 1 && age >= 60 {
                tags.push(Tag::LivingAlone);
            }
            if person.sex_male && age >= 40 && rng.gen_bool(0.015) {
                tags.push(Tag::Veteran);
            }
            tags.sort_by_key(|t| t.as_str());
            let id = xingguang_db::new_id();
            if person.relationship == Relationship::Head {
                head = Some(id);
            }
            out.residents.push(NewResident {
                id,
                community_id,
                household_id,
                name,
                name_pinyin,
                name_initials,
                sex: if person.sex_male { Sex::Male } else { Sex::Female },
                birth_date: person.birth,
                id_number: id_number.into(),
                phone: (age >= 16 && rng.gen_bool(0.8)).then(|| mobile(&mut rng).into()),
                relationship: person.relationship,
                tags,
            });
        }
        out.heads.push(head.unwrap_or(household_id));
    }
    out
}

/// Household sizes between 1 and 6 that add up to exactly `residents`.
fn household_sizes(rng: &mut StdRng, households: usize, residents: usize) -> Vec<usize> {
    let mut sizes: Vec<usize> = (0..households).map(|_| [1, 2, 2, 2, 3, 3, 3, 4, 4, 5][rng.gen_range(0..10)]).collect();
    let mut total: usize = sizes.iter().sum();
    while total != residents && households > 0 {
        let i = rng.gen_range(0..households);
        if total < residents && sizes[i] < 6 {
            sizes[i] += 1;
            total += 1;
        } else if total > residents && sizes[i] > 1 {
            sizes[i] -= 1;
            total -= 1;
        }
    }
    sizes
}

/// A family of `size`: a head, usually a spouse, then children, a parent or grandchildren.
fn family(rng: &mut StdRng, size: usize, today: NaiveDate) -> Vec<Person> {
    // Heads skew old, as in an established town-centre community.
    let head_age = [rng.gen_range(25..60), rng.gen_range(45..75), rng.gen_range(55..92)][rng.gen_range(0..3)];
    let head_male = size > 1 && rng.gen_bool(0.6) || size == 1 && rng.gen_bool(0.4);
    let head_birth = birth(rng, today, head_age);
    let mut people = vec![Person { sex_male: head_male, birth: head_birth, relationship: Relationship::Head }];
    if size >= 2 {
        let spouse_age = (head_age + rng.gen_range(-4..=4)).clamp(20, 98);
        people.push(Person { sex_male: !head_male, birth: birth(rng, today, spouse_age), relationship: Relationship::Spouse });
    }
    while people.len() < size {
        let child_age = head_age - rng.gen_range(22..34);
        let (age, relationship) = if child_age >= 0 && people.iter().filter(|p| p.relationship == Relationship::Child).count() < 2 {
            (child_age, Relationship::Child)
        } else if head_age < 62 && !people.iter().any(|p| p.relationship == Relationship::Parent) {
            ((head_age + rng.gen_range(22..30)).min(101), Relationship::Parent)
        } else {
            ((head_age - rng.gen_range(46..58)).max(0), Relationship::Grandchild)
        };
        people.push(Person { sex_male: rng.gen_bool(0.5), birth: birth(rng, today, age.max(0)), relationship });
    }
    people
}

fn birth(rng: &mut StdRng, today: NaiveDate, age: i32) -> NaiveDate {
    let year = today.year() - age - 1;
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    let candidate = start + Duration::days(rng.gen_range(0..365));
    // Keep the intended age on `today`.
    if crate::registry::domain::age_on(candidate, today) == age {
        candidate
    } else {
        candidate + Duration::days(365)
    }
}

fn weighted_index(rng: &mut StdRng, n: usize) -> usize {
    // Common surnames first: pick the smaller of two draws.
    rng.gen_range(0..n).min(rng.gen_range(0..n))
}

fn given_name(rng: &mut StdRng, surname: &str, male: bool) -> String {
    let pool = if male { &MALE_CHARS } else { &FEMALE_CHARS };
    let first = pool[rng.gen_range(0..pool.len())];
    if rng.gen_bool(0.75) {
        format!("{surname}{first}{}", pool[rng.gen_range(0..pool.len())])
    } else {
        format!("{surname}{first}")
    }
}

fn id_number(rng: &mut StdRng, used: &mut HashSet<String>, birth: NaiveDate, male: bool) -> String {
    loop {
        let mut sequence = rng.gen_range(0..500) * 2; // even
        if male {
            sequence += 1;
        }
        let first17 = format!("{WUYI}{}{:03}", birth.format("%Y%m%d"), sequence % 1000);
        let id = format!("{first17}{}", check_character(&first17));
        if used.insert(id.clone()) {
            return id;
        }
    }
}

fn mobile(rng: &mut StdRng) -> String {
    let prefixes = ["138", "139", "135", "158", "159", "186", "187", "137", "150", "151"];
    format!("{}{:08}", prefixes[rng.gen_range(0..prefixes.len())], rng.gen_range(0..100_000_000))
}

/// Inserts the generated rows in batches (one statement per 1,000 rows).
pub async fn insert(conn: &mut AsyncPgConnection, generated: &Generated) -> anyhow::Result<()> {
    for chunk in generated.households.chunks(2_000) {
        xingguang_db::models::household::Household::insert_many(conn, chunk).await?;
    }
    for chunk in generated.residents.chunks(1_000) {
        xingguang_db::models::resident::Resident::insert_many(conn, chunk).await?;
    }
    let pairs: Vec<(Uuid, Uuid)> = generated.households.iter().zip(&generated.heads).map(|(h, head)| (h.id, *head)).collect();
    xingguang_db::models::household::Household::set_heads(conn, &pairs).await?;
    Ok(())
}
