//! What an official types for an election, and its parsing into checked values with Vietnamese
//! errors that name the field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ElectionKind, Step};
use crate::field::{self, Errors, FieldError};

/// The most names a list of candidates or an election team holds.
pub const MAX_PEOPLE: usize = 30;

/// An election as typed. `kind` is `village_head` (the default), `inspection_board` or
/// `investment_board`; `seats` how many are elected (1 for a village head); `board` the
/// investment supervision board whose residents' representatives are elected; `dismissal`
/// names the dismissal a village-head election follows (VH-7), if any.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ElectionInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub meeting_on: String,
    #[serde(default)]
    pub dismissal: Option<i64>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub seats: Option<i64>,
    #[serde(default)]
    pub board: Option<i64>,
}

/// A checked election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectionData {
    pub title: String,
    pub meeting_on: NaiveDate,
    pub dismissal: Option<i64>,
    pub kind: ElectionKind,
    pub seats: u32,
    pub board: Option<i64>,
}

fn kind_code(raw: &str) -> Result<ElectionKind, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Ok(ElectionKind::VillageHead);
    }
    ElectionKind::ALL.into_iter().find(|k| k.as_str() == v).ok_or_else(|| {
        let shown: String = v.chars().take(40).collect();
        FieldError::new("kind", format!("Loại cuộc bầu «{shown}» không có trong danh sách."))
    })
}

/// The seats of an election of `kind`: one village head; a board's members up to the size of a
/// candidate list; at most 5 residents' representatives on an investment board (GS-3).
fn seats(kind: ElectionKind, raw: Option<i64>) -> Result<u32, FieldError> {
    let max = match kind {
        ElectionKind::VillageHead => 1,
        ElectionKind::InspectionBoard => MAX_PEOPLE as i64,
        ElectionKind::InvestmentBoard => crate::board::membership::INVESTMENT_MAX_RESIDENTS as i64,
    };
    match (kind, raw) {
        (ElectionKind::VillageHead, None) => Ok(1),
        (_, None) => Err(FieldError::new("seats", "Chưa nhập số người được bầu.")),
        (_, Some(n)) if (1..=max).contains(&n) => {
            u32::try_from(n).map_err(|_| FieldError::new("seats", "Số người được bầu không hợp lệ."))
        }
        (ElectionKind::VillageHead, Some(_)) => {
            Err(FieldError::new("seats", "Mỗi cuộc bầu trưởng thôn, tổ trưởng tổ dân phố chỉ bầu 1 người."))
        }
        (ElectionKind::InvestmentBoard, Some(_)) => Err(FieldError::new(
            "seats",
            format!("Số người được bầu phải từ 1 đến {max}: Ban có tối đa {max} đại diện người dân (GS-3)."),
        )),
        (ElectionKind::InspectionBoard, Some(_)) => {
            Err(FieldError::new("seats", format!("Số người được bầu phải từ 1 đến {max}.")))
        }
    }
}

impl ElectionData {
    /// `unit` names the title when none is typed.
    pub fn parse(input: &ElectionInput, unit: &str) -> Result<ElectionData, Vec<FieldError>> {
        let mut e = Errors::default();
        let title = e.take(field::optional_text("title", "Tên cuộc bầu cử", &input.title, 300));
        let meeting_on = e.take(field::date("meeting_on", "Ngày họp bầu", &input.meeting_on));
        let kind = e.take(kind_code(&input.kind));
        let seats = kind.and_then(|k| e.take(seats(k, input.seats)));
        if kind == Some(ElectionKind::InvestmentBoard) && input.board.is_none() {
            e.push(FieldError::new(
                "board",
                "Chưa chọn Ban Giám sát đầu tư của cộng đồng mà cuộc bầu bổ sung đại diện người dân.",
            ));
        }
        if kind.is_some_and(|k| k != ElectionKind::VillageHead) && input.dismissal.is_some() {
            e.push(FieldError::new(
                "dismissal",
                "Chỉ cuộc bầu trưởng thôn, tổ trưởng tổ dân phố mới theo sau việc cho thôi làm.",
            ));
        }
        match (title, meeting_on, kind, seats) {
            (Some(title), Some(meeting_on), Some(kind), Some(seats)) if e.is_empty() => Ok(ElectionData {
                title: title.unwrap_or_else(|| match kind {
                    ElectionKind::VillageHead => format!("Bầu trưởng thôn, tổ trưởng tổ dân phố {unit}"),
                    ElectionKind::InspectionBoard | ElectionKind::InvestmentBoard => format!("{} {unit}", kind.label()),
                }),
                meeting_on,
                dismissal: input.dismissal.filter(|_| kind == ElectionKind::VillageHead),
                kind,
                seats,
                board: input.board.filter(|_| kind == ElectionKind::InvestmentBoard),
            }),
            _ => Err(e.0),
        }
    }
}

