//! Mẫu 01, 02 and 03 of the Decree 59/2023 annex (DEC-13) for a community meeting, filled from
//! the decision, as [`Document`]s in the Decree 30 layout for the renderer: the invitation
//! (*giấy mời*), the minutes of the vote count at the meeting (*biên bản kiểm phiếu*) and the
//! community's resolution (*nghị quyết*), or the meeting's minutes when nothing was adopted
//! (DEC-12). The approval is held against all the households of the community (DEC-6).

use chrono::NaiveDate;
pub use coso_domain::decision::ballot::TallyCounts;
use coso_domain::document::{Document, Section, Signer};

/// What every document of the meeting says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFacts {
    /// The commune, printed above the community (`Xã Tân Lập`).
    pub commune: String,
    /// The community that meets (`Thôn Đông`).
    pub community: String,
    /// Who convenes and signs for the community (`TRƯỞNG THÔN`).
    pub convener: String,
    /// The place name of the place-and-date line.
    pub place: String,
    /// The decision's title.
    pub title: String,
    /// The matter of DEC-1 as people read it.
    pub matter: String,
    /// The day of the meeting.
    pub held_on: NaiveDate,
    /// All the households of the snapshot: the base of the approval.
    pub households: u32,
}

/// Mẫu 01: the invitation to the household representatives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInvitation {
    pub meeting: MeetingFacts,
    /// The day the invitation goes out.
    pub sent_on: NaiveDate,
}

/// The meeting's vote as recorded, for Mẫu 02 and Mẫu 03.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingVote {
    pub meeting: MeetingFacts,
    /// The households present.
    pub present: Option<u32>,
    /// How the meeting voted (`Biểu quyết giơ tay`), when it voted.
    pub method: Option<String>,
    pub secretary: Option<String>,
    /// The counting board of a secret ballot, one name each.
    pub counting_board: Vec<String>,
    /// The counts, `None` for a meeting closed without a vote (DEC-8).
    pub counts: Option<TallyCounts>,
    /// The yes votes needed (`required(households)`), and the rule's words (`trên 50%`).
    pub required: u32,
    pub comparison: String,
    pub adopted: bool,
    /// Why, as the decision records it.
    pub reason: String,
}

