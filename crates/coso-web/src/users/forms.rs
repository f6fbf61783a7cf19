//! The "new account" form: the account input and the CSRF token.

use serde::Deserialize;

use super::wire::UserInput;

/// The values of the "new account" form. The password is never shown back.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: UserInput,
}

impl UserForm {
    /// An empty form with `role` chosen.
    pub fn with_role(role: impl Into<String>) -> UserForm {
        UserForm { input: UserInput { role: role.into(), ..Default::default() }, ..Default::default() }
    }

    /// The form as typed, without the password, to show again.
    pub fn without_password(self) -> UserForm {
        UserForm { input: UserInput { password: String::new(), ..self.input }, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posted_form_fills_the_user_input() {
        let form: UserForm = serde_urlencoded::from_str(
            "csrf=t&email=a%40coso.test&display_name=Tr%E1%BA%A7n+B&password=mot-mat-khau&role=official&unit_code=42",
        )
        .expect("parses");
        assert_eq!(form.csrf, "t");
        assert_eq!(form.input.email, "a@coso.test");
        assert_eq!(form.input.display_name, "Trần B");
        assert_eq!(form.input.role, "official");
        assert_eq!(form.input.unit_code, "42");
        assert_eq!(form.input.password, "mot-mat-khau");
        assert_eq!(form.without_password().input.password, "");
    }
}
