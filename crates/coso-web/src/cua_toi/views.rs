//! The resident's own page.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::households::MyHousehold;
use coso_domain::clock::vietnam_time_text;
use coso_domain::household_link::{LinkRequestInput, LinkStatus};

use super::case_views::MyCaseLine;
use crate::forms::FieldErrors;
use crate::views::Nav;

/// A unit the resident belongs to, with the role held there.
pub struct MyUnit {
    pub code: String,
    pub name: String,
    pub role: &'static str,
}

/// A notification as the page shows it.
pub struct MyNotification {
    pub id: i64,
    pub kind: &'static str,
    pub title: String,
    pub body: String,
    /// `HH:MM dd/mm/yyyy`, Vietnam time.
    pub at: String,
    pub unread: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "cua_toi/home.html")]
pub struct MyHomePage {
    pub nav: Nav,
    pub name: String,
    pub units: Vec<MyUnit>,
    /// Holds the `resident` role somewhere: the household section is shown.
    pub is_resident: bool,
    /// The newest household link, whatever its state.
    pub household: Option<MyHousehold>,
    /// The request form as typed, and its errors.
    pub typed: LinkRequestInput,
    pub errors: FieldErrors,
    pub notifications: Vec<MyNotification>,
    /// The newest cases the account sent, and how many it sent in all.
    pub cases: Vec<MyCaseLine>,
    pub cases_total: i64,
}

impl MyHomePage {
    /// The household link that is open (pending or confirmed), if any.
    pub fn open_link(&self) -> Option<&MyHousehold> {
        self.household.as_ref().filter(|h| h.status.is_open())
    }

    pub fn is_confirmed(&self, h: &MyHousehold) -> bool {
        h.status == LinkStatus::Confirmed
    }

    /// The newest link when it was refused, to show the village head's note above the form.
    pub fn refused(&self) -> Option<&MyHousehold> {
        self.household.as_ref().filter(|h| h.status == LinkStatus::Refused)
    }

    pub fn when(&self, h: &MyHousehold) -> String {
        vietnam_time_text(h.decided_at.unwrap_or(h.requested_at))
    }

    pub fn unread(&self) -> usize {
        self.notifications.iter().filter(|n| n.unread).count()
    }
}