fn vn(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
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

fn count(n: Option<u32>) -> String {
    n.map_or_else(|| "chưa ghi".into(), |n| n.to_string())
}

impl MeetingFacts {
    /// The header shared by the three documents: the commune above the community.
    fn header(&self, doc_type: &str, date: NaiveDate, title: String) -> Document {
        Document {
            doc_type: Some(doc_type.into()),
            parent_issuer: Some(self.commune.to_uppercase()),
            issuer: Some(self.community.to_uppercase()),
            place: Some(self.place.clone()),
            date: Some(iso(date)),
            title: Some(title),
            ..Document::default()
        }
    }

    fn recipients(&self) -> Vec<String> {
        vec![format!("UBND {};", self.commune), format!("Ủy ban MTTQ Việt Nam {};", self.commune), "Lưu.".into()]
    }
}

impl MeetingInvitation {
    /// Mẫu 01 as a document.
    pub fn document(&self) -> Document {
        let m = &self.meeting;
        let body = vec![
            section(
                "Tới dự cuộc họp cộng đồng dân cư",
                vec![
                    format!("1. Thời gian: ngày {}.", vn(m.held_on)),
                    format!("2. Địa điểm: {}.", m.community),
                    format!("3. Nội dung: bàn và quyết định {} — {}.", m.matter.to_lowercase(), m.title),
                ],
            ),
            section(
                "Đề nghị",
                vec![
                    "Mỗi hộ gia đình cử một người đại diện hộ dự họp; kết quả được tính trên tổng số hộ gia đình \
                     của cộng đồng dân cư."
                        .into(),
                ],
            ),
        ];
        Document {
            preamble: vec![format!(
                "{} trân trọng kính mời: Đại diện {} hộ gia đình của {}.",
                sentence_case(&m.convener),
                m.households,
                m.community
            )],
            sections: body.iter().map(|s| s.heading.clone()).collect(),
            body,
            closing: vec!["Rất mong đại diện các hộ gia đình đến dự đầy đủ, đúng giờ./.".into()],
            recipients: vec!["Đại diện các hộ gia đình;".into(), "Lưu.".into()],
            signer: Some(Signer { role_line: None, position: Some(m.convener.clone()), name: None }),
            ..m.header("GM", self.sent_on, format!("Họp cộng đồng dân cư về {}", m.title))
        }
    }
}

/// `TRƯỞNG THÔN` → `Trưởng thôn`.
fn sentence_case(upper: &str) -> String {
    let lower = upper.to_lowercase();
    let mut chars = lower.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl MeetingVote {
    fn conclusion(&self) -> String {
        let yes = self.counts.map_or(0, |c| c.yes);
        if self.adopted {
            format!(
                "Số hộ đồng ý ({yes}) đạt {} tổng số hộ gia đình (cần ít nhất {} hộ): nội dung được thông qua.",
                self.comparison, self.required
            )
        } else if self.counts.is_some() {
            format!(
                "Số hộ đồng ý ({yes}) không đạt {} tổng số hộ gia đình (cần ít nhất {} hộ): nội dung không được thông qua.",
                self.comparison, self.required
            )
        } else {
            self.reason.clone()
        }
    }

    fn result_lines(&self, c: TallyCounts) -> Vec<String> {
        let m = &self.meeting;
        vec![
            format!("1. Tổng số hộ gia đình của cộng đồng dân cư: {} hộ.", m.households),
            format!("2. Số hộ gia đình có đại diện dự họp: {} hộ.", count(self.present)),
            format!("3. Số hộ đồng ý: {} hộ, bằng {} tổng số hộ gia đình.", c.yes, percent(c.yes, m.households)),
            format!("4. Số hộ không đồng ý: {} hộ, bằng {} tổng số hộ gia đình.", c.no, percent(c.no, m.households)),
            format!("5. Số phiếu không hợp lệ: {} phiếu.", c.invalid),
        ]
    }

    /// Mẫu 02, the minutes of the count at the meeting; `None` for a meeting closed without
    /// a vote.
    pub fn count_minutes(&self) -> Option<Document> {
        let c = self.counts?;
        let m = &self.meeting;
        let mut preamble = vec![format!(
            "Hôm nay, ngày {}, tại {}, cuộc họp cộng đồng dân cư tiến hành kiểm phiếu biểu quyết về {} theo Điều 3 \
             Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ.",
            vn(m.held_on),
            m.community,
            m.title
        )];
        if let Some(method) = &self.method {
            preamble.push(format!("Hình thức biểu quyết: {method}."));
        }
        if !self.counting_board.is_empty() {
            preamble.push("Tổ kiểm phiếu gồm:".into());
            preamble.extend(self.counting_board.iter().map(|member| format!("- {member};")));
        }
        let body = vec![
            section("I. NỘI DUNG BIỂU QUYẾT", vec![format!("{}: {}.", m.matter, m.title)]),
            section("II. KẾT QUẢ KIỂM PHIẾU", self.result_lines(c)),
            section("III. KẾT LUẬN", vec![self.conclusion()]),
        ];
        Some(Document {
            preamble,
            sections: body.iter().map(|s| s.heading.clone()).collect(),
            body,
            closing: vec!["Biên bản được lập thành 03 bản và công bố tại cuộc họp./.".into()],
            recipients: m.recipients(),
            signer: Some(Signer {
                role_line: None,
                position: Some(
                    if self.counting_board.is_empty() {
                        "THƯ KÝ CUỘC HỌP"
                    } else {
                        "TỔ TRƯỞNG TỔ KIỂM PHIẾU"
                    }
                    .into(),
                ),
                name: self.counting_board.first().cloned().or_else(|| self.secretary.clone()),
            }),
            ..m.header("BB", m.held_on, format!("Kiểm phiếu biểu quyết tại cuộc họp cộng đồng dân cư về {}", m.title))
        })
    }

    /// Mẫu 03: the community's resolution when adopted, the meeting's minutes otherwise.
    pub fn resolution(&self) -> Document {
        let m = &self.meeting;
        let preamble = vec![
            format!(
                "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10/11/2022 và Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 \
                 của Chính phủ; ngày {}, cộng đồng dân cư {} họp bàn và quyết định về {}.",
                vn(m.held_on),
                m.community,
                m.title
            ),
            format!(
                "Số hộ gia đình của cộng đồng dân cư: {} hộ; số hộ có đại diện dự họp: {} hộ; thư ký cuộc họp: {}.",
                m.households,
                count(self.present),
                self.secretary.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or("không ghi")
            ),
        ];
        let mut body = Vec::new();
        if let Some(c) = self.counts {
            body.push(section("I. KẾT QUẢ BIỂU QUYẾT", self.result_lines(c)));
        }
        let (doc_type, title, decided) = if self.adopted {
            (
                "NQ",
                format!("Về {}", m.title),
                vec![
                    format!("Điều 1. Thông qua nội dung: {} ({}).", m.title, m.matter.to_lowercase()),
                    format!(
                        "Điều 2. {} tổ chức thực hiện và gửi nghị quyết này đến UBND và Ủy ban MTTQ Việt Nam {}.",
                        sentence_case(&m.convener),
                        m.commune
                    ),
                    format!("Lý do: {}", self.reason),
                ],
            )
        } else {
            ("BB", format!("Cuộc họp cộng đồng dân cư về {}", m.title), vec![self.conclusion()])
        };
        let heading = if self.adopted { "CỘNG ĐỒNG DÂN CƯ QUYẾT NGHỊ" } else { "KẾT LUẬN" };
        // Numbered only when the vote's result comes first.
        let heading = if self.counts.is_some() { format!("II. {heading}") } else { heading.to_string() };
        body.push(section(&heading, decided));
        Document {
            preamble,
            sections: body.iter().map(|s| s.heading.clone()).collect(),
            body,
            closing: vec![
                "Văn bản có hiệu lực kể từ ngày được thông qua; gửi UBND và Ủy ban MTTQ Việt Nam cấp xã./.".into(),
            ],
            recipients: m.recipients(),
            signer: Some(Signer {
                role_line: Some("TM. CỘNG ĐỒNG DÂN CƯ".into()),
                position: Some(m.convener.clone()),
                name: None,
            }),
            ..m.header(doc_type, m.held_on, title)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> MeetingFacts {
        MeetingFacts {
            commune: "Xã Tân Lập".into(),
            community: "Thôn Đông".into(),
            convener: "TRƯỞNG THÔN".into(),
            place: "Tân Lập".into(),
            title: "mức đóng góp làm đường".into(),
            matter: "Chủ trương, mức đóng góp xây dựng công trình công cộng".into(),
            held_on: NaiveDate::from_ymd_opt(2024, 3, 9).expect("date"),
            households: 120,
        }
    }

    fn vote(yes: u32) -> MeetingVote {
        MeetingVote {
            meeting: facts(),
            present: Some(70),
            method: Some("Biểu quyết giơ tay".into()),
            secretary: Some("Lê Thị Bình".into()),
            counting_board: Vec::new(),
            counts: Some(TallyCounts { yes, no: 70 - yes, invalid: 0 }),
            required: 61,
            comparison: "trên 50%".into(),
            adopted: yes >= 61,
            reason: format!("{yes} trên 120 hộ gia đình đồng ý."),
        }
    }

    fn text(doc: &Document) -> String {
        let body: Vec<String> = doc.body.iter().flat_map(|s| s.paragraphs.clone()).collect();
        format!("{}\n{}", doc.preamble.join("\n"), body.join("\n"))
    }

    #[test]
    fn the_invitation_names_the_day_the_matter_and_the_households() {
        let doc = MeetingInvitation { meeting: facts(), sent_on: NaiveDate::from_ymd_opt(2024, 3, 4).expect("date") }
            .document();
        let text = text(&doc);
        assert_eq!(doc.doc_type.as_deref(), Some("GM"));
        assert_eq!(doc.date.as_deref(), Some("2024-03-04"));
        assert!(text.contains("Trưởng thôn trân trọng kính mời: Đại diện 120 hộ gia đình của Thôn Đông."), "{text}");
        assert!(text.contains("Thời gian: ngày 09/03/2024."), "{text}");
    }

    #[test]
    fn sixty_six_yes_of_a_hundred_and_twenty_adopt_and_the_resolution_decides() {
        let v = vote(66);
        let minutes = v.count_minutes().expect("counted");
        let written = text(&minutes);
        assert!(written.contains("Số hộ đồng ý: 66 hộ, bằng 55,0% tổng số hộ gia đình."), "{written}");
        assert!(written.contains("Số hộ gia đình có đại diện dự họp: 70 hộ."), "{written}");
        assert!(minutes.body[2].paragraphs[0].contains("được thông qua"));
        let resolution = v.resolution();
        assert_eq!(resolution.doc_type.as_deref(), Some("NQ"));
        assert!(text(&resolution).contains("Điều 1. Thông qua nội dung: mức đóng góp làm đường"));
    }

    #[test]
    fn fifty_eight_yes_do_not_adopt_and_the_record_is_minutes() {
        let v = vote(58);
        assert!(v.count_minutes().expect("counted").body[2].paragraphs[0].contains("không được thông qua"));
        let record = v.resolution();
        assert_eq!(record.doc_type.as_deref(), Some("BB"));
        assert!(text(&record).contains("không được thông qua"));
    }

    #[test]
    fn a_meeting_closed_without_a_vote_has_no_count_and_its_minutes_say_why() {
        let v = MeetingVote {
            counts: None,
            present: Some(55),
            adopted: false,
            reason: "Số hộ dự họp không đủ để đạt tỷ lệ biểu quyết (55 ≤ 60).".into(),
            ..vote(0)
        };
        assert!(v.count_minutes().is_none());
        let record = v.resolution();
        assert_eq!(record.body.len(), 1);
        assert!(text(&record).contains("(55 ≤ 60)"));
        assert_eq!(record.body[0].heading, "KẾT LUẬN");
    }
}
