//! `open311_api_keys`: the applications that post to Open311 with an `api_key`, each a name and
//! the SHA-256 of its key in hexadecimal (`printf %s KEY | sha256sum`), so that the file holds
//! no key. In the file, `open311_api_keys = [{ name = "…", key_sha256 = "…" }]`; in the
//! environment, `COSO_OPEN311_API_KEYS="Tên ứng dụng=HASH;Ứng dụng khác=HASH"`, which wins.

use serde::Deserialize;

use super::ConfigError;

/// One entry of the file's list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileKey {
    name: String,
    key_sha256: String,
}

const VAR: &str = "COSO_OPEN311_API_KEYS";
const EXPECTED: &str = "cần tên ứng dụng và SHA-256 của khóa (64 ký tự hex), tên không trùng nhau \
    (expected a name and the key's SHA-256 in hex, names unique)";

/// The clients: from the environment if set, else from the file.
pub(super) fn read(
    file: Vec<FileKey>,
    env: &dyn Fn(&str) -> Option<String>,
    from_file: &dyn Fn(&str) -> String,
) -> Result<Vec<coso_web::Open311Client>, ConfigError> {
    let (entries, key): (Vec<(String, String)>, String) = match env(VAR).filter(|v| !v.trim().is_empty()) {
        Some(raw) => {
            let mut entries = Vec::new();
            for part in raw.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let Some((name, hash)) = part.rsplit_once('=') else {
                    return Err(ConfigError::Invalid { key: VAR.into(), value: redact(part), expected: EXPECTED });
                };
                entries.push((name.to_string(), hash.to_string()));
            }
            (entries, VAR.to_string())
        }
        None => (file.into_iter().map(|k| (k.name, k.key_sha256)).collect(), from_file("open311_api_keys")),
    };
    let mut clients: Vec<coso_web::Open311Client> = Vec::with_capacity(entries.len());
    for (name, hash) in entries {
        let name = coso_text::clean(&name);
        let hash = hash.trim().to_ascii_lowercase();
        let valid_hash = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        if name.is_empty() || !valid_hash || clients.iter().any(|c| c.name == name) {
            return Err(ConfigError::Invalid { key, value: format!("{name}={}", redact(&hash)), expected: EXPECTED });
        }
        clients.push(coso_web::Open311Client { name, key_sha256: hash });
    }
    Ok(clients)
}

/// A hash shown in an error by its first characters only.
fn redact(hash: &str) -> String {
    format!("{}…", hash.chars().take(8).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn the_file_lists_clients_and_the_environment_wins() {
        let file = vec![FileKey { name: "Ứng dụng Hà Tĩnh".into(), key_sha256: HASH.to_uppercase() }];
        let clients = read(file.clone(), &no_env, &|k| k.to_string()).expect("read");
        assert_eq!(clients, vec![coso_web::Open311Client { name: "Ứng dụng Hà Tĩnh".into(), key_sha256: HASH.into() }]);
        let env = |k: &str| (k == VAR).then(|| format!("Cổng A={HASH}; Cổng B = {HASH}"));
        let names: Vec<String> =
            read(file, &env, &|k| k.to_string()).expect("read").into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["Cổng A", "Cổng B"]);
    }

    #[test]
    fn a_short_hash_or_a_name_twice_is_refused_without_showing_the_hash() {
        let env = |k: &str| (k == VAR).then(|| "Cổng A=abc123".to_string());
        let e = read(vec![], &env, &|k| k.to_string()).expect_err("short hash").to_string();
        assert!(e.contains(VAR) && e.contains("SHA-256"), "{e}");
        let twice = vec![
            FileKey { name: "Cổng A".into(), key_sha256: HASH.into() },
            FileKey { name: "Cổng A".into(), key_sha256: HASH.into() },
        ];
        let e = read(twice, &no_env, &|k| format!("{k} (tệp coso.toml)")).expect_err("twice").to_string();
        assert!(e.contains("open311_api_keys (tệp coso.toml)") && !e.contains(HASH), "{e}");
    }
}