/// A step of the timeline recorded as done, with the candidates (VH-4) or the team (VH-2).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct StepInput {
    #[serde(default)]
    pub step: String,
    #[serde(default)]
    pub done_on: String,
    #[serde(default)]
    pub people: Vec<String>,
    /// For a board's election, the village or residential group of each candidate of
    /// `people` (by position; its code or name), which the member will represent (BTT-1).
    #[serde(default)]
    pub villages: Vec<String>,
}

/// A checked step: `people` is the candidate list or the team, empty for the other steps;
/// `villages` the typed village of each person (same positions), if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepData {
    pub step: Step,
    pub done_on: NaiveDate,
    pub people: Vec<String>,
    pub villages: Vec<Option<String>>,
}

/// The people of a step with the village typed beside each, without repeated names.
type People = Vec<(String, Option<String>)>;

fn people(raw: &[String], villages: &[String], step: Step) -> Result<People, FieldError> {
    let mut out: People = Vec::new();
    for (i, name) in raw.iter().enumerate() {
        let name = coso_text::clean(name);
        if name.is_empty() {
            continue;
        }
        if name.chars().count() > 200 {
            return Err(FieldError::new("people", "Họ và tên dài quá 200 ký tự."));
        }
        let village = villages.get(i).map(|v| coso_text::clean(v)).filter(|v| !v.is_empty());
        if village.as_ref().is_some_and(|v| v.chars().count() > 200) {
            return Err(FieldError::new("people", "Tên thôn, tổ dân phố dài quá 200 ký tự."));
        }
        if !out.iter().any(|(o, _)| coso_text::fold(o) == coso_text::fold(&name)) {
            out.push((name, village));
        }
    }
    if out.len() > MAX_PEOPLE {
        return Err(FieldError::new("people", format!("Danh sách có quá {MAX_PEOPLE} người.")));
    }
    match step {
        Step::Candidates if out.is_empty() => Err(FieldError::new(
            "people",
            "Danh sách người ứng cử phải có ít nhất 1 người (Nghị định 59/2023/NĐ-CP, Điều 6).",
        )),
        Step::Team if out.is_empty() => Err(FieldError::new("people", "Tổ bầu cử phải có ít nhất 1 thành viên.")),
        Step::Candidates | Step::Team => Ok(out),
        Step::Plan | Step::Notice => Ok(Vec::new()),
    }
}

fn step_code(raw: &str) -> Result<Step, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldError::new("step", "Chưa chọn bước thực hiện."));
    }
    Step::ALL.into_iter().find(|s| s.as_str() == v).ok_or_else(|| {
        let shown: String = v.chars().take(40).collect();
        FieldError::new("step", format!("Bước «{shown}» không có trong danh sách."))
    })
}

impl StepData {
    pub fn parse(input: &StepInput) -> Result<StepData, Vec<FieldError>> {
        let mut e = Errors::default();
        let step = e.take(step_code(&input.step));
        let done_on = e.take(field::date("done_on", "Ngày thực hiện", &input.done_on));
        let people = step.and_then(|s| e.take(people(&input.people, &input.villages, s)));
        match (step, done_on, people) {
            (Some(step), Some(done_on), Some(people)) if e.is_empty() => {
                let (people, villages) = people.into_iter().unzip();
                Ok(StepData { step, done_on, people, villages })
            }
            _ => Err(e.0),
        }
    }
}

/// The names of `team` that are also candidates (VH-2: none of the team may be one), compared
/// without diacritics or case.
pub fn team_conflicts(team: &[String], candidates: &[String]) -> Vec<String> {
    let folded: Vec<String> = candidates.iter().map(|c| coso_text::fold(c)).collect();
    team.iter().filter(|m| folded.contains(&coso_text::fold(m))).cloned().collect()
}

/// One candidate's votes as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct VoteInput {
    #[serde(default)]
    pub candidate: String,
    #[serde(default)]
    pub votes: i64,
}

