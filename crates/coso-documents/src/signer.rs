//! The signature block: authority lines (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`), the
//! signer's position (`PHÓ CHỦ TỊCH`) and name. Missing lines are common in converted
//! documents (often only the name survives), so each part is optional.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Signer;
use crate::text;

static ROLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:TM|KT|Q|TL|TUQ|T/M)\s*\.\s*\S").expect("static regex"));
static NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*(?:đã ký|ký tên|ký,|chữ ký|ký số|ký bởi|signed|đóng dấu)|^\(.*\)$").expect("static regex")
});

/// True for an authority line (`TM.`, `KT.`, `Q.`, `TL.`, `TUQ.`).
pub(crate) fn is_role(line: &str) -> bool {
    ROLE.is_match(line)
}

/// A person's name: two to seven capitalised words, letters only.
fn is_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=7).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic))
}

/// Reads the signer from the lines left after the recipients.
pub(crate) fn read(lines: &[String]) -> Option<Signer> {
    let lines: Vec<&str> = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty() && !NOISE.is_match(l)).collect();
    let roles: Vec<&str> = lines.iter().copied().filter(|l| is_role(l)).collect();
    let others: Vec<&str> = lines.iter().copied().filter(|l| !is_role(l)).collect();
    let name = others.iter().rev().find(|l| is_name(l) && !text::is_upper(l)).copied().or_else(|| {
        // Some documents type the name in capitals; it is then the last line after a position.
        match others.as_slice() {
            [.., pos, last] if text::is_upper(pos) && is_name(last) => Some(*last),
            _ => None,
        }
    });
    let position = others.iter().copied().rfind(|l| text::is_upper(l) && Some(*l) != name && text::word_count(l) <= 8);
    if roles.is_empty() && position.is_none() && name.is_none() {
        return None;
    }
    Some(Signer {
        role_line: if roles.is_empty() { None } else { Some(roles.join(" / ")) },
        position: position.map(str::to_string),
        name: name.map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn full_and_name_only() {
        let s = read(&v(&["TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Hữu Chiến Quốc"]))
            .expect("signer");
        assert_eq!(s.role_line.as_deref(), Some("TM. ỦY BAN NHÂN DÂN / KT.CHỦ TỊCH"));
        assert_eq!(s.position.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(s.name.as_deref(), Some("Nguyễn Hữu Chiến Quốc"));
        let s = read(&v(&["Trần Tuệ Hiền"])).expect("signer");
        assert_eq!((s.role_line, s.position, s.name.as_deref()), (None, None, Some("Trần Tuệ Hiền")));
        assert_eq!(read(&v(&[])), None);
    }
}
