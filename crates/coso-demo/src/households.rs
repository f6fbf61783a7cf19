//! Households of a village register, and the same data as a CSV file for imports.

use coso_domain::household::HouseholdData;
use coso_domain::unit::UnitKind;

use crate::DEMO_VALID_FROM;
use crate::names;
use crate::rng::Rng;

/// The households of one register: 30 to 120, the same every time for the same village.
/// Each comes with the line it would have in a CSV file (the header being line 1).
pub fn households_for(village_code: &str, village_name: &str, kind: UnitKind) -> Vec<(u64, HouseholdData)> {
    let mut rng = Rng::for_key(&format!("households:{village_code}"));
    let count = rng.range(30, 120) as usize;
    generate(&mut rng, village_name, kind, 1, count)
}

/// `count` households numbered from `first` (codes `H000001`…), generated from `seed`.
pub fn generate_households(
    seed: u64,
    village_name: &str,
    kind: UnitKind,
    first: usize,
    count: usize,
) -> Vec<(u64, HouseholdData)> {
    generate(&mut Rng::new(seed), village_name, kind, first, count)
}

fn generate(
    rng: &mut Rng,
    village_name: &str,
    kind: UnitKind,
    first: usize,
    count: usize,
) -> Vec<(u64, HouseholdData)> {
    (0..count)
        .map(|i| {
            let address = if kind == UnitKind::ResidentialGroup {
                names::street_address(rng, village_name)
            } else {
                names::village_address(rng, village_name)
            };
            let h = HouseholdData {
                code: format!("H{:06}", first + i),
                address,
                representative: names::person(rng),
                member_count: names::member_count(rng),
                phone: (!rng.chance(15)).then(|| names::phone(rng)),
                valid_from: DEMO_VALID_FROM,
                valid_to: None,
            };
            (i as u64 + 2, h)
        })
        .collect()
}

/// The households as a CSV file with Vietnamese headers, as a village head would upload it.
pub fn to_csv(rows: &[(u64, HouseholdData)]) -> String {
    let mut out = String::with_capacity(rows.len() * 90 + 64);
    out.push_str("Mã hộ,Địa chỉ,Đại diện hộ,Số nhân khẩu,Điện thoại,Từ ngày\n");
    for (_, h) in rows {
        let fields = [
            h.code.as_str(),
            h.address.as_str(),
            h.representative.as_str(),
            &h.member_count.to_string(),
            h.phone.as_deref().unwrap_or(""),
            &h.valid_from.format("%d/%m/%Y").to_string(),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, f);
        }
        out.push('\n');
    }
    out
}

fn push_field(out: &mut String, f: &str) {
    if f.contains([',', '"', '\n', ';']) {
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use coso_domain::household_import::parse_csv;

    #[test]
    fn registers_have_30_to_120_households_and_the_csv_round_trips() {
        let rows = households_for("18766-T01", "Thôn Trung Hòa", UnitKind::Village);
        assert!((30..=120).contains(&rows.len()), "{}", rows.len());
        assert_eq!(rows, households_for("18766-T01", "Thôn Trung Hòa", UnitKind::Village));
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        let parsed = parse_csv(to_csv(&rows).as_bytes(), today).expect("the generated CSV is valid");
        assert_eq!(parsed.rows, rows);
        let group = generate_households(9, "Tổ dân phố 3", UnitKind::ResidentialGroup, 1, 200);
        let parsed = parse_csv(to_csv(&group).as_bytes(), today).expect("valid");
        assert_eq!(parsed.rows, group);
        assert!(group.iter().any(|(_, h)| h.phone.is_none()) && group.iter().any(|(_, h)| h.phone.is_some()));
    }
}