/// The meeting's count as typed: the village's households, the representatives present, the
/// votes of each candidate, and the day the commune received the community's decision.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ResultInput {
    #[serde(default)]
    pub households: i64,
    #[serde(default)]
    pub present: i64,
    #[serde(default)]
    pub votes: Vec<VoteInput>,
    #[serde(default)]
    pub received_on: String,
}

/// A checked count: present ≤ households, each candidate's votes and their sum ≤ present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultData {
    pub households: u32,
    pub present: u32,
    /// Every candidate of the list with their votes, in the list's order.
    pub votes: Vec<(String, u32)>,
    pub received_on: NaiveDate,
}

fn count(field: &'static str, label: &str, raw: i64) -> Result<u32, FieldError> {
    u32::try_from(raw).map_err(|_| FieldError::new(field, format!("{label} phải là số không âm.")))
}

impl ResultData {
    /// Checks the count against the election's `candidates`, its meeting day and its `seats`:
    /// each representative present votes for at most `seats` candidates.
    pub fn parse(
        input: &ResultInput,
        candidates: &[String],
        meeting_on: NaiveDate,
        seats: u32,
    ) -> Result<ResultData, Vec<FieldError>> {
        let mut e = Errors::default();
        let households = e.take(count("households", "Tổng số hộ gia đình", input.households));
        let present = e.take(count("present", "Số đại diện hộ dự họp", input.present));
        let received_on = e.take(field::date("received_on", "Ngày UBND xã nhận kết quả", &input.received_on));
        if households == Some(0) {
            e.push(FieldError::new("households", "Tổng số hộ gia đình phải lớn hơn 0."));
        }
        if let (Some(h), Some(p)) = (households, present)
            && p > h
        {
            e.push(FieldError::new("present", format!("Số đại diện hộ dự họp ({p}) lớn hơn tổng số hộ ({h}).")));
        }
        if received_on.is_some_and(|r| r < meeting_on) {
            e.push(FieldError::new("received_on", "Ngày UBND xã nhận kết quả không được trước ngày họp bầu."));
        }
        if candidates.is_empty() {
            e.push(FieldError::new("votes", "Chưa có danh sách người ứng cử (bước gửi danh sách ứng cử)."));
        }
        let mut votes: Vec<(String, u32)> = candidates.iter().map(|c| (c.clone(), 0)).collect();
        for v in &input.votes {
            let name = coso_text::fold(&v.candidate);
            let Some(slot) = votes.iter_mut().find(|(c, _)| coso_text::fold(c) == name) else {
                let shown: String = coso_text::clean(&v.candidate).chars().take(60).collect();
                e.push(FieldError::new("votes", format!("«{shown}» không có trong danh sách người ứng cử.")));
                continue;
            };
            if let Some(n) = e.take(count("votes", "Số phiếu", v.votes)) {
                slot.1 = n;
                if present.is_some_and(|p| n > p) {
                    e.push(FieldError::new(
                        "votes",
                        format!("{} được {n} phiếu, nhiều hơn số đại diện hộ dự họp.", slot.0),
                    ));
                }
            }
        }
        let total: u64 = votes.iter().map(|(_, n)| u64::from(*n)).sum();
        if let Some(p) = present
            && total > u64::from(p) * u64::from(seats.max(1))
            && e.is_empty()
        {
            let message = if seats <= 1 {
                format!("Tổng số phiếu ({total}) nhiều hơn số đại diện hộ dự họp ({p}).")
            } else {
                format!("Tổng số phiếu ({total}) nhiều hơn {seats} lần số đại diện hộ dự họp ({p}).")
            };
            e.push(FieldError::new("votes", message));
        }
        match (households, present, received_on) {
            (Some(households), Some(present), Some(received_on)) if e.is_empty() => {
                Ok(ResultData { households, present, votes, received_on })
            }
            _ => Err(e.0),
        }
    }
}

/// The commune's decision on the result (VH-6): recognised, or to be held again.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct RecognitionInput {
    #[serde(default)]
    pub decided_on: String,
    #[serde(default = "yes")]
    pub recognised: bool,
    /// For a new People's Inspection Board, the elected candidate who heads it; the one with
    /// the most votes when empty.
    #[serde(default)]
    pub head: String,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecognitionData {
    pub decided_on: NaiveDate,
    pub recognised: bool,
    /// The head named for a new People's Inspection Board, cleaned; matched by the use case.
    pub head: Option<String>,
}

