//! A line diff between two versions of a convention's text: the longest common subsequence
//! of their lines, after the common head and tail are set aside. Both texts are compared in
//! NFC, so a letter typed precomposed or decomposed is the same letter.

use serde::Serialize;

/// What a line of the diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Same,
    Added,
    Removed,
}

/// One line of the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    pub change: Change,
    pub text: String,
}

/// The lines that turn `old` into `new`, in order: removed lines before the added ones
/// that replace them.
pub fn diff_lines(old: &str, new: &str) -> Vec<DiffLine> {
    let old_text = coso_text::nfc(old);
    let new_text = coso_text::nfc(new);
    let a: Vec<&str> = old_text.lines().collect();
    let b: Vec<&str> = new_text.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let line = |change, text: &str| DiffLine { change, text: text.to_string() };
    let mut out: Vec<DiffLine> = a[..head].iter().map(|t| line(Change::Same, t)).collect();
    // lcs[i][j]: the longest common subsequence of ma[i..] and mb[j..].
    let width = mb.len() + 1;
    let mut lcs = vec![0u32; (ma.len() + 1) * width];
    for i in (0..ma.len()).rev() {
        for j in (0..mb.len()).rev() {
            lcs[i * width + j] = if ma[i] == mb[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < ma.len() && j < mb.len() {
        if ma[i] == mb[j] {
            out.push(line(Change::Same, ma[i]));
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
            out.push(line(Change::Removed, ma[i]));
            i += 1;
        } else {
            out.push(line(Change::Added, mb[j]));
            j += 1;
        }
    }
    out.extend(ma[i..].iter().map(|t| line(Change::Removed, t)));
    out.extend(mb[j..].iter().map(|t| line(Change::Added, t)));
    out.extend(a[a.len() - tail..].iter().map(|t| line(Change::Same, t)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn render(d: &[DiffLine]) -> Vec<String> {
        d.iter()
            .map(|l| {
                let mark = match l.change {
                    Change::Same => ' ',
                    Change::Added => '+',
                    Change::Removed => '-',
                };
                format!("{mark}{}", l.text)
            })
            .collect()
    }

    #[test]
    fn an_amended_article_shows_as_removed_then_added() {
        let old = "Điều 1. Phạm vi\nÁp dụng trong thôn.\nĐiều 2. Vệ sinh\nGiữ sạch đường làng.";
        let new = "Điều 1. Phạm vi\nÁp dụng trong thôn Đông.\nĐiều 2. Vệ sinh\nGiữ sạch đường làng.\nĐiều 3. Cưới";
        assert_eq!(
            render(&diff_lines(old, new)),
            [
                " Điều 1. Phạm vi",
                "-Áp dụng trong thôn.",
                "+Áp dụng trong thôn Đông.",
                " Điều 2. Vệ sinh",
                " Giữ sạch đường làng.",
                "+Điều 3. Cưới"
            ]
        );
    }

    #[test]
    fn decomposed_letters_are_the_same_line() {
        let precomposed = "Hương ước thôn Đông";
        let decomposed = "Hu\u{031b}o\u{031b}ng u\u{031b}o\u{031b}\u{0301}c tho\u{0302}n \u{0110}o\u{0302}ng";
        assert!(diff_lines(precomposed, decomposed).iter().all(|l| l.change == Change::Same));
    }

    proptest! {
        #[test]
        fn the_diff_rebuilds_both_texts(
            a in proptest::collection::vec("[abc]{0,2}", 0..12),
            b in proptest::collection::vec("[abc]{0,2}", 0..12),
        ) {
            let (old, new) = (a.join("\n"), b.join("\n"));
            let d = diff_lines(&old, &new);
            let kept = |skip: Change| d.iter().filter(|l| l.change != skip).map(|l| l.text.as_str()).collect::<Vec<_>>();
            prop_assert_eq!(kept(Change::Added), old.lines().collect::<Vec<_>>());
            prop_assert_eq!(kept(Change::Removed), new.lines().collect::<Vec<_>>());
        }
    }
}
