//! The disclosure register (*công khai*, Law 10/2022 Art. 11–13): what a commune or an agency
//! disclosed, of which required item, by which of the ten forms, where and for how long, with
//! its proofs (photos of the posted notice, radio broadcast days) and the village heads' relays.
//!
//! * [`catalogue`]: the required items, as data with their legal basis.
//! * [`form`]: the ten forms of PUB-2; [`relay`]: the ways a village head tells the village.
//! * [`compliance`]: the checks with their reasons.
//! * [`DisclosureInput`] → [`DisclosureData`]: a form or API body checked whole, every error
//!   naming its field.

pub mod catalogue;
pub mod compliance;
pub mod form;
pub mod relay;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::case::files::FileKind;
use crate::field::{Errors, date, optional_date, optional_text, required_text};
pub use catalogue::{Catalogue, CatalogueItem, Level};
pub use compliance::{Check, CheckKind};
pub use form::Form;
pub use relay::RelayMethod;

/// The kinds of file a disclosure carries as attachments.
pub const ATTACHMENT_KINDS: &[FileKind] = &[FileKind::Pdf, FileKind::Docx, FileKind::Xlsx];

/// The default largest attachment or photo, in bytes (10 MiB).
pub const DEFAULT_FILE_LIMIT: usize = 10 * 1024 * 1024;

const TITLE_MAX: usize = 300;
const CONTENT_MAX: usize = 20_000;
const SHORT_MAX: usize = 500;

/// A disclosure as typed in a form or sent by the API or another capability: raw text, checked
/// by [`DisclosureData::parse`].
///
/// A programmatic caller (a consultation publishing its results) fills the fields it knows and
/// leaves the rest to `Default`:
///
/// ```
/// use coso_domain::disclosure::{DisclosureInput, catalogue::CONSULTATION_RESULTS_ITEM};
/// let input = DisclosureInput {
///     item: CONSULTATION_RESULTS_ITEM.to_string(),
///     title: "Kết quả lấy ý kiến Nhân dân về dự thảo kế hoạch".to_owned(),
///     content: "Đã tiếp thu 12 ý kiến, giải trình 3 ý kiến.".to_owned(),
///     forms: vec!["portal".to_owned(), "posting".to_owned()],
///     posted_from: "2026-03-04".to_owned(),
///     ..DisclosureInput::default()
/// };
/// # let _ = input;
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DisclosureInput {
    /// The item's number in the catalogue of the unit's level (1–14 for a commune).
    pub item: String,
    pub title: String,
    pub content: String,
    /// The legal basis of the disclosure itself (optional).
    pub legal_basis: String,
    /// Form codes ([`Form::as_str`]), one or more.
    pub forms: Vec<String>,
    /// The legal basis providing the «other» form, required when `forms` holds `other`.
    pub other_form_basis: String,
    /// Where it is posted (the commune's headquarters, the cultural house…).
    pub place: String,
    /// First day of publicity, `dd/mm/yyyy` or `yyyy-mm-dd`.
    pub posted_from: String,
    /// Last day of posting, empty while it stays posted.
    pub posted_to: String,
    /// Radio broadcast days, separated by commas, spaces or new lines.
    pub broadcast_days: String,
    /// For a draft village convention: the day of the community's vote (PUB-7).
    pub convention_vote_on: String,
    /// The day the content was adopted, issued or received, empty if not known: the disclosure is
    /// due a set number of days after it (PUB-6).
    pub adopted_on: String,
}

/// A checked disclosure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisclosureData {
    pub item: u8,
    pub title: String,
    pub content: String,
    pub legal_basis: Option<String>,
    /// In the law's order, without repeats.
    pub forms: Vec<Form>,
    pub other_form_basis: Option<String>,
    pub place: Option<String>,
    pub posted_from: NaiveDate,
    pub posted_to: Option<NaiveDate>,
    /// Sorted, without repeats.
    pub broadcast_days: Vec<NaiveDate>,
    pub convention_vote_on: Option<NaiveDate>,
    pub adopted_on: Option<NaiveDate>,
}

