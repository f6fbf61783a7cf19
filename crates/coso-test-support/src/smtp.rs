//! A fake SMTP server that speaks just enough of the protocol for lettre and records every
//! message it accepts (the job tests of coso-jobs and of the `coso` binary).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent, after dot-unstuffing.
    pub data: String,
}

impl Received {
    /// The Subject header, decoded from RFC 2047 encoded words.
    pub fn subject(&self) -> String {
        let mut value = String::new();
        let mut in_subject = false;
        for line in self.data.lines() {
            if line.is_empty() {
                break;
            }
            if let Some(rest) = line.strip_prefix("Subject:") {
                in_subject = true;
                value.push_str(rest.trim());
            } else if in_subject && line.starts_with([' ', '\t']) {
                value.push(' ');
                value.push_str(line.trim());
            } else {
                in_subject = false;
            }
        }
        decode_words(&value)
    }

    /// The text body, decoded from base64.
    pub fn body(&self) -> String {
        assert!(self.data.contains("Content-Transfer-Encoding: base64"), "{}", self.data);
        let (_, body) = self.data.split_once("\n\n").expect("headers and body");
        let b64: String = body.split_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD.decode(b64).expect("base64 body");
        String::from_utf8(bytes).expect("utf-8 body")
    }
}

/// RFC 2047: whitespace between two encoded words is dropped, any other is kept.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut previous_encoded = None;
    for token in value.split_whitespace() {
        let encoded = token
            .strip_prefix("=?utf-8?b?")
            .or_else(|| token.strip_prefix("=?UTF-8?B?"))
            .and_then(|t| t.strip_suffix("?="));
        if previous_encoded.is_some_and(|p| !(p && encoded.is_some())) {
            out.push(' ');
        }
        match encoded {
            Some(b64) => {
                let bytes = base64::engine::general_purpose::STANDARD.decode(b64).expect("base64 encoded word");
                out.push_str(&String::from_utf8(bytes).expect("utf-8 encoded word"));
            }
            None => out.push_str(token),
        }
        previous_encoded = Some(encoded.is_some());
    }
    out
}

pub struct FakeSmtp {
    pub port: u16,
    pub received: Arc<Mutex<Vec<Received>>>,
}

impl FakeSmtp {
    /// Listens on 127.0.0.1; each message is acknowledged `delay` after its end, like a real
    /// server that takes its time, so that concurrent senders overlap.
    pub async fn start(delay: Duration) -> FakeSmtp {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind fake SMTP");
        let port = listener.local_addr().expect("address").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(session(socket, store.clone(), delay));
            }
        });
        FakeSmtp { port, received }
    }

    pub fn messages(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }

    pub fn count(&self) -> usize {
        self.received.lock().expect("lock").len()
    }
}

async fn session(socket: tokio::net::TcpStream, store: Arc<Mutex<Vec<Received>>>, delay: Duration) {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    let _ = write.write_all(b"220 fake.local ESMTP\r\n").await;
    let (mut from, mut to) = (String::new(), Vec::new());
    while let Ok(Some(line)) = lines.next_line().await {
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            b"250 fake.local\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            from = line[10..].trim().to_string();
            to.clear();
            b"250 OK\r\n"
        } else if upper.starts_with("RCPT TO:") {
            to.push(line[8..].trim().trim_start_matches('<').trim_end_matches('>').to_string());
            b"250 OK\r\n"
        } else if upper.starts_with("DATA") {
            let _ = write.write_all(b"354 end with .\r\n").await;
            let mut data = String::new();
            while let Ok(Some(l)) = lines.next_line().await {
                if l == "." {
                    break;
                }
                data.push_str(l.strip_prefix('.').unwrap_or(&l));
                data.push('\n');
            }
            tokio::time::sleep(delay).await;
            store.lock().expect("lock").push(Received { from: from.clone(), to: std::mem::take(&mut to), data });
            b"250 queued\r\n"
        } else if upper.starts_with("QUIT") {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            // RSET, NOOP and anything else.
            b"250 OK\r\n"
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}
