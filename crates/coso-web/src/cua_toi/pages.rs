//! The resident's home page.

use super::views::{MyHomePage, MyUnit};
use crate::auth::CurrentUser;
use crate::views::Nav;

/// Every signed-in user may open it; it shows only what their own grants say.
pub async fn home(user: CurrentUser) -> MyHomePage {
    let mut units: Vec<MyUnit> = Vec::new();
    for g in &user.grants {
        if units.iter().any(|u| u.code == g.unit_code) {
            continue;
        }
        let role = g.role.label();
        units.push(MyUnit { code: g.unit_code.clone(), name: g.unit_name.clone(), role });
    }
    MyHomePage { nav: Nav::of(Some(&user)), name: user.display_name.clone(), units }
}