impl RecognitionData {
    pub fn parse(input: &RecognitionInput, received_on: NaiveDate) -> Result<RecognitionData, Vec<FieldError>> {
        let decided_on =
            field::date("decided_on", "Ngày quyết định công nhận", &input.decided_on).map_err(|e| vec![e])?;
        if decided_on < received_on {
            return Err(vec![FieldError::new(
                "decided_on",
                "Ngày quyết định không được trước ngày UBND xã nhận kết quả bầu.",
            )]);
        }
        let head = Some(coso_text::clean(&input.head)).filter(|h| !h.is_empty());
        Ok(RecognitionData { decided_on, recognised: input.recognised, head })
    }
}

/// A dismissal recognised by the commune, with the interim head it appointed (VH-7).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct DismissalInput {
    #[serde(default)]
    pub head_name: String,
    #[serde(default)]
    pub recognised_on: String,
    #[serde(default)]
    pub interim_name: String,
    #[serde(default)]
    pub interim_from: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DismissalData {
    pub head_name: String,
    pub recognised_on: NaiveDate,
    pub interim_name: String,
    pub interim_from: NaiveDate,
}

impl DismissalData {
    pub fn parse(input: &DismissalInput) -> Result<DismissalData, Vec<FieldError>> {
        let mut e = Errors::default();
        let head_name = e.take(field::required_text("head_name", "Họ và tên người thôi làm", &input.head_name, 200));
        let recognised_on =
            e.take(field::date("recognised_on", "Ngày quyết định công nhận cho thôi làm", &input.recognised_on));
        let interim_name = e.take(field::required_text(
            "interim_name",
            "Họ và tên người tạm thời phụ trách",
            &input.interim_name,
            200,
        ));
        let interim_from = e.take(field::date("interim_from", "Ngày bắt đầu tạm thời phụ trách", &input.interim_from));
        match (head_name, recognised_on, interim_name, interim_from) {
            (Some(head_name), Some(recognised_on), Some(interim_name), Some(interim_from)) if e.is_empty() => {
                Ok(DismissalData { head_name, recognised_on, interim_name, interim_from })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn a_candidate_list_needs_one_name() {
        let input = StepInput {
            step: "candidates".into(),
            done_on: "2025-11-14".into(),
            people: names(&[" "]),
            villages: Vec::new(),
        };
        let err = StepData::parse(&input).expect_err("empty");
        assert_eq!(err[0].field, "people");
        let input = StepInput { people: names(&["Nguyễn Văn An", "nguyen van an"]), ..input };
        assert_eq!(StepData::parse(&input).expect("one").people, names(&["Nguyễn Văn An"]));
    }

    #[test]
    fn the_team_may_not_hold_a_candidate_whatever_the_accents() {
        let team = names(&["Trần Văn Cường", "nguyen van an"]);
        assert_eq!(team_conflicts(&team, &names(&["Nguyễn Văn An"])), names(&["nguyen van an"]));
        assert!(team_conflicts(&team, &names(&["Lê Thị Bình"])).is_empty());
    }

    #[test]
    fn a_count_cannot_exceed_those_present_nor_name_a_stranger() {
        let candidates = names(&["Nguyễn Văn An", "Lê Thị Bình"]);
        let meeting = NaiveDate::from_ymd_opt(2025, 11, 30).expect("date");
        let vote = |c: &str, v: i64| VoteInput { candidate: c.into(), votes: v };
        let ok = ResultInput {
            households: 120,
            present: 70,
            votes: vec![vote("Nguyễn Văn An", 66), vote("le thi binh", 4)],
            received_on: "01/12/2025".into(),
        };
        let data = ResultData::parse(&ok, &candidates, meeting, 1).expect("count");
        assert_eq!(data.votes, vec![("Nguyễn Văn An".to_string(), 66), ("Lê Thị Bình".to_string(), 4)]);
        let too_many =
            ResultInput { votes: vec![vote("Nguyễn Văn An", 66), vote("Lê Thị Bình", 5)], ..ok.clone() };
        assert_eq!(ResultData::parse(&too_many, &candidates, meeting, 1).expect_err("sum")[0].field, "votes");
        let stranger = ResultInput { votes: vec![vote("Phạm Văn Dũng", 1)], ..ok.clone() };
        assert!(ResultData::parse(&stranger, &candidates, meeting, 1).is_err());
        let crowd = ResultInput { present: 121, ..ok };
        assert_eq!(ResultData::parse(&crowd, &candidates, meeting, 1).expect_err("present")[0].field, "present");
    }
}
