//! Word lists for plausible Vietnamese names, villages and addresses (NFC text).
//! Repeated entries weight the common family names.

use crate::rng::Rng;

const FAMILY: &[&str] = &[
    "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Trần", "Lê", "Lê", "Lê",
    "Phạm", "Phạm", "Hoàng", "Phan", "Phan", "Võ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Hồ", "Ngô", "Dương", "Đinh",
    "Đoàn", "Thái", "Đào", "Hà", "Cao", "Chu", "Lưu", "Mai",
];

const MALE_MIDDLE: &[&str] =
    &["Văn", "Văn", "Văn", "Đức", "Hữu", "Minh", "Quang", "Xuân", "Đình", "Công", "Trọng", "Thanh", "Anh", "Viết"];
const FEMALE_MIDDLE: &[&str] =
    &["Thị", "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Phương", "Kim", "Hoài", "Minh"];

const MALE_GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đạt", "Định", "Đông", "Hải", "Hiếu", "Hòa", "Hoàng", "Hùng", "Huy", "Khánh", "Lâm",
    "Linh", "Long", "Lộc", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Tâm",
    "Thắng", "Thành", "Thịnh", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
];

const FEMALE_GIVEN: &[&str] = &[
    "Anh", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huệ", "Hương", "Lan", "Liên",
    "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Sen", "Tâm", "Thảo", "Thơm", "Thủy",
    "Trang", "Tuyết", "Vân", "Xuân", "Yến",
];

/// Names of villages (thôn) in the style of Hà Tĩnh; each commune draws from them.
pub const VILLAGE_NAMES: &[&str] = &[
    "Trung Hòa",
    "Đông Hà",
    "Tân Phúc",
    "Yên Thịnh",
    "Bắc Sơn",
    "Phú Thượng",
    "Hòa Bình",
    "Tiền Phong",
    "Thượng Long",
    "Hạ Long",
    "Đông Thịnh",
    "Tây Sơn",
    "Nam Phong",
    "Xuân Sơn",
    "Trung Tiến",
    "Tân Hương",
    "Kim Liên",
    "Phúc Thành",
    "Thanh Lương",
    "Văn Minh",
    "Đồng Văn",
    "Hưng Lộc",
    "An Lạc",
    "Vĩnh Phúc",
    "Mỹ Lộc",
    "Tân Thượng",
    "Hồng Lĩnh",
    "Đại Hòa",
    "Quang Trung",
    "Liên Minh",
    "Trung Sơn",
    "Bình Minh",
    "Thống Nhất",
    "Tân Tiến",
    "Hợp Thành",
    "Đức Thịnh",
];

/// Streets of Hà Tĩnh towns, for addresses in residential groups.
const STREETS: &[&str] = &[
    "Trần Phú",
    "Hà Huy Tập",
    "Nguyễn Du",
    "Phan Đình Phùng",
    "Lê Duẩn",
    "Xuân Diệu",
    "Nguyễn Công Trứ",
    "Hải Thượng Lãn Ông",
    "Võ Liêm Sơn",
    "Mai Thúc Loan",
    "Lý Tự Trọng",
    "Nguyễn Biểu",
    "Trần Hưng Đạo",
    "Hàm Nghi",
];

/// Prefixes of Vietnamese mobile numbers (Viettel, VinaPhone, MobiFone).
const MOBILE_PREFIXES: &[&str] = &[
    "086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039", "088", "091", "094", "083",
    "084", "085", "089", "090", "093", "070", "076", "077", "078", "079",
];

/// A full name: family name, middle name, given name.
pub fn person(rng: &mut Rng) -> String {
    let family = rng.pick(FAMILY);
    if rng.chance(55) {
        format!("{family} {} {}", rng.pick(MALE_MIDDLE), rng.pick(MALE_GIVEN))
    } else {
        format!("{family} {} {}", rng.pick(FEMALE_MIDDLE), rng.pick(FEMALE_GIVEN))
    }
}

/// An address in a village: the hamlet (xóm) inside it.
pub fn village_address(rng: &mut Rng, village: &str) -> String {
    format!("Xóm {}, {village}", rng.range(1, 6))
}

/// A street address in a residential group.
pub fn street_address(rng: &mut Rng, group: &str) -> String {
    let lane = if rng.chance(40) { format!("ngõ {}, ", rng.range(2, 90)) } else { String::new() };
    format!("Số {}, {lane}đường {}, {group}", rng.range(1, 250), rng.pick(STREETS))
}

/// A mobile number, `0` + 9 digits.
pub fn phone(rng: &mut Rng) -> String {
    format!("{}{:07}", rng.pick(MOBILE_PREFIXES), rng.range(0, 9_999_999))
}

/// Members of a household: mostly three to five.
pub fn member_count(rng: &mut Rng) -> i64 {
    const WEIGHTS: [(i64, u64); 9] = [(1, 5), (2, 12), (3, 20), (4, 25), (5, 18), (6, 10), (7, 5), (8, 3), (9, 2)];
    let mut roll = rng.range(0, 99);
    for (n, w) in WEIGHTS {
        if roll < w {
            return n;
        }
        roll -= w;
    }
    4
}

#[cfg(test)]
mod tests {
    use super::*;
    use coso_domain::household::{parse_member_count, parse_phone};

    #[test]
    fn generated_values_are_valid_and_nfc() {
        let mut rng = Rng::new(1);
        for _ in 0..500 {
            let p = phone(&mut rng);
            assert_eq!(parse_phone(&p).ok().flatten().as_deref(), Some(p.as_str()));
            assert!(parse_member_count(&member_count(&mut rng).to_string()).is_ok());
            let name = person(&mut rng);
            assert_eq!(name.split(' ').count(), 3, "{name}");
        }
        for list in [FAMILY, MALE_MIDDLE, FEMALE_MIDDLE, MALE_GIVEN, FEMALE_GIVEN, VILLAGE_NAMES, STREETS] {
            for w in list {
                assert_eq!(*w, coso_text::nfc(w), "{w} is NFC");
            }
        }
    }
}