/// Reads the form codes, refusing any outside the ten of PUB-2.
pub fn parse_forms(raw: &[String]) -> Result<Vec<Form>, FieldError> {
    let mut forms = Vec::new();
    for code in raw.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let Ok(form) = code.parse::<Form>() else {
            let shown: String = code.chars().take(60).collect();
            return Err(FieldError::new(
                "forms",
                format!(
                    "«{shown}» không phải là một trong 10 hình thức công khai của Điều 12 Luật Thực hiện dân chủ ở cơ sở."
                ),
            ));
        };
        forms.push(form);
    }
    if forms.is_empty() {
        return Err(FieldError::new("forms", "Hãy chọn ít nhất một hình thức công khai."));
    }
    forms.sort_unstable();
    forms.dedup();
    Ok(forms)
}

/// Reads the broadcast days: dates separated by commas, semicolons, spaces or new lines.
pub fn parse_days(field: &'static str, label: &str, raw: &str) -> Result<Vec<NaiveDate>, FieldError> {
    let mut days = Vec::new();
    for part in raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|p| !p.is_empty()) {
        days.push(date(field, label, part)?);
    }
    if days.len() > 366 {
        return Err(FieldError::new(field, format!("{label}: nhiều nhất 366 ngày.")));
    }
    days.sort_unstable();
    days.dedup();
    Ok(days)
}

impl DisclosureData {
    /// Checks `input` for a unit of `level` against the catalogue; every field error at once.
    pub fn parse(
        input: &DisclosureInput,
        level: Level,
        catalogue: &Catalogue,
    ) -> Result<DisclosureData, Vec<FieldError>> {
        let mut e = Errors::default();
        let item = e.take(
            input.item.trim().parse::<u8>().ok().filter(|n| catalogue.item(level, *n).is_some()).ok_or_else(|| {
                let count = catalogue.items_of(level).count();
                FieldError::new("item", format!("Hãy chọn nội dung phải công khai trong danh mục (1–{count})."))
            }),
        );
        let title = e.take(required_text("title", "Tiêu đề", &input.title, TITLE_MAX));
        let content = e.take(required_text("content", "Nội dung", &input.content, CONTENT_MAX));
        let legal_basis = e.take(optional_text("legal_basis", "Căn cứ pháp lý", &input.legal_basis, SHORT_MAX));
        let forms = e.take(parse_forms(&input.forms));
        let other_form_basis =
            e.take(optional_text("other_form_basis", "Căn cứ của hình thức khác", &input.other_form_basis, SHORT_MAX));
        let place = e.take(optional_text("place", "Địa điểm niêm yết", &input.place, SHORT_MAX));
        let posted_from = e.take(date("posted_from", "Ngày bắt đầu công khai", &input.posted_from));
        let posted_to = e.take(optional_date("posted_to", "Ngày kết thúc niêm yết", &input.posted_to));
        let broadcast_days = e.take(parse_days("broadcast_days", "Ngày phát thanh", &input.broadcast_days));
        let convention_vote_on = e.take(optional_date(
            "convention_vote_on",
            "Ngày biểu quyết hương ước, quy ước",
            &input.convention_vote_on,
        ));
        let adopted_on =
            e.take(optional_date("adopted_on", "Ngày thông qua, ban hành hoặc nhận được nội dung", &input.adopted_on));

        if let (Some(forms), Some(other)) = (&forms, &other_form_basis)
            && forms.contains(&Form::Other)
            && other.is_none()
        {
            e.push(FieldError::new(
                "other_form_basis",
                "Hình thức «khác» phải ghi căn cứ pháp luật quy định hình thức đó.",
            ));
        }
        if let (Some(from), Some(Some(to))) = (posted_from, posted_to)
            && to < from
        {
            e.push(FieldError::new(
                "posted_to",
                format!(
                    "Ngày kết thúc niêm yết ({}) không được trước ngày bắt đầu ({}).",
                    to.format("%d/%m/%Y"),
                    from.format("%d/%m/%Y")
                ),
            ));
        }
        if let (Some(forms), Some(days)) = (&forms, &broadcast_days)
            && !days.is_empty()
            && !forms.contains(&Form::Radio)
        {
            e.push(FieldError::new(
                "broadcast_days",
                "Đã ghi ngày phát thanh nhưng chưa chọn hình thức «Hệ thống truyền thanh cấp xã».",
            ));
        }
        if let (Some(from), Some(days)) = (posted_from, &broadcast_days)
            && let Some(first) = days.first()
            && *first < from
        {
            e.push(FieldError::new(
                "broadcast_days",
                format!("Ngày phát thanh {} trước ngày bắt đầu công khai.", first.format("%d/%m/%Y")),
            ));
        }
        if let (Some(from), Some(Some(vote))) = (posted_from, convention_vote_on)
            && vote < from
        {
            e.push(FieldError::new(
                "convention_vote_on",
                "Ngày biểu quyết hương ước, quy ước không được trước ngày niêm yết dự thảo.",
            ));
        }
        match (
            item,
            title,
            content,
            legal_basis,
            forms,
            other_form_basis,
            place,
            posted_from,
            posted_to,
            broadcast_days,
            convention_vote_on,
            adopted_on,
        ) {
            (
                Some(item),
                Some(title),
                Some(content),
                Some(legal_basis),
                Some(forms),
                Some(other_form_basis),
                Some(place),
                Some(posted_from),
                Some(posted_to),
                Some(broadcast_days),
                Some(convention_vote_on),
                Some(adopted_on),
            ) if e.is_empty() => Ok(DisclosureData {
                item,
                title,
                content,
                legal_basis,
                forms,
                other_form_basis,
                place,
                posted_from,
                posted_to,
                broadcast_days,
                convention_vote_on,
                adopted_on,
            }),
            _ => Err(e.0),
        }
    }
}

