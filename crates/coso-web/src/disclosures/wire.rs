//! The API's bodies for disclosures.

use chrono::NaiveDate;
use coso_app::disclosures::DisclosureView;
use coso_domain::disclosure::Form;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The ten forms of publicity of Law 10/2022 Art. 12(1) (PUB-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FormCode {
    Posting,
    Portal,
    Radio,
    VillageHead,
    WrittenNotice,
    Dialogue,
    Reception,
    Organisations,
    SocialNetwork,
    Other,
}

impl From<Form> for FormCode {
    fn from(f: Form) -> Self {
        match f {
            Form::Posting => FormCode::Posting,
            Form::Portal => FormCode::Portal,
            Form::Radio => FormCode::Radio,
            Form::VillageHead => FormCode::VillageHead,
            Form::WrittenNotice => FormCode::WrittenNotice,
            Form::Dialogue => FormCode::Dialogue,
            Form::Reception => FormCode::Reception,
            Form::Organisations => FormCode::Organisations,
            Form::SocialNetwork => FormCode::SocialNetwork,
            Form::Other => FormCode::Other,
        }
    }
}

/// One compliance check with its reason.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplianceCheck {
    /// `forms`, `posting_period`, `radio_consecutive`, `convention_notice`, `village_relay` or `timeliness`.
    pub check: String,
    pub ok: bool,
    /// Why, in Vietnamese.
    pub reason: String,
}

/// A file of a disclosure.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisclosureFile {
    pub id: i64,
    /// `attachment` or `photo`.
    pub kind: String,
    pub file_name: String,
    pub size: i64,
    /// Where to download it.
    pub url: String,
}

/// A village's relay (PUB-4).
#[derive(Debug, Serialize, ToSchema)]
pub struct VillageRelay {
    pub village_code: String,
    pub village_name: String,
    pub confirmed: bool,
    /// How, when confirmed: `meeting`, `organisation_meeting`, `written_notice`, `text_message`, `social_network`.
    pub method: Option<String>,
    pub relayed_on: Option<NaiveDate>,
}

/// A disclosure.
#[derive(Debug, Serialize, ToSchema)]
pub struct Disclosure {
    pub id: i64,
    /// The item's number in the catalogue (1–14 at commune level).
    pub item: i64,
    pub item_title: String,
    pub title: String,
    pub content: String,
    pub legal_basis: Option<String>,
    pub forms: Vec<FormCode>,
    pub other_form_basis: Option<String>,
    pub place: Option<String>,
    pub posted_from: NaiveDate,
    pub posted_to: Option<NaiveDate>,
    pub broadcast_days: Vec<NaiveDate>,
    pub convention_vote_on: Option<NaiveDate>,
    /// The day the content was adopted, issued or received, if recorded.
    pub adopted_on: Option<NaiveDate>,
    pub compliance: Vec<ComplianceCheck>,
    pub files: Vec<DisclosureFile>,
    pub relays: Vec<VillageRelay>,
}

impl Disclosure {
    pub fn of(unit_code: &str, v: &DisclosureView) -> Disclosure {
        let r = &v.row;
        Disclosure {
            id: r.id,
            item: r.item_number,
            item_title: r.item_title.clone(),
            title: r.title.clone(),
            content: r.content.clone(),
            legal_basis: r.legal_basis.clone(),
            forms: v.forms.iter().map(|f| (*f).into()).collect(),
            other_form_basis: r.other_form_basis.clone(),
            place: r.place.clone(),
            posted_from: r.posted_from,
            posted_to: r.posted_to,
            broadcast_days: v.broadcast_days.clone(),
            convention_vote_on: r.convention_vote_on,
            adopted_on: r.adopted_on,
            compliance: v
                .checks
                .iter()
                .map(|c| ComplianceCheck { check: c.check.as_str().to_owned(), ok: c.ok, reason: c.reason.clone() })
                .collect(),
            files: v
                .files
                .iter()
                .map(|f| DisclosureFile {
                    id: f.id,
                    kind: f.kind.clone(),
                    file_name: f.file_name.clone(),
                    size: f.size,
                    url: format!("/don-vi/{unit_code}/cong-khai/{}/tep/{}", r.id, f.id),
                })
                .collect(),
            relays: v
                .villages
                .iter()
                .map(|s| VillageRelay {
                    village_code: s.village.code.clone(),
                    village_name: s.village.name.clone(),
                    confirmed: s.relay.is_some(),
                    method: s.relay.as_ref().map(|r| r.method.as_str().to_owned()),
                    relayed_on: s.relay.as_ref().map(|r| r.relayed_on),
                })
                .collect(),
        }
    }
}

