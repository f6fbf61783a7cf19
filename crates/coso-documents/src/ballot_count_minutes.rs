//! Mẫu 04 of the Decree 59/2023 annex (DEC-13): the vote-counting minutes of a household ballot
//! (*biên bản kiểm phiếu lấy ý kiến hộ gia đình*), filled from the count, as a [`Document`] in
//! the Decree 30 layout for the renderer. The approval is held against all the households of the
//! community (DEC-6), and the minutes go to the commune's People's Committee and Fatherland Front
//! within 5 working days of the ballot's end (DEC-10), which the recipients block says.

use chrono::NaiveDate;
pub use coso_domain::decision::ballot::TallyCounts;
use coso_domain::document::{Document, Section, Signer};

/// What the minutes say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotCountMinutes {
    /// The commune, printed above the community (`XÃ TÂN LẬP`).
    pub commune: String,
    /// The community that asked (`THÔN ĐÔNG`), or the commune itself for a commune-wide ballot.
    pub community: String,
    /// The place name of the place-and-date line.
    pub place: String,
    /// The day of the count.
    pub counted_on: NaiveDate,
    /// The decision's title.
    pub title: String,
    /// The question asked (the plan's content).
    pub question: String,
    /// The ballot period, as planned.
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The counting team, one line each (`Ông Nguyễn Văn An — Tổ trưởng`).
    pub counting_team: Vec<String>,
    /// All the households of the snapshot: the base of the approval.
    pub households: u32,
    pub issued: u32,
    pub collected: u32,
    pub counts: TallyCounts,
    /// The yes votes needed (`required(households)`), and the rule's words (`trên 50%`).
    pub required: u32,
    pub comparison: String,
}

fn vn(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// `55,0%` of `part` in `whole`, as Vietnamese writes it; `0,0%` of nothing.
fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        return "0,0%".into();
    }
    let tenths = (u64::from(part) * 1000 + u64::from(whole) / 2) / u64::from(whole);
    format!("{},{}%", tenths / 10, tenths % 10)
}

fn section(heading: &str, paragraphs: Vec<String>) -> Section {
    Section { heading: heading.into(), paragraphs, children: Vec::new() }
}

impl BallotCountMinutes {
    /// Whether the count adopts the decision.
    pub fn adopted(&self) -> bool {
        self.counts.yes >= self.required
    }

