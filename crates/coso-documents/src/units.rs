//! Unit phrases and action verbs in assignments: `Giao Sở Nội vụ theo dõi, đôn đốc…`,
//! `Phòng Nội vụ: chủ trì, phối hợp với các đơn vị có liên quan theo dõi…`.
//!
//! An assignment is a unit phrase (the subject) followed by an action. Vietnamese has no
//! inflection to mark the boundary, so it is found at the first action verb; verbs are
//! matched in lower case only, which keeps capitalised unit names (`Ban Chỉ đạo`,
//! `Ban Thanh tra nhân dân`) intact, and a verb right after `các`/`những` is a noun
//! (`các tổ chức chính trị - xã hội`).

use std::sync::LazyLock;

use regex::Regex;

/// Action verbs that start the predicate of an assignment.
const VERBS: &str = "chủ trì|phối hợp|chịu trách nhiệm|có trách nhiệm|xây dựng|báo cáo|theo dõi|làm đầu mối|làm|chỉ đạo|tổ chức|hướng dẫn|kiểm tra|thực hiện|triển khai|tham mưu|căn cứ|chủ động|tuyên truyền|rà soát|cập nhật|đôn đốc|giám sát|tổng hợp|trình|đề xuất|phổ biến|hỗ trợ|bố trí|tiếp tục|thẩm định|lập|ban hành|giải quyết|bảo đảm|đảm bảo|tập huấn|vận động|kịp thời|quán triệt|nghiên cứu|cung cấp|công khai|tiếp nhận|định kỳ|thường xuyên|gửi|nắm|phát huy|tăng cường|đẩy mạnh|quản lý|thi hành";

static VERB: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?:{VERBS})")).expect("static regex"));

/// Words that start a unit phrase (the subject of an assignment or a receiver of a report).
const UNIT_STARTS: &[&str] = &[
    "Các",
    "các",
    "Phòng",
    "Sở",
    "Ban",
    "UBND",
    "Ủy ban",
    "Uỷ ban",
    "UB",
    "Thủ trưởng",
    "Chủ tịch",
    "Trung tâm",
    "Văn phòng",
    "Công an",
    "Mặt trận",
    "công chức",
    "Công chức",
    "Hội",
    "Đoàn",
    "Liên đoàn",
    "Trưởng",
    "Cán bộ",
    "Người đứng đầu",
    "Đảng ủy",
    "Đảng uỷ",
    "Thanh tra",
    "Kho bạc",
    "Chi cục",
    "Cục",
    "Bộ",
    "Trường",
    "Bệnh viện",
    "Lãnh đạo",
    "Thường trực",
    "HĐND",
    "Hội đồng",
    "Tỉnh ủy",
    "Tỉnh uỷ",
    "Huyện ủy",
    "Thị ủy",
    "Thành ủy",
    "Quận ủy",
    "Chi bộ",
    "Công đoàn",
    "Bí thư",
    "Trưởng thôn",
    "Tổ",
    "Thôn",
    "Ban Chỉ đạo",
    "Bộ phận",
    "Chánh",
    "Giám đốc",
    "Hiệu trưởng",
    "Đài",
    "Ngân hàng",
    "Bảo hiểm",
    "Viện",
    "Tòa án",
    "Viện kiểm sát",
    "Quân sự",
    "Ban Chấp hành",
    "Mặt trận Tổ quốc",
    "Đoàn Thanh niên",
    "Hội Liên hiệp",
    "Chủ nhiệm",
    "Kế toán",
    "Tổ trưởng",
    "cấp",
];

/// True when `s` starts like the name of a unit or an office holder.
pub(crate) fn starts_like_unit(s: &str) -> bool {
    let s = s.trim_start();
    UNIT_STARTS
        .iter()
        .any(|w| s.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',', ':'])))
}

/// Byte offset of the first action verb in `s` that is not a noun after `các`/`những`.
pub(crate) fn first_verb(s: &str) -> Option<(usize, usize)> {
    crate::text::find_words(&VERB, s)
        .find(|m| {
            let before = s[..m.start()].trim_end();
            !(before.ends_with(" các") || before == "các" || before.ends_with(" những") || before.ends_with(" mọi"))
        })
        .map(|m| (m.start(), m.end()))
}