/// A page of disclosures.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisclosureList {
    pub items: Vec<Disclosure>,
    pub page: i64,
    pub has_more: bool,
}

/// The files added to a disclosure (`multipart/form-data`), each part a file.
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes the multipart body in the API document; the handler reads the parts")]
pub struct DisclosureFiles {
    /// PDF, DOCX or XLSX documents; repeat the part for several.
    #[schema(value_type = Vec<String>, format = Binary)]
    pub attachments: Vec<Vec<u8>>,
    /// JPEG or PNG photos of the posted notice; their metadata is removed before they are kept.
    #[schema(value_type = Vec<String>, format = Binary)]
    pub photos: Vec<Vec<u8>>,
}

/// A disclosure to record: the same fields as the answers, dates `yyyy-mm-dd` or `dd/mm/yyyy`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DisclosureCreate {
    /// The item's number in the catalogue (1–14 at commune level, 1–12 for an agency).
    pub item: i64,
    pub title: String,
    pub content: String,
    #[serde(default)]
    pub legal_basis: Option<String>,
    /// One or more of the ten forms; `other` needs `other_form_basis`.
    #[schema(value_type = Vec<FormCode>)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub other_form_basis: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    pub posted_from: String,
    #[serde(default)]
    pub posted_to: Option<String>,
    #[serde(default)]
    pub broadcast_days: Vec<String>,
    #[serde(default)]
    pub convention_vote_on: Option<String>,
    /// The day the content was adopted, issued or received: the disclosure is due a set number of
    /// days after it (`disclosure_publish_within_days`, default 2, PUB-6 unverified).
    #[serde(default)]
    pub adopted_on: Option<String>,
}

/// One commune's year.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommuneCompliance {
    pub code: String,
    pub name: String,
    /// The item numbers it has disclosed, each with its first day and forms.
    pub disclosed: Vec<DisclosedItem>,
    /// The required item numbers it has not disclosed.
    pub missing: Vec<u8>,
    /// The item numbers it disclosed late at least once in the year (each item's `late` says why).
    pub late: Vec<u8>,
}

/// An item a commune disclosed in the year.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisclosedItem {
    pub item: u8,
    pub first_posted_from: NaiveDate,
    pub times: usize,
    pub forms: Vec<FormCode>,
    /// The first disclosure of the item in the year made after its due date; absent when none was.
    pub late: Option<LateDisclosure>,
}

/// A disclosure made after its due date: the day its content was adopted or received plus
/// `disclosure_publish_within_days` (PUB-6, unverified), or a draft convention's vote less 30
/// days (PUB-7). Posted on the due date itself is on time.
#[derive(Debug, Serialize, ToSchema)]
pub struct LateDisclosure {
    pub disclosure_id: i64,
    pub due_on: NaiveDate,
    pub posted_from: NaiveDate,
    /// Due date against posted date, in Vietnamese.
    pub reason: String,
}

/// A required item of the catalogue.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequiredItem {
    pub item: i64,
    pub title: String,
    pub legal_basis: String,
    pub radio_required: bool,
    /// Checked against a primary or reliable source; the others are marked unverified.
    pub verified: bool,
}

/// The compliance of a subtree's year.
#[derive(Debug, Serialize, ToSchema)]
pub struct YearCompliance {
    pub unit: String,
    pub year: i32,
    pub required: Vec<RequiredItem>,
    pub communes: Vec<CommuneCompliance>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_lists_every_form_under_its_code() {
        for f in Form::ALL {
            let code = serde_json::to_value(FormCode::from(f)).expect("json");
            assert_eq!(code, f.as_str());
        }
    }
}