    /// The minutes as a document.
    pub fn document(&self) -> Document {
        let c = self.counts;
        let valid = c.yes + c.no;
        let conclusion = if self.adopted() {
            format!(
                "Số phiếu đồng ý ({}) đạt {} tổng số hộ gia đình (cần ít nhất {} phiếu): nội dung lấy ý kiến được thông qua.",
                c.yes, self.comparison, self.required
            )
        } else {
            format!(
                "Số phiếu đồng ý ({}) không đạt {} tổng số hộ gia đình (cần ít nhất {} phiếu): nội dung lấy ý kiến không được thông qua.",
                c.yes, self.comparison, self.required
            )
        };
        let mut preamble = vec![format!(
            "Hôm nay, ngày {}, tại {}, Tổ kiểm phiếu tiến hành kiểm phiếu lấy ý kiến hộ gia đình (thời gian phát phiếu từ ngày {} đến ngày {}) theo Điều 4 Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ.",
            vn(self.counted_on),
            self.community,
            vn(self.starts_on),
            vn(self.ends_on)
        )];
        preamble.push("Tổ kiểm phiếu gồm:".to_string());
        preamble.extend(self.counting_team.iter().map(|member| format!("- {member};")));
        Document {
            doc_type: Some("BB".into()),
            parent_issuer: Some(self.commune.to_uppercase()),
            issuer: Some(self.community.to_uppercase()),
            place: Some(self.place.clone()),
            date: Some(self.counted_on.format("%Y-%m-%d").to_string()),
            title: Some(format!("Kiểm phiếu lấy ý kiến hộ gia đình về {}", self.title)),
            preamble,
            body: vec![
                section("I. NỘI DUNG LẤY Ý KIẾN", vec![self.question.clone()]),
                section(
                    "II. KẾT QUẢ KIỂM PHIẾU",
                    vec![
                        format!("1. Tổng số hộ gia đình của cộng đồng dân cư: {} hộ.", self.households),
                        format!("2. Số phiếu phát ra: {} phiếu.", self.issued),
                        format!(
                            "3. Số phiếu thu về: {} phiếu ({} số phiếu phát ra).",
                            self.collected,
                            percent(self.collected, self.issued)
                        ),
                        format!("4. Số phiếu hợp lệ: {valid} phiếu; số phiếu không hợp lệ: {} phiếu.", c.invalid),
                        format!(
                            "5. Số phiếu đồng ý: {} phiếu, bằng {} tổng số hộ gia đình.",
                            c.yes,
                            percent(c.yes, self.households)
                        ),
                        format!(
                            "6. Số phiếu không đồng ý: {} phiếu, bằng {} tổng số hộ gia đình.",
                            c.no,
                            percent(c.no, self.households)
                        ),
                    ],
                ),
                section("III. KẾT LUẬN", vec![conclusion]),
            ],
            closing: vec![
                "Biên bản được lập thành 03 bản, gửi Ủy ban nhân dân cấp xã và Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã chậm nhất 05 ngày làm việc kể từ ngày kết thúc việc phát phiếu lấy ý kiến./.".into(),
            ],
            recipients: vec![
                format!("UBND {};", self.commune),
                format!("Ủy ban MTTQ Việt Nam {};", self.commune),
                "Lưu.".into(),
            ],
            signer: Some(Signer {
                role_line: None,
                position: Some("TỔ TRƯỞNG TỔ KIỂM PHIẾU".into()),
                name: self.counting_team.first().map(|m| m.split(" — ").next().unwrap_or(m).to_string()),
            }),
            ..Document::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(yes: u32) -> BallotCountMinutes {
        BallotCountMinutes {
            commune: "Xã Tân Lập".into(),
            community: "Thôn Đông".into(),
            place: "Tân Lập".into(),
            counted_on: NaiveDate::from_ymd_opt(2024, 3, 9).expect("date"),
            title: "mức đóng góp làm đường".into(),
            question: "Mỗi hộ đóng góp 500.000 đồng?".into(),
            starts_on: NaiveDate::from_ymd_opt(2024, 3, 1).expect("date"),
            ends_on: NaiveDate::from_ymd_opt(2024, 3, 8).expect("date"),
            counting_team: vec!["Ông Nguyễn Văn An — Tổ trưởng".into(), "Bà Lê Thị Bình — Thành viên".into()],
            households: 120,
            issued: 120,
            collected: 110,
            counts: TallyCounts { yes, no: 110 - yes - 2, invalid: 2 },
            required: 61,
            comparison: "trên 50%".into(),
        }
    }

    fn text(doc: &Document) -> String {
        let body: Vec<String> = doc.body.iter().flat_map(|s| s.paragraphs.clone()).collect();
        format!("{}\n{}", doc.preamble.join("\n"), body.join("\n"))
    }

    #[test]
    fn the_count_is_held_against_all_households() {
        let doc = minutes(66).document();
        let text = text(&doc);
        assert_eq!(doc.doc_type.as_deref(), Some("BB"));
        assert!(text.contains("Số phiếu đồng ý: 66 phiếu, bằng 55,0% tổng số hộ gia đình."), "{text}");
        assert!(text.contains("Số phiếu thu về: 110 phiếu (91,7% số phiếu phát ra)."), "{text}");
        assert!(doc.body[2].paragraphs[0].contains("được thông qua"), "{:?}", doc.body[2]);
        assert_eq!(doc.signer.and_then(|s| s.name).as_deref(), Some("Ông Nguyễn Văn An"));
    }

    #[test]
    fn sixty_yes_of_a_hundred_and_twenty_households_do_not_adopt() {
        let doc = minutes(60).document();
        assert!(doc.body[2].paragraphs[0].contains("không được thông qua"), "{:?}", doc.body[2]);
        assert!(!minutes(60).adopted());
    }

    #[test]
    fn percentages_are_rounded_to_a_tenth_with_a_comma() {
        assert_eq!(percent(1, 3), "33,3%");
        assert_eq!(percent(2, 3), "66,7%");
        assert_eq!(percent(5, 0), "0,0%");
    }
}
