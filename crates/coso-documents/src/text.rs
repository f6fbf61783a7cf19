//! Text clean-up shared by every reader: NFC, invisible characters, whitespace, case tests.
//!
//! Documents arrive from Word, LibreOffice, PDF converters and hand-typed Markdown. They mix
//! decomposed and precomposed diacritics, non-breaking spaces and zero-width characters; all
//! later heuristics assume one canonical form, produced here.

use unicode_normalization::UnicodeNormalization;

/// NFC-normalises `s` and removes characters that carry no text (BOM, zero-width, soft hyphen).
pub(crate) fn normalize(s: &str) -> String {
    let clean = |c: &char| {
        !matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{00ad}' | '\u{2060}')
            && !matches!(c, '\u{00a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\u{3000}')
    };
    // Most text is already NFC and clean: skip the rewrite.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
        && s.chars().all(|c| clean(&c))
    {
        return s.to_string();
    }
    s.nfc()
        .filter(|c| !matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{00ad}' | '\u{2060}'))
        .map(|c| match c {
            '\u{00a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// True when `s[start..end]` is a whole word or phrase: no letter or digit right before or
/// after it. Regexes here avoid `\b`, which makes the regex engine give up its fast DFA on
/// non-ASCII text; matches are checked with this instead.
pub(crate) fn is_word_bounded(s: &str, start: usize, end: usize) -> bool {
    starts_word(s, start) && ends_word(s, end)
}

/// No letter or digit right before byte `i`.
pub(crate) fn starts_word(s: &str, i: usize) -> bool {
    s.get(..i).and_then(|b| b.chars().next_back()).is_none_or(|c| !c.is_alphanumeric())
}

/// No letter or digit right after byte `i`.
pub(crate) fn ends_word(s: &str, i: usize) -> bool {
    s.get(i..).and_then(|a| a.chars().next()).is_none_or(|c| !c.is_alphanumeric())
}

/// Matches of `re` in `s` that are whole words (see [`is_word_bounded`]).
pub(crate) fn find_words<'h>(re: &'h regex::Regex, s: &'h str) -> impl Iterator<Item = regex::Match<'h>> + 'h {
    re.find_iter(s).filter(move |m| is_word_bounded(s, m.start(), m.end()))
}

/// Collapses runs of whitespace into one space and trims both ends.
pub(crate) fn collapse_ws(s: &str) -> String {
    let trimmed = s.trim();
    if !trimmed.contains(|c: char| c.is_whitespace() && c != ' ') && !trimmed.contains("  ") {
        return trimmed.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Strips the closing marks documents put after a paragraph or item: `./.`, `;`, `,`, `:`.
pub(crate) fn trim_end_punct(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ',' | ':' | '/'))
}

/// Strips list markers and leading punctuation: `- `, `+ `, `• `, `* `.
pub(crate) fn trim_bullet(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '+' | '•' | '*' | '–' | '·' | '‒'))
}

/// Upper-cases the first character.
pub(crate) fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// True when the text has letters and none of them is lower case (`KẾ HOẠCH`, `PHÓ CHỦ TỊCH`).
pub(crate) fn is_upper(s: &str) -> bool {
    let mut letters = 0usize;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// True when the first letter of the text is lower case (a continuation of a broken sentence).
pub(crate) fn starts_lowercase(s: &str) -> bool {
    s.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_lowercase())
}

/// Number of whitespace-separated words.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Writes an upper-case organisation name the way it is written in running text:
/// `ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC` → `Ủy ban nhân dân tỉnh Bình Phước`,
/// `PHÒNG NỘI VỤ` → `Phòng Nội vụ`. Abbreviations (`UBND`, `HĐND`) are kept.
pub(crate) fn org_case(s: &str) -> String {
    if !is_upper(s) {
        return collapse_ws(s);
    }
    const LEVELS: &[&str] =
        &["tỉnh", "huyện", "xã", "phường", "quận", "thị xã", "thị trấn", "thành phố", "đặc khu", "thôn", "tổ dân phố"];
    const HEADS: &[&str] = &[
        "sở",
        "phòng",
        "ban",
        "bộ",
        "cục",
        "chi cục",
        "trung tâm",
        "văn phòng",
        "trường",
        "viện",
        "hội",
        "công an",
        "thanh tra",
        "kho bạc",
        "đài",
        "bệnh viện",
    ];
    const ABBREVIATIONS: &[&str] = &["UBND", "HĐND", "MTTQ", "BCH", "BCĐ", "TP", "TP.", "CT-XH", "VN"];
    let words: Vec<&str> = s.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let head_len = match lower.as_slice() {
        [a, b, ..] if HEADS.contains(&format!("{a} {b}").as_str()) => 2,
        [a, ..] if HEADS.contains(&a.as_str()) => 1,
        _ => 0,
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut title_rest = false;
    let mut i = 0;
    while i < words.len() {
        if ABBREVIATIONS.contains(&words[i]) {
            out.push(words[i].to_string());
            i += 1;
            continue;
        }
        if title_rest {
            out.push(capitalize_first(&lower[i]));
            i += 1;
            continue;
        }
        if i > 0 {
            let two = lower.get(i + 1).map(|n| format!("{} {n}", lower[i]));
            let level_len = if two.as_deref().is_some_and(|p| LEVELS.contains(&p)) {
                2
            } else if LEVELS.contains(&lower[i].as_str()) {
                1
            } else {
                0
            };
            // A level word followed by a name: "TỈNH BÌNH PHƯỚC" → "tỉnh Bình Phước".
            if level_len > 0 && i + level_len < words.len() {
                out.extend(lower[i..i + level_len].iter().cloned());
                i += level_len;
                title_rest = true;
                continue;
            }
        }
        if i == 0 || (head_len > 0 && i == head_len) {
            // "SỞ NỘI VỤ" → "Sở Nội vụ": the first word of the proper name is capitalised.
            out.push(capitalize_first(&lower[i]));
        } else {
            out.push(lower[i].clone());
        }
        i += 1;
    }
    out.join(" ")
}

/// Expands the abbreviation at the start of an issuer name for the issuer field:
/// `UBND tỉnh Bình Phước` → `Ủy ban nhân dân tỉnh Bình Phước`.
pub(crate) fn expand_issuer_abbrev(s: &str) -> String {
    for (abbr, full) in
        [("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("Uỷ ban nhân dân", "Ủy ban nhân dân")]
    {
        if let Some(rest) = s.strip_prefix(abbr) {
            return format!("{full}{rest}");
        }
    }
    s.to_string()
}

/// Splits a paragraph into sentences at `.`, `!` or `?` followed by a space and a capital
/// letter. Short upper-case tokens before the dot (`TM.`, `KT.`, `TP.`) are abbreviations.
pub(crate) fn split_sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = &s[i + 1..];
        let trimmed = after.trim_start();
        if trimmed.len() == after.len() || !trimmed.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let token = s[start..i].rsplit(' ').next().unwrap_or("");
        let abbreviation = token.chars().count() <= 3 && token.chars().all(|c| c.is_uppercase() || c == '/');
        if c == '.' && abbreviation && !token.is_empty() {
            continue;
        }
        let sentence = s[start..=i].trim();
        if !sentence.is_empty() {
            out.push(sentence);
        }
        start = i + 1;
    }
    let last = s[start..].trim();
    if !last.is_empty() {
        out.push(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_and_spaces() {
        let decomposed = "Ho\u{0302}\u{0300}ng\u{00a0}Li\u{0303}nh";
        assert_eq!(normalize(decomposed), "Hồng Lĩnh");
        assert_eq!(collapse_ws("  a \t b\n c "), "a b c");
    }

    #[test]
    fn org_names_in_running_case() {
        assert_eq!(org_case("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"), "Ủy ban nhân dân tỉnh Bình Phước");
        assert_eq!(org_case("PHÒNG NỘI VỤ"), "Phòng Nội vụ");
        assert_eq!(org_case("UBND HUYỆN ĐỨC THỌ"), "UBND huyện Đức Thọ");
        assert_eq!(org_case("ỦY BAN NHÂN DÂN THỊ XÃ HỒNG LĨNH"), "Ủy ban nhân dân thị xã Hồng Lĩnh");
        assert_eq!(org_case("Sở Nội vụ"), "Sở Nội vụ");
    }

    #[test]
    fn punctuation_and_case() {
        assert_eq!(trim_end_punct("theo quy định./."), "theo quy định");
        assert!(is_upper("KẾ HOẠCH"));
        assert!(!is_upper("Kế hoạch"));
        assert!(starts_lowercase("“quan nhà nước"));
    }

    #[test]
    fn sentences() {
        assert_eq!(
            split_sentences("Căn cứ Kế hoạch, chủ động thực hiện. Định kỳ báo cáo. TM. UBND ký."),
            vec!["Căn cứ Kế hoạch, chủ động thực hiện.", "Định kỳ báo cáo.", "TM. UBND ký."]
        );
    }
}