/// A village head's relay as typed: how and when the village was told.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelayInput {
    /// A [`RelayMethod`] code.
    pub method: String,
    pub relayed_on: String,
    pub note: String,
}

/// A checked relay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelayData {
    pub method: RelayMethod,
    pub relayed_on: NaiveDate,
    pub note: Option<String>,
}

impl RelayData {
    /// Checks a relay of a disclosure first published on `posted_from`, recorded on `today`.
    pub fn parse(input: &RelayInput, posted_from: NaiveDate, today: NaiveDate) -> Result<RelayData, Vec<FieldError>> {
        let mut e = Errors::default();
        let method = e.take(input.method.trim().parse::<RelayMethod>().map_err(|_| {
            FieldError::new("method", "Hãy chọn cách thông tin lại: họp, thông báo, tin nhắn hoặc mạng xã hội.")
        }));
        let relayed_on = e.take(date("relayed_on", "Ngày thông tin lại", &input.relayed_on));
        let note = e.take(optional_text("note", "Ghi chú", &input.note, SHORT_MAX));
        if let Some(on) = relayed_on {
            if on < posted_from {
                e.push(FieldError::new("relayed_on", "Ngày thông tin lại không được trước ngày bắt đầu công khai."));
            } else if on > today {
                e.push(FieldError::new("relayed_on", "Ngày thông tin lại không được sau hôm nay."));
            }
        }
        match (method, relayed_on, note) {
            (Some(method), Some(relayed_on), Some(note)) if e.is_empty() => Ok(RelayData { method, relayed_on, note }),
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> DisclosureInput {
        DisclosureInput {
            item: "8".to_owned(),
            title: "Kết luận thanh tra   việc  sử dụng quỹ".to_owned(),
            content: "<script>alert(1)</script> nội dung".to_owned(),
            forms: vec!["posting".to_owned(), "radio".to_owned(), "posting".to_owned()],
            posted_from: "04/03/2024".to_owned(),
            posted_to: "2024-04-05".to_owned(),
            broadcast_days: "04/03/2024, 05/03/2024\n06/03/2024".to_owned(),
            ..DisclosureInput::default()
        }
    }

    fn catalogue() -> Catalogue {
        Catalogue::current().expect("catalogue")
    }

    #[test]
    fn a_good_disclosure_is_cleaned_and_ordered() {
        let data = DisclosureData::parse(&input(), Level::Commune, &catalogue()).expect("valid");
        assert_eq!(data.item, 8);
        assert_eq!(data.title, "Kết luận thanh tra việc sử dụng quỹ");
        assert_eq!(data.content, "<script>alert(1)</script> nội dung", "kept as text, escaped when shown");
        assert_eq!(data.forms, [Form::Posting, Form::Radio]);
        assert_eq!(data.broadcast_days.len(), 3);
    }

    #[test]
    fn a_form_outside_the_ten_is_refused_naming_the_field() {
        let bad = DisclosureInput { forms: vec!["posting".to_owned(), "billboard".to_owned()], ..input() };
        let errors = DisclosureData::parse(&bad, Level::Commune, &catalogue()).expect_err("refused");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "forms");
        assert!(errors[0].message.contains("«billboard»") && errors[0].message.contains("10 hình thức"));
        let other = DisclosureInput { forms: vec!["other".to_owned()], broadcast_days: String::new(), ..input() };
        let errors = DisclosureData::parse(&other, Level::Commune, &catalogue()).expect_err("refused");
        assert_eq!(errors[0].field, "other_form_basis");
        let based = DisclosureInput { other_form_basis: "Luật Báo chí 2016".to_owned(), ..other };
        assert!(DisclosureData::parse(&based, Level::Commune, &catalogue()).is_ok());
    }

    #[test]
    fn an_end_before_the_start_is_refused_on_the_end() {
        let bad = DisclosureInput { posted_to: "03/03/2024".to_owned(), ..input() };
        let errors = DisclosureData::parse(&bad, Level::Commune, &catalogue()).expect_err("refused");
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), ["posted_to"]);
        assert!(errors[0].message.contains("03/03/2024") && errors[0].message.contains("04/03/2024"));
    }

    #[test]
    fn items_are_those_of_the_level() {
        let agency15 = DisclosureInput { item: "13".to_owned(), ..input() };
        let errors =
            DisclosureData::parse(&agency15, Level::Agency, &catalogue()).expect_err("no item 13 for agencies");
        assert_eq!(errors[0].field, "item");
        assert!(errors[0].message.contains("1–12"));
        assert!(
            DisclosureData::parse(&DisclosureInput { item: "0".to_owned(), ..input() }, Level::Commune, &catalogue())
                .is_err()
        );
    }

    #[test]
    fn broadcast_days_need_the_radio_form_and_follow_the_start() {
        let no_radio = DisclosureInput { forms: vec!["posting".to_owned()], ..input() };
        let errors = DisclosureData::parse(&no_radio, Level::Commune, &catalogue()).expect_err("refused");
        assert_eq!(errors[0].field, "broadcast_days");
        let before = DisclosureInput { broadcast_days: "01/03/2024".to_owned(), ..input() };
        let errors = DisclosureData::parse(&before, Level::Commune, &catalogue()).expect_err("refused");
        assert_eq!(errors[0].field, "broadcast_days");
        let garbage = DisclosureInput { broadcast_days: "31/02/2024".to_owned(), ..input() };
        assert_eq!(
            DisclosureData::parse(&garbage, Level::Commune, &catalogue()).expect_err("bad")[0].field,
            "broadcast_days"
        );
    }

    #[test]
    fn everything_missing_is_said_at_once() {
        let errors =
            DisclosureData::parse(&DisclosureInput::default(), Level::Commune, &catalogue()).expect_err("empty");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["item", "title", "content", "forms", "posted_from"]);
    }

    #[test]
    fn a_relay_is_dated_between_the_publicity_and_today() {
        let from = NaiveDate::from_ymd_opt(2024, 3, 4).expect("date");
        let today = NaiveDate::from_ymd_opt(2024, 3, 20).expect("date");
        let ok =
            RelayInput { method: "text_message".to_owned(), relayed_on: "05/03/2024".to_owned(), note: String::new() };
        assert_eq!(RelayData::parse(&ok, from, today).expect("valid").method, RelayMethod::TextMessage);
        let early = RelayInput { relayed_on: "03/03/2024".to_owned(), ..ok.clone() };
        assert_eq!(RelayData::parse(&early, from, today).expect_err("early")[0].field, "relayed_on");
        let how = RelayInput { method: "pigeon".to_owned(), ..ok };
        assert_eq!(RelayData::parse(&how, from, today).expect_err("unknown")[0].field, "method");
    }
}