/// Splits an assignment into (subject, predicate) when it begins with a unit phrase:
/// `Giao Sở Nội vụ theo dõi…` → (`Sở Nội vụ`, `theo dõi…`). Also handles the colon form
/// `Phòng Nội vụ: chủ trì…` and the request form `Đề nghị Ủy ban MTTQ: …`.
pub(crate) fn split_subject(s: &str) -> Option<(String, String)> {
    let s = s.trim();
    let stripped = strip_request(s);
    if let Some((subject, rest)) = stripped.split_once(':')
        && first_verb(subject).is_none()
        && crate::text::word_count(subject) <= 20
        && !subject.trim().is_empty()
    {
        return Some((subject.trim().to_string(), rest.trim().to_string()));
    }
    let (start, _) = first_verb(stripped)?;
    let subject = stripped[..start].trim().trim_end_matches(',').trim();
    if subject.is_empty() || crate::text::word_count(subject) > 25 || !starts_like_unit(subject) {
        return None;
    }
    Some((subject.to_string(), stripped[start..].trim().to_string()))
}

/// Drops `Giao`, `Đề nghị`, `Yêu cầu` before the unit they address.
pub(crate) fn strip_request(s: &str) -> &str {
    for prefix in ["Giao cho ", "Giao ", "Đề nghị ", "Yêu cầu ", "Kính đề nghị "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return rest;
        }
    }
    s
}

/// Partner units after `phối hợp với`, up to the next action verb; returns the units and
/// the predicate after them.
pub(crate) fn partners(predicate: &str) -> (Vec<String>, String) {
    static WITH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:chủ trì,?\s*)?phối hợp (?:chặt chẽ )?(?:với|cùng)\s+").expect("static regex")
    });
    let Some(m) = WITH.find(predicate) else {
        return (Vec::new(), predicate.to_string());
    };
    let rest = &predicate[m.end()..];
    let end = first_verb(rest).map_or(rest.len(), |(s, _)| s);
    let phrase = rest[..end].trim().trim_end_matches(',').trim();
    let units = split_units(phrase);
    (units, rest[end..].trim().to_string())
}

/// Splits `Phòng Tài chính - Kế hoạch và Phòng Nội vụ` into units, but keeps
/// `Phòng Văn hóa và Thông tin` whole: `và` splits only before another unit phrase.
pub(crate) fn split_units(phrase: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, part) in phrase.split(" và ").enumerate() {
        if i > 0 && starts_like_unit(part) && part.chars().next().is_some_and(char::is_uppercase) {
            out.push(std::mem::take(&mut current));
            current.push_str(part);
        } else {
            if i > 0 {
                current.push_str(" và ");
            }
            current.push_str(part);
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out.into_iter().map(|u| u.trim().to_string()).filter(|u| !u.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects() {
        assert_eq!(
            split_subject("Giao Sở Nội vụ theo dõi, đôn đốc"),
            Some(("Sở Nội vụ".into(), "theo dõi, đôn đốc".into()))
        );
        assert_eq!(
            split_subject(
                "Mặt trận tổ quốc và các tổ chức chính trị xã hội, công chức chuyên môn phối hợp tổ chức tuyên truyền"
            ),
            Some((
                "Mặt trận tổ quốc và các tổ chức chính trị xã hội, công chức chuyên môn".into(),
                "phối hợp tổ chức tuyên truyền".into()
            ))
        );
        assert_eq!(
            split_subject("Đề nghị Ủy ban Mặt trận Tổ quốc thị xã: phối hợp với các cơ quan"),
            Some(("Ủy ban Mặt trận Tổ quốc thị xã".into(), "phối hợp với các cơ quan".into()))
        );
        assert_eq!(split_subject("Căn cứ các nội dung của Kế hoạch"), None);
    }

    #[test]
    fn partner_units() {
        let (p, rest) = partners("chủ trì, phối hợp với các cơ quan, đơn vị có liên quan hướng dẫn, theo dõi");
        assert_eq!(p, vec!["các cơ quan, đơn vị có liên quan"]);
        assert_eq!(rest, "hướng dẫn, theo dõi");
        assert_eq!(split_units("Phòng Văn hóa và Thông tin"), vec!["Phòng Văn hóa và Thông tin"]);
        assert_eq!(
            split_units("Phòng Tài chính - Kế hoạch và Phòng Nội vụ"),
            vec!["Phòng Tài chính - Kế hoạch", "Phòng Nội vụ"]
        );
    }
}
